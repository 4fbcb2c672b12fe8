// Hunting queries written for a list of indicators, so a feed import is runnable straight away.
// Operators follow the field cases: ip:port is split into an address list and a port list (F05),
// and domains and hashes are matched case-insensitively (F19).
import type { IocType } from '../ioc/ioc-types.ts';
import { splitHostPort } from '../ioc/url-parts.ts';

/** One generated query and the tables it reads. */
export interface GeneratedQuery {
  /** Fence title, also the query's first comment line. */
  title: string;
  /** KQL text without a trailing newline. */
  text: string;
  /** Tables the query reads, exactly as spelled in it. */
  tables: string[];
}

/** Indicators by type, in canonical form. */
type IocLists = Partial<Record<IocType, string[]>>;

const LIST_WIDTH = 110;

/** `dynamic(["a", "b"])`, wrapped so very long lists stay readable. */
function formatDynamic(values: readonly (string | number)[]): string {
  const items = values.map((value) => (typeof value === 'number' ? String(value) : JSON.stringify(value)));
  const oneLine = `dynamic([${items.join(', ')}])`;
  if (oneLine.length <= LIST_WIDTH) return oneLine;
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    if (line && line.length + item.length + 2 > LIST_WIDTH - 4) {
      lines.push(line);
      line = '';
    }
    line += line ? ` ${item},` : `${item},`;
  }
  lines.push(line);
  const body = lines
    .map((text) => `    ${text}`)
    .join('\n')
    .replace(/,$/, '');
  return `dynamic([\n${body}\n])`;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

function header(title: string, source: string | undefined): string[] {
  return [`// ${title}`, ...(source ? [`// Source: ${source}`] : [])];
}

/** Address and port of a canonical `ip:port` value; IPv6 brackets removed. */
function splitIpPort(value: string): { address: string; port: number } {
  const { host, port } = splitHostPort(value);
  return { address: host.replace(/^\[|\]$/g, ''), port: Number(port.replace(/^:/, '')) };
}

function networkQueries(lists: IocLists, source: string | undefined): GeneratedQuery[] {
  const pairs = (lists['ip:port'] ?? []).map(splitIpPort);
  const ips = unique([...pairs.map((pair) => pair.address), ...(lists.ip ?? [])]);
  const ranges = lists.cidr ?? [];
  if (ips.length === 0 && ranges.length === 0) return [];
  const ports = unique(pairs.map((pair) => pair.port)).sort((a, b) => a - b);
  const v4Ranges = ranges.filter((range) => !range.includes(':'));
  const v6Ranges = ranges.filter((range) => range.includes(':'));
  const lets = [
    ...(ips.length ? [`let malicious_ips = ${formatDynamic(ips)};`] : []),
    ...(v4Ranges.length ? [`let malicious_ranges = ${formatDynamic(v4Ranges)};`] : []),
    ...(v6Ranges.length ? [`let malicious_v6_ranges = ${formatDynamic(v6Ranges)};`] : []),
    ...(ports.length ? [`let c2_ports = ${formatDynamic(ports)};`] : []),
  ];
  const matches = (column: string) => [
    ...(ips.length ? [`${column} in (malicious_ips)`] : []),
    ...(v4Ranges.length ? [`ipv4_is_in_any_range(${column}, malicious_ranges)`] : []),
    ...(v6Ranges.length ? [`ipv6_is_in_any_range(${column}, malicious_v6_ranges)`] : []),
  ];
  // A port list only flags exact pairs: filtering on it would hide a controller that moved port.
  const portFlag = (column: string) => (ports.length ? [`| extend KnownC2Port = ${column} in (c2_ports)`] : []);
  const firewallTitle = 'Hunt for network connections to known malicious IPs';
  const deviceTitle = 'Hunt in Defender for Endpoint network events';
  return [
    {
      title: firewallTitle,
      tables: ['CommonSecurityLog'],
      text: [
        ...header(firewallTitle, source),
        ...lets,
        'CommonSecurityLog',
        `| where ${[...matches('DestinationIP'), ...matches('SourceIP')].join(' or ')}`,
        ...portFlag('DestinationPort'),
        `| project TimeGenerated, SourceIP, DestinationIP, DestinationPort, ${ports.length ? 'KnownC2Port, ' : ''}DeviceAction, Activity`,
        '| order by TimeGenerated desc',
      ].join('\n'),
    },
    {
      title: deviceTitle,
      tables: ['DeviceNetworkEvents'],
      text: [
        ...header(deviceTitle, source),
        ...lets,
        'DeviceNetworkEvents',
        `| where ${matches('RemoteIP').join(' or ')}`,
        ...portFlag('RemotePort'),
        `| project Timestamp, DeviceName, RemoteIP, RemotePort, ${ports.length ? 'KnownC2Port, ' : ''}InitiatingProcessFileName, ActionType`,
        '| order by Timestamp desc',
      ].join('\n'),
    },
  ];
}

function webQuery(lists: IocLists, source: string | undefined): GeneratedQuery[] {
  const domains = lists.domain ?? [];
  const urls = lists.url ?? [];
  if (domains.length === 0 && urls.length === 0) return [];
  const title = 'Hunt for connections to known malicious domains and URLs';
  const conditions = [
    ...(domains.length ? ['RemoteUrl has_any (malicious_domains)'] : []),
    ...(urls.length ? ['RemoteUrl has_any (malicious_urls)'] : []),
  ];
  return [
    {
      title,
      tables: ['DeviceNetworkEvents'],
      text: [
        ...header(title, source),
        ...(domains.length ? [`let malicious_domains = ${formatDynamic(domains)};`] : []),
        ...(urls.length ? [`let malicious_urls = ${formatDynamic(urls)};`] : []),
        'DeviceNetworkEvents',
        `| where ${conditions.join(' or ')}`,
        '| project Timestamp, DeviceName, RemoteUrl, RemoteIP, RemotePort, InitiatingProcessFileName, ActionType',
        '| order by Timestamp desc',
      ].join('\n'),
    },
  ];
}

const HASH_COLUMNS = [
  ['md5', 'MD5', 'malicious_md5'],
  ['sha1', 'SHA1', 'malicious_sha1'],
  ['sha256', 'SHA256', 'malicious_sha256'],
] as const;

function fileQuery(lists: IocLists, source: string | undefined): GeneratedQuery[] {
  const present = HASH_COLUMNS.filter(([type]) => (lists[type] ?? []).length > 0);
  if (present.length === 0) return [];
  const title = 'Hunt for files with known malicious hashes';
  return [
    {
      title,
      tables: ['DeviceFileEvents'],
      text: [
        ...header(title, source),
        ...present.map(([type, , name]) => `let ${name} = ${formatDynamic(lists[type] ?? [])};`),
        'DeviceFileEvents',
        `| where ${present.map(([, column, name]) => `${column} in~ (${name})`).join(' or ')}`,
        '| project Timestamp, DeviceName, ActionType, FileName, FolderPath, SHA256, SHA1, MD5, InitiatingProcessFileName',
        '| order by Timestamp desc',
      ].join('\n'),
    },
  ];
}

function emailQuery(lists: IocLists, source: string | undefined): GeneratedQuery[] {
  const addresses = lists.email ?? [];
  if (addresses.length === 0) return [];
  const title = 'Hunt for mail from known malicious senders';
  return [
    {
      title,
      tables: ['EmailEvents'],
      text: [
        ...header(title, source),
        `let malicious_senders = ${formatDynamic(addresses)};`,
        'EmailEvents',
        '| where SenderFromAddress in~ (malicious_senders) or SenderMailFromAddress in~ (malicious_senders)',
        '| project Timestamp, NetworkMessageId, SenderFromAddress, SenderMailFromAddress, RecipientEmailAddress, Subject, DeliveryAction',
        '| order by Timestamp desc',
      ].join('\n'),
    },
  ];
}

/** Queries that hunt every given indicator; `source` (e.g. `ThreatFox - Remcos`) is named in a comment. */
export function composeFeedQueries(
  iocs: readonly { type: IocType; value: string }[],
  source?: string,
): GeneratedQuery[] {
  const lists: IocLists = {};
  for (const { type, value } of iocs) {
    const list = (lists[type] ??= []);
    if (!list.includes(value)) list.push(value);
  }
  return [
    ...networkQueries(lists, source),
    ...webQuery(lists, source),
    ...fileQuery(lists, source),
    ...emailQuery(lists, source),
  ];
}
