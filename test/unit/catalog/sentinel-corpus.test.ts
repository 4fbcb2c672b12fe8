import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  findConnector,
  findTable,
  findTableForDataType,
  loadConnectorCatalog,
} from '../../../src/lib/catalog/index.ts';

// Real Sentinel content kept beside the repository; CI lays shared/ out the same way.
const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus/sentinel');
const catalog = loadConnectorCatalog();

function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Requirement {
  file: string;
  connectorId: string;
  dataTypes: string[];
}

function readRuleRequirements(): Requirement[] {
  return listFiles(CORPUS, /\.ya?ml$/i).flatMap((file) => {
    const rule = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as {
      requiredDataConnectors?: { connectorId: string; dataTypes?: string[] }[];
    };
    return (rule.requiredDataConnectors ?? []).map((r) => ({
      file: relative(CORPUS, file),
      connectorId: r.connectorId,
      dataTypes: r.dataTypes ?? [],
    }));
  });
}

function readConnectorDefinitions(): Requirement[] {
  return listFiles(join(CORPUS, 'connectors'), /\.json$/i).map((file) => {
    const definition = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as {
      id: string;
      dataTypes: { name: string }[];
    };
    return {
      file: relative(CORPUS, file),
      connectorId: definition.id,
      dataTypes: definition.dataTypes.map((d) => d.name),
    };
  });
}

/** Problems with one requirement: an unknown connector, or a data type that maps to no table that connector fills. */
function checkRequirement({ file, connectorId, dataTypes }: Requirement, allowAlias: boolean): string[] {
  const match = findConnector(catalog, connectorId);
  if (!match || match.caseDiffers || (match.viaAlias && !allowAlias))
    return [`${file}: connector ${connectorId} is not in the catalog`];
  return dataTypes.flatMap((dataType) => {
    const table = findTableForDataType(catalog, dataType);
    if (!table) return [`${file}: data type ${dataType} maps to no catalog table`];
    return table.connectors.includes(match.entry.id) ? [] : [`${file}: ${table.name} does not list ${match.entry.id}`];
  });
}

describe.skipIf(!existsSync(CORPUS))('the catalog against real Sentinel content', () => {
  it('knows every connector definition under its own id, with all of its data types', () => {
    const definitions = readConnectorDefinitions();
    expect(definitions.length).toBeGreaterThanOrEqual(8);
    expect(definitions.flatMap((d) => checkRequirement(d, false))).toEqual([]);
  });

  it('resolves every requiredDataConnectors entry of the real rules', () => {
    const requirements = readRuleRequirements();
    expect(requirements.length).toBeGreaterThan(50);
    expect(requirements.flatMap((r) => checkRequirement(r, true))).toEqual([]);
  });

  it('has the tables the real queries read beyond what they declare', () => {
    // Found by reading the corpus queries: Sysmon rows live in Event, and the IOC rules join these too.
    for (const name of [
      'Event',
      'SecurityAlert',
      'WireData',
      'VMConnection',
      'AZFWDnsQuery',
      'AZFWNetworkRule',
      'W3CIISLog',
    ]) {
      expect(findTable(catalog, name)?.caseDiffers, name).toBe(false);
    }
  });
});
