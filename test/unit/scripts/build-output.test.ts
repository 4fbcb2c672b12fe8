import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { markSite, refuseOutput, removeStaleSiblings } from '../../../scripts/build-output.ts';

const root = mkdtempSync(join(tmpdir(), 'huntbook-out-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('refuseOutput', () => {
  it('never replaces the project, its content or its sources', () => {
    expect(refuseOutput(root, 'content/detections', root)).toMatch(/replace the project folder/);
    expect(refuseOutput(join(root, '..'), 'content/detections', root)).toMatch(/replace the project folder/);
    expect(refuseOutput(join(root, 'content'), join(root, 'content/detections'), root)).toMatch(/inside content/);
    expect(refuseOutput(join(root, 'src/pages'), join(root, 'content/detections'), root)).toMatch(/inside src/);
  });

  it('replaces only folders it built, or new and empty ones', () => {
    const notes = join(root, 'notes');
    mkdirSync(notes);
    writeFileSync(join(notes, 'precious.txt'), 'keep me');
    expect(refuseOutput(notes, 'content/detections', root)).toMatch(/not empty and was not built by Huntbook/);
    const site = join(root, 'site');
    mkdirSync(site);
    writeFileSync(join(site, 'index.html'), '');
    markSite(site);
    expect(refuseOutput(site, 'content/detections', root)).toBeUndefined();
    expect(refuseOutput(join(root, 'new'), 'content/detections', root)).toBeUndefined();
  });

  it('removes folders left by interrupted builds, not those of a build still running', () => {
    // Above Linux's largest pid (2^22), so never a running process.
    const gone = 4_194_400;
    const names = [
      `dist.staging-${gone}`,
      `dist.staging-${gone}-cache`,
      `dist.previous-${gone}`,
      'dist.keep',
      `dist.staging-${process.pid}`,
    ];
    for (const name of names) mkdirSync(join(root, name));
    removeStaleSiblings(join(root, 'dist'));
    expect(names.map((name) => existsSync(join(root, name)))).toEqual([false, false, false, true, true]);
  });
});
