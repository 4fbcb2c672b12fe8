import { describe, expect, it } from 'vitest';
import { isPlaceholderName } from '../../../src/lib/catalog/index.ts';

describe('isPlaceholderName', () => {
  it.each([
    'YourConnectorId',
    'yourTable',
    'your_table_here',
    'TableHere',
    'InsertTableName',
    '<table>',
    '<connector-id>',
    '{table}',
    '{{ connector }}',
    '[TableName]',
    '${TABLE}',
    '$TABLE',
    '%TABLE%',
    'TODO',
    'todo',
    'TBD',
    'FIXME',
    'TODO: pick the table',
    'Device_TBD',
    'xxx',
    'XXX',
    'x',
    'DeviceXXXEvents',
    '???',
    '...',
    'N/A',
    'none',
    'ConnectorName',
    'ConnectorId',
    'connector-id',
    'TableName',
    'Table',
    'table_name',
    'DataType',
    'DataConnector',
    'MyTableName',
    'Name',
    'ID',
    'ExampleTable',
    'SampleConnector',
    '',
    '   ',
  ])('flags %j', (name) => {
    expect(isPlaceholderName(name)).toBe(true);
  });

  it.each([
    'DeviceNetworkEvents',
    'SigninLogs',
    'SecurityEvent',
    'Syslog',
    'Event',
    'Heartbeat',
    'ThreatIntelIndicators',
    'AzureMonitor(IIS)',
    'Office365',
    'DNS',
    'CefAma',
    'MyApp_CL',
    'Sample_CL',
    'EnterpriseApp_CL',
    'Anywhere_CL',
    'TableauServer_CL',
    'NameServerLogs_CL',
  ])('accepts the real-looking name %j', (name) => {
    expect(isPlaceholderName(name)).toBe(false);
  });
});
