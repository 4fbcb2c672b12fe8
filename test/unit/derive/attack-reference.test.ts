import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { loadCollection } from '../../../src/lib/content/load-collection.ts';
import { buildAttackReference, loadAttackReference } from '../../../src/lib/derive/attack-reference.ts';

const attack = loadAttackReference();
const tacticNames = (id: string) => attack.describe(id).tactics.map((tactic) => tactic.name);

describe('ATT&CK reference data', () => {
  it('names techniques and their tactics', () => {
    expect(attack.describe('T1071')).toMatchObject({
      name: 'Application Layer Protocol',
      label: 'Application Layer Protocol',
    });
    expect(tacticNames('T1071')).toEqual(['Command and Control']);
    expect(tacticNames('T1053')).toEqual(['Execution', 'Persistence', 'Privilege Escalation']);
  });

  it('labels sub-techniques with their parent and gives them the parent tactics', () => {
    expect(attack.describe('t1071.001')).toMatchObject({
      id: 'T1071.001',
      name: 'Web Protocols',
      label: 'Application Layer Protocol: Web Protocols',
      parentId: 'T1071',
    });
    expect(tacticNames('T1071.001')).toEqual(['Command and Control']);
    // Not listed itself: still placed under its parent's tactic.
    expect(tacticNames('T1071.005')).toEqual(['Command and Control']);
  });

  it('points retired ids at their replacement and takes its tactics', () => {
    expect(attack.describe('T1070.001')).toMatchObject({ name: 'Clear Windows Event Logs', replacedBy: 'T1685.005' });
    expect(tacticNames('T1070.001')).toEqual(['Defense Impairment']);
  });

  it('keeps tactics in matrix order and describes unknown ids without failing', () => {
    expect(attack.tactics[0]?.name).toBe('Reconnaissance');
    expect(attack.tactics.at(-1)?.name).toBe('Impact');
    expect(attack.describe('T9999')).toMatchObject({ id: 'T9999', name: undefined, tactics: [] });
  });

  it('covers every technique used by the bundled writeups', () => {
    const root = process.cwd();
    const { writeups } = loadCollection(join(root, 'content/detections'), root, loadConnectorCatalog());
    const unknown = writeups.flatMap((w) => w.attack).filter((id) => !attack.describe(id).name);
    expect(unknown).toEqual([]);
    expect(writeups.flatMap((w) => w.attack).every((id) => attack.describe(id).tactics.length > 0)).toBe(true);
  });

  it('refuses broken reference data', () => {
    const tactics = [{ id: 'TA0011', slug: 'command-and-control', name: 'Command and Control' }];
    const build = (techniques: Record<string, { name: string; tactics?: string[]; replacedBy?: string }>) => () =>
      buildAttackReference({ source: 'test', tactics, techniques });
    expect(build({ T1071: { name: 'x', tactics: ['nowhere'] } })).toThrow(/unknown tactic/);
    expect(build({ X1: { name: 'x', tactics: [] } })).toThrow(/not a technique id/);
    expect(build({ 'T1071.001': { name: 'x' } })).toThrow(/no tactics/);
    expect(build({ T1071: { name: 'x', replacedBy: 'T1685' } })).toThrow(/replaced by unknown/);
  });
});
