import { buildConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import type { ConnectorCatalog } from '../../../src/lib/catalog/index.ts';

/** Raw data for a three-connector catalog; tests mutate a fresh copy to break one thing at a time. */
export function makeTinyCatalogData() {
  return {
    version: 1,
    connectors: [
      {
        id: 'Endpoint',
        name: 'Endpoint product',
        kind: 'data-connector',
        setup: 'Turn it on.',
        docs: 'https://example.test/endpoint',
        aliases: ['OldEndpoint'],
      },
      {
        id: 'FirewallAma',
        name: 'Firewall via AMA',
        kind: 'data-connector',
        setup: 'Create a rule.',
        docs: 'https://example.test/fw',
      },
      {
        id: 'FirewallLegacy',
        name: 'Firewall via legacy agent',
        kind: 'data-connector',
        setup: 'Do not.',
        docs: 'https://example.test/fw-legacy',
        deprecated: { replacement: 'FirewallAma', reason: 'Agent retired.' },
      },
    ],
    tables: [
      { name: 'DeviceProcessEvents', description: 'Processes.', connectors: ['Endpoint'], iocTypes: ['sha256', 'md5'] },
      {
        name: 'DeviceNetworkEvents',
        description: 'Connections.',
        connectors: ['Endpoint'],
        iocTypes: ['ip', 'ip:port', 'domain'],
      },
      { name: 'DeviceInfo', description: 'Inventory.', connectors: ['Endpoint'], iocTypes: [] },
      {
        name: 'FirewallLog',
        description: 'Firewall lines.',
        connectors: ['FirewallAma', 'FirewallLegacy'],
        iocTypes: ['ip'],
        dataTypeAliases: ['FirewallLogs'],
      },
      {
        name: 'OldFirewallLog',
        description: 'Retired.',
        connectors: ['FirewallLegacy'],
        iocTypes: ['ip'],
        deprecated: { replacement: 'FirewallLog', reason: 'Retired.' },
      },
    ],
  };
}

/** The tiny catalog, validated. */
export function makeTinyCatalog(): ConnectorCatalog {
  return buildConnectorCatalog(makeTinyCatalogData(), 'tiny.json');
}
