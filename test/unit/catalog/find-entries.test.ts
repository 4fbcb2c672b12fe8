import { describe, expect, it } from 'vitest';
import {
  connectorsForTable,
  expandTableWildcard,
  findConnector,
  findTable,
  findTableForDataType,
  loadConnectorCatalog,
  tablesForIocType,
} from '../../../src/lib/catalog/index.ts';
import { makeTinyCatalog } from './tiny-catalog.ts';

const tiny = makeTinyCatalog();
const names = (entries: readonly { name: string }[]): string[] => entries.map((e) => e.name);

describe('findTable', () => {
  it('finds an exact name', () => {
    expect(findTable(tiny, 'DeviceInfo')).toMatchObject({ entry: { name: 'DeviceInfo' }, caseDiffers: false });
  });

  it('finds a name spelt in another case, and says so because Sentinel would reject it', () => {
    expect(findTable(tiny, 'deviceinfo')).toMatchObject({ entry: { name: 'DeviceInfo' }, caseDiffers: true });
    expect(findTable(loadConnectorCatalog(), 'SignInLogs')).toMatchObject({
      entry: { name: 'SigninLogs' },
      caseDiffers: true,
    });
  });

  it('ignores surrounding whitespace and returns undefined for unknown names', () => {
    expect(findTable(tiny, '  DeviceInfo ')?.caseDiffers).toBe(false);
    expect(findTable(tiny, 'DeviceInfos')).toBeUndefined();
    expect(findTable(tiny, '')).toBeUndefined();
  });
});

describe('connectorsForTable', () => {
  it('returns the connectors in the order the table lists them', () => {
    expect(connectorsForTable(tiny, 'FirewallLog').map((c) => c.id)).toEqual(['FirewallAma', 'FirewallLegacy']);
  });

  it('accepts an entry or a name in any case, and is empty for unknown tables', () => {
    expect(connectorsForTable(tiny, tiny.tables[0]).map((c) => c.id)).toEqual(['Endpoint']);
    expect(connectorsForTable(tiny, 'firewalllog')).toHaveLength(2);
    expect(connectorsForTable(tiny, 'Nope')).toEqual([]);
  });

  it('links the shipped Defender tables to Defender XDR', () => {
    const catalog = loadConnectorCatalog();
    expect(connectorsForTable(catalog, 'DeviceNetworkEvents').map((c) => c.id)).toEqual(['MicrosoftThreatProtection']);
  });
});

describe('findConnector', () => {
  it('finds an id exactly, in another case, or through an alias', () => {
    expect(findConnector(tiny, 'Endpoint')).toMatchObject({
      entry: { id: 'Endpoint' },
      caseDiffers: false,
      viaAlias: null,
    });
    expect(findConnector(tiny, 'ENDPOINT')).toMatchObject({
      entry: { id: 'Endpoint' },
      caseDiffers: true,
      viaAlias: null,
    });
    expect(findConnector(tiny, 'OldEndpoint')).toMatchObject({
      entry: { id: 'Endpoint' },
      caseDiffers: false,
      viaAlias: 'OldEndpoint',
    });
    expect(findConnector(tiny, 'oldendpoint')).toMatchObject({ caseDiffers: true, viaAlias: 'OldEndpoint' });
    expect(findConnector(tiny, 'Firewall')).toBeUndefined();
  });

  it('resolves the legacy Microsoft365Defender id real hunting queries use', () => {
    expect(findConnector(loadConnectorCatalog(), 'Microsoft365Defender')?.entry.id).toBe('MicrosoftThreatProtection');
  });
});

describe('findTableForDataType', () => {
  it('strips the qualifier connector definitions add, and follows data type aliases', () => {
    expect(findTableForDataType(tiny, 'FirewallLog (Vendor X)')?.name).toBe('FirewallLog');
    expect(findTableForDataType(tiny, 'FirewallLogs')?.name).toBe('FirewallLog');
    expect(findTableForDataType(tiny, 'Nope (X)')).toBeUndefined();
  });

  it('maps the real odd names: OfficeActivity (Exchange), SecurityEvents, CommonSecurityLog (PaloAlto)', () => {
    const catalog = loadConnectorCatalog();
    expect(findTableForDataType(catalog, 'OfficeActivity (Exchange)')?.name).toBe('OfficeActivity');
    expect(findTableForDataType(catalog, 'SecurityEvents')?.name).toBe('SecurityEvent');
    expect(findTableForDataType(catalog, 'CommonSecurityLog (PaloAlto)')?.name).toBe('CommonSecurityLog');
  });

  it('does not let findTable accept a data type alias, which is not valid KQL', () => {
    expect(findTable(loadConnectorCatalog(), 'SecurityEvents')).toBeUndefined();
  });
});

describe('expandTableWildcard', () => {
  it('expands a prefix to every matching table, sorted', () => {
    expect(names(expandTableWildcard(tiny, 'Device*'))).toEqual([
      'DeviceInfo',
      'DeviceNetworkEvents',
      'DeviceProcessEvents',
    ]);
  });

  it('matches the whole shipped Device* family', () => {
    const device = names(expandTableWildcard(loadConnectorCatalog(), 'Device*'));
    expect(device).toEqual([...device].sort());
    expect(device).toEqual(
      expect.arrayContaining([
        'DeviceEvents',
        'DeviceFileCertificateInfo',
        'DeviceNetworkEvents',
        'DeviceRegistryEvents',
      ]),
    );
    expect(device.every((name) => name.startsWith('Device'))).toBe(true);
    expect(device).toHaveLength(10);
  });

  it('supports stars anywhere, and a lone star', () => {
    expect(names(expandTableWildcard(tiny, '*Firewall*'))).toEqual(['FirewallLog', 'OldFirewallLog']);
    expect(names(expandTableWildcard(tiny, 'Device*Events'))).toEqual(['DeviceNetworkEvents', 'DeviceProcessEvents']);
    expect(expandTableWildcard(tiny, '*')).toHaveLength(tiny.tables.length);
  });

  it('treats a pattern without a star as one exact name', () => {
    expect(names(expandTableWildcard(tiny, 'DeviceInfo'))).toEqual(['DeviceInfo']);
    expect(expandTableWildcard(tiny, 'Device')).toEqual([]);
  });

  it('is case-sensitive like KQL unless asked otherwise', () => {
    expect(expandTableWildcard(tiny, 'device*')).toEqual([]);
    expect(names(expandTableWildcard(tiny, 'device*', { ignoreCase: true }))).toHaveLength(3);
  });

  it('matches nothing for patterns KQL could not name, instead of treating them as regular expressions', () => {
    expect(expandTableWildcard(tiny, 'Device.*')).toEqual([]);
    expect(expandTableWildcard(tiny, '(Device)*')).toEqual([]);
    expect(expandTableWildcard(tiny, '')).toEqual([]);
  });
});

describe('tablesForIocType', () => {
  it('lists live tables that hunt a type, in catalog order', () => {
    expect(names(tablesForIocType(tiny, 'ip'))).toEqual(['DeviceNetworkEvents', 'FirewallLog']);
    expect(names(tablesForIocType(tiny, 'sha256'))).toEqual(['DeviceProcessEvents']);
    expect(tablesForIocType(tiny, 'email')).toEqual([]);
  });

  it('adds retired tables only on request', () => {
    expect(names(tablesForIocType(tiny, 'ip', { includeDeprecated: true }))).toEqual([
      'DeviceNetworkEvents',
      'FirewallLog',
      'OldFirewallLog',
    ]);
  });

  it('sends shipped domain hunts to DNS and network tables, not to the retired TI table', () => {
    const domain = names(tablesForIocType(loadConnectorCatalog(), 'domain'));
    expect(domain).toEqual(
      expect.arrayContaining(['DnsEvents', 'DeviceNetworkEvents', 'CommonSecurityLog', 'ThreatIntelIndicators']),
    );
    expect(domain).not.toContain('ThreatIntelligenceIndicator');
  });
});
