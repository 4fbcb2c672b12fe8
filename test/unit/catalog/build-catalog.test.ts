import { describe, expect, it } from 'vitest';
import { buildConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { makeTinyCatalog, makeTinyCatalogData } from './tiny-catalog.ts';

type TinyData = ReturnType<typeof makeTinyCatalogData>;

/** Builds the tiny catalog after `breakIt` damages one part of a fresh copy, returning the error message. */
function buildBroken(breakIt: (data: TinyData & Record<string, unknown>) => void): string {
  const data = makeTinyCatalogData() as TinyData & Record<string, unknown>;
  breakIt(data);
  try {
    buildConnectorCatalog(data, 'tiny.json');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the broken catalog to be rejected');
}

describe('buildConnectorCatalog', () => {
  it('derives each connector’s tables from the tables’ connector lists', () => {
    const catalog = makeTinyCatalog();
    const tables = Object.fromEntries(catalog.connectors.map((c) => [c.id, c.tables]));
    expect(tables).toEqual({
      Endpoint: ['DeviceProcessEvents', 'DeviceNetworkEvents', 'DeviceInfo'],
      FirewallAma: ['FirewallLog'],
      FirewallLegacy: ['FirewallLog', 'OldFirewallLog'],
    });
  });

  it('fills omitted optional fields with empty values', () => {
    const catalog = makeTinyCatalog();
    const ama = catalog.connectors.find((c) => c.id === 'FirewallAma')!;
    expect(ama.aliases).toEqual([]);
    expect(ama.deprecated).toBeNull();
    expect(catalog.tables[0].dataTypeAliases).toEqual([]);
    expect(catalog.tables[0].deprecated).toBeNull();
  });

  it('returns frozen data so the shared catalog cannot be edited by a caller', () => {
    const catalog = makeTinyCatalog();
    expect(Object.isFrozen(catalog.tables)).toBe(true);
    expect(Object.isFrozen(catalog.tables[0])).toBe(true);
    expect(Object.isFrozen(catalog.connectors[0].tables)).toBe(true);
  });

  it.each([
    [
      'an unknown connector id',
      (d: TinyData) => void (d.tables[0].connectors = ['Nope']),
      'tiny.json: tables[0] "DeviceProcessEvents": connectors[0]: no connector has id "Nope"',
    ],
    [
      'an alias instead of the id',
      (d: TinyData) => void (d.tables[0].connectors = ['OldEndpoint']),
      'list the canonical id "Endpoint"',
    ],
    [
      'an unknown IOC type',
      (d: TinyData) => void (d.tables[1].iocTypes = ['ip', 'sha-256']),
      'tables[1] "DeviceNetworkEvents": iocTypes[1]: "sha-256" is not an IOC type',
    ],
    [
      'a table without connectors',
      (d: TinyData) => void (d.tables[2].connectors = []),
      'tables[2] "DeviceInfo": "connectors" must name at least one connector',
    ],
    [
      'a name differing only in case',
      (d: TinyData) => void (d.tables[2].name = 'deviceprocessevents'),
      'tables[2] "deviceprocessevents": "deviceprocessevents" clashes with table "DeviceProcessEvents"',
    ],
    [
      'a data type alias equal to a table name',
      (d: TinyData) => void (d.tables[3].dataTypeAliases = ['DeviceInfo']),
      '"DeviceInfo" clashes with table "DeviceInfo"',
    ],
    [
      'a duplicate connector id',
      (d: TinyData) => void (d.connectors[1].id = 'endpoint'),
      'connectors[1] "endpoint": "endpoint" clashes with connector "Endpoint"',
    ],
    [
      'an alias equal to another id',
      (d: TinyData) => void (d.connectors[0].aliases = ['FirewallAma']),
      'connectors[1] "FirewallAma": "FirewallAma" clashes with an alias of connector "Endpoint"',
    ],
    [
      'a connector no table lists',
      (d: TinyData) => void (d.tables[3].connectors = ['FirewallLegacy']),
      'connectors[1] "FirewallAma": no table lists this connector',
    ],
    [
      'a missing replacement',
      (d: TinyData) => void (d.tables[4].deprecated!.replacement = 'Gone'),
      'tables[4] "OldFirewallLog": deprecated: replacement "Gone" is not a table',
    ],
    [
      'a table replacing itself',
      (d: TinyData) => void (d.tables[4].deprecated!.replacement = 'OldFirewallLog'),
      'an entry cannot replace itself',
    ],
    [
      'a replacement that is itself deprecated',
      (d: TinyData) => void (d.connectors[0].deprecated = { replacement: 'FirewallLegacy', reason: 'x' } as never),
      'replacement "FirewallLegacy" is itself deprecated',
    ],
    [
      'an unknown field',
      (d: TinyData) => void ((d.tables[0] as Record<string, unknown>).ioctypes = []),
      'tables[0] "DeviceProcessEvents": unknown field "ioctypes"',
    ],
    [
      'a missing field',
      (d: TinyData) => void delete (d.connectors[2] as Record<string, unknown>).setup,
      'connectors[2] "FirewallLegacy": missing "setup"',
    ],
    [
      'an unknown kind',
      (d: TinyData) => void (d.connectors[0].kind = 'plugin'),
      '"kind" must be one of data-connector, built-in',
    ],
    [
      'a non-https docs link',
      (d: TinyData) => void (d.connectors[0].docs = 'http://example.test'),
      '"docs" "http://example.test" does not match',
    ],
    [
      'a table name KQL cannot spell',
      (d: TinyData) => void (d.tables[0].name = 'Device Events'),
      '"name" "Device Events" does not match',
    ],
    [
      'an empty description',
      (d: TinyData) => void (d.tables[0].description = '  '),
      '"description" must be a non-empty string',
    ],
    [
      'a repeated IOC type',
      (d: TinyData) => void (d.tables[0].iocTypes = ['md5', 'md5']),
      'iocTypes[1]: "md5" is listed twice',
    ],
    ['an unsupported version', (d: TinyData) => void (d.version = 2), 'tiny.json: unsupported "version" 2'],
  ])('rejects %s, naming the entry', (_label, breakIt, message) => {
    expect(buildBroken(breakIt as (d: TinyData) => void)).toContain(message);
  });

  it('rejects data that is not an object at all', () => {
    expect(() => buildConnectorCatalog([], 'tiny.json')).toThrow('tiny.json: expected an object');
  });
});
