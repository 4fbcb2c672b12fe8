import { describe, expect, it } from 'vitest';
import { IOC_TYPES } from '../../../src/lib/ioc/ioc-types.ts';
import {
  connectorsForTable,
  findConnector,
  findTable,
  isPlaceholderName,
  loadConnectorCatalog,
} from '../../../src/lib/catalog/index.ts';

const catalog = loadConnectorCatalog();

// Tables the brief requires, then the other tables analysts commonly hunt in.
const REQUIRED_TABLES = [
  'CommonSecurityLog',
  'DeviceNetworkEvents',
  'DeviceProcessEvents',
  'DeviceFileEvents',
  'DeviceEvents',
  'DeviceLogonEvents',
  'DeviceRegistryEvents',
  'EmailEvents',
  'SigninLogs',
  'AuditLogs',
  'SecurityEvent',
  'Syslog',
  'DnsEvents',
  'OfficeActivity',
  'AzureActivity',
  'ThreatIntelIndicators',
];
const COMMON_TABLES = [
  'DeviceInfo',
  'DeviceNetworkInfo',
  'DeviceImageLoadEvents',
  'DeviceFileCertificateInfo',
  'EmailUrlInfo',
  'EmailAttachmentInfo',
  'EmailPostDeliveryEvents',
  'UrlClickEvents',
  'CloudAppEvents',
  'IdentityLogonEvents',
  'IdentityQueryEvents',
  'IdentityDirectoryEvents',
  'AlertInfo',
  'AlertEvidence',
  'AADNonInteractiveUserSignInLogs',
  'AADServicePrincipalSignInLogs',
  'W3CIISLog',
  'AzureDiagnostics',
  'ASimDnsActivityLogs',
  'ASimNetworkSessionLogs',
  'ThreatIntelligenceIndicator',
  'ThreatIntelObjects',
  'SecurityAlert',
  'SecurityIncident',
  'Heartbeat',
  'Event',
  'WindowsEvent',
  'VMConnection',
  'AWSCloudTrail',
  'GCPAuditLogs',
];
// Connector ids as real rules spell them in requiredDataConnectors.
const REQUIRED_CONNECTORS = [
  'MicrosoftThreatProtection',
  'AzureActiveDirectory',
  'Office365',
  'SecurityEvents',
  'WindowsSecurityEvents',
  'CefAma',
  'SyslogAma',
  'DNS',
  'ASimDnsActivityLogs',
  'AzureActivity',
  'ThreatIntelligence',
  'MicrosoftDefenderThreatIntelligence',
  'PaloAltoNetworks',
];

describe('the shipped connector catalog', () => {
  it('loads, validated, and is shared between callers', () => {
    expect(loadConnectorCatalog()).toBe(catalog);
    expect(catalog.tables.length).toBeGreaterThanOrEqual(REQUIRED_TABLES.length + COMMON_TABLES.length);
  });

  it.each([...REQUIRED_TABLES, ...COMMON_TABLES])('has table %s, spelt exactly', (name) => {
    expect(findTable(catalog, name)).toMatchObject({ entry: { name }, caseDiffers: false });
  });

  it.each(REQUIRED_CONNECTORS)('has connector %s under its Sentinel id', (id) => {
    expect(findConnector(catalog, id)).toMatchObject({ entry: { id }, caseDiffers: false, viaAlias: null });
  });

  it('lists only existing connectors on tables, and every connector fills some table', () => {
    const ids = new Set(catalog.connectors.map((c) => c.id));
    for (const table of catalog.tables) {
      expect(table.connectors.length, table.name).toBeGreaterThan(0);
      for (const id of table.connectors) expect(ids.has(id), `${table.name} → ${id}`).toBe(true);
    }
    for (const connector of catalog.connectors) expect(connector.tables.length, connector.id).toBeGreaterThan(0);
  });

  it('keeps the two directions of the table ↔ connector relation identical', () => {
    const fromTables = catalog.tables.flatMap((t) => t.connectors.map((c) => `${t.name} ↔ ${c}`)).sort();
    const fromConnectors = catalog.connectors.flatMap((c) => c.tables.map((t) => `${t} ↔ ${c.id}`)).sort();
    expect(fromConnectors).toEqual(fromTables);
  });

  it('has no duplicate table names or connector ids, even ignoring case', () => {
    const tableNames = catalog.tables.map((t) => t.name.toLowerCase());
    const ids = catalog.connectors.flatMap((c) => [c.id, ...c.aliases]).map((id) => id.toLowerCase());
    expect(new Set(tableNames).size).toBe(tableNames.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('points every deprecated entry at a live replacement', () => {
    for (const table of catalog.tables.filter((t) => t.deprecated)) {
      const replacement = findTable(catalog, table.deprecated!.replacement);
      expect(replacement?.caseDiffers, table.name).toBe(false);
      expect(replacement?.entry.deprecated, table.name).toBeNull();
    }
    for (const connector of catalog.connectors.filter((c) => c.deprecated)) {
      const replacement = findConnector(catalog, connector.deprecated!.replacement);
      expect(replacement?.viaAlias, connector.id).toBeNull();
      expect(replacement?.entry.deprecated, connector.id).toBeNull();
    }
  });

  it('retires ThreatIntelligenceIndicator in favour of ThreatIntelIndicators', () => {
    expect(findTable(catalog, 'ThreatIntelligenceIndicator')?.entry.deprecated?.replacement).toBe(
      'ThreatIntelIndicators',
    );
  });

  it('knows that some tables come from several connectors, the recommended one first', () => {
    const cef = connectorsForTable(catalog, 'CommonSecurityLog').map((c) => c.id);
    expect(cef[0]).toBe('CefAma');
    expect(cef).toEqual(expect.arrayContaining(['CEF', 'PaloAltoNetworks', 'CiscoAsaAma']));
    expect(connectorsForTable(catalog, 'SecurityEvent').map((c) => c.id)).toEqual([
      'WindowsSecurityEvents',
      'SecurityEvents',
    ]);
    expect(connectorsForTable(catalog, 'Syslog')[0]?.id).toBe('SyslogAma');
  });

  it('recommends a live connector first for every live table', () => {
    for (const table of catalog.tables.filter((t) => !t.deprecated && t.connectors.length > 1)) {
      expect(connectorsForTable(catalog, table)[0]?.deprecated, table.name).toBeNull();
    }
  });

  it('uses only known IOC types, with ranges and ports only where addresses are hunted', () => {
    for (const table of catalog.tables) {
      for (const type of table.iocTypes) expect(IOC_TYPES, `${table.name}: ${type}`).toContain(type);
      if (table.iocTypes.includes('cidr') || table.iocTypes.includes('ip:port'))
        expect(table.iocTypes, table.name).toContain('ip');
    }
    for (const type of IOC_TYPES) {
      const live = catalog.tables.filter((t) => t.iocTypes.includes(type) && !t.deprecated);
      expect(live.length, `no live table hunts ${type}`).toBeGreaterThan(0);
    }
  });

  it('gives every connector a setup hint and an https docs link', () => {
    for (const connector of catalog.connectors) {
      expect(connector.setup.length, connector.id).toBeGreaterThan(20);
      expect(connector.docs, connector.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('keeps descriptions to one line', () => {
    for (const table of catalog.tables) expect(table.description, table.name).not.toMatch(/\n/);
  });

  it('never mistakes a real name for a placeholder', () => {
    const names = [...catalog.tables.map((t) => t.name), ...catalog.connectors.flatMap((c) => [c.id, ...c.aliases])];
    expect(names.filter(isPlaceholderName)).toEqual([]);
  });
});
