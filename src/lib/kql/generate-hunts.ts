import { tablesForIocType, type ConnectorCatalog } from '../catalog/index.ts';
import { IOC_TYPES, type IocType } from '../ioc/index.ts';
import { HUNT_COLUMNS, type AddressColumn, type HuntColumns } from './hunt-columns.ts';
import { splitAddress } from './ioc-keys.ts';

/** A ready-to-run query that hunts one type of a writeup's indicators across the catalog's tables. */
export interface GeneratedHunt {
  /** The indicator type hunted. */
  type: IocType;
  /** How many indicators of that type it hunts. */
  count: number;
  /** The KQL, exactly as it is shown and copied. */
  code: string;
  /** Tables it searches, in catalog order. */
  tables: string[];
  /** Tables the catalog lists for the type but whose indicator columns Huntbook does not know. */
  skipped: string[];
}

/** How one type is matched: the list(s) it declares and the condition on one column. */
interface Matcher {
  lets: string[];
  columnsOf: (columns: HuntColumns) => readonly (string | AddressColumn)[] | undefined;
  condition: (column: string) => string;
  comment: string;
}

const LOOKBACK = '30d';
const quote = (value: string) => JSON.stringify(value);
const list = (values: readonly string[]) => `dynamic([${values.map(quote).join(', ')}])`;

function buildMatcher(type: IocType, values: readonly string[]): Matcher {
  const hashColumns = (name: 'md5' | 'sha1' | 'sha256') => (columns: HuntColumns) => columns[name];
  switch (type) {
    case 'ip:port': {
      const parts = values.map(splitAddress);
      return {
        lets: [
          `let hunt_addresses = ${list([...new Set(parts.map((p) => p.address))])};`,
          `let hunt_ports = dynamic([${[...new Set(parts.map((p) => p.port))].join(', ')}]);`,
        ],
        columnsOf: (c) => c.addresses,
        condition: (column) => `${column} in~ (hunt_addresses)`,
        comment: 'matches the address; PortMatches says whether the port is one listed too',
      };
    }
    case 'ip':
      return {
        lets: [`let hunt_ips = ${list(values)};`],
        columnsOf: (c) => c.addresses,
        condition: (column) => `${column} in~ (hunt_ips)`,
        comment: 'exact address match',
      };
    case 'cidr': {
      const v6 = values.filter((value) => value.includes(':'));
      const v4 = values.filter((value) => !value.includes(':'));
      const tests = [
        ...(v4.length ? ['ipv4_is_in_any_range(COL, hunt_ranges_v4)'] : []),
        ...(v6.length ? ['ipv6_is_in_any_range(COL, hunt_ranges_v6)'] : []),
      ];
      return {
        lets: [
          ...(v4.length ? [`let hunt_ranges_v4 = ${list(v4)};`] : []),
          ...(v6.length ? [`let hunt_ranges_v6 = ${list(v6)};`] : []),
        ],
        columnsOf: (c) => c.addresses,
        condition: (column) => tests.map((test) => test.replace('COL', column)).join(' or '),
        comment: 'addresses inside the ranges',
      };
    }
    case 'domain':
      return {
        lets: [`let hunt_domains = ${list(values)};`],
        columnsOf: (c) => c.hosts,
        condition: (column) => `${column} has_any (hunt_domains)`,
        comment: 'has_any also matches subdomains and URLs on these hosts',
      };
    case 'url':
      // Many tables log URLs without the scheme, so the scheme is dropped and has_any finds both.
      return {
        lets: [`let hunt_urls = ${list(values.map((value) => value.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')))};`],
        columnsOf: (c) => c.urls,
        condition: (column) => `${column} has_any (hunt_urls)`,
        comment: 'scheme dropped, so URLs logged with or without it match',
      };
    case 'email':
      return {
        lets: [`let hunt_emails = ${list(values)};`],
        columnsOf: (c) => c.emails,
        condition: (column) => `${column} in~ (hunt_emails)`,
        comment: 'case-insensitive match',
      };
    default:
      return {
        lets: [`let hunt_${type} = ${list(values)};`],
        columnsOf: hashColumns(type),
        condition: (column) => `${column} in~ (hunt_${type})`,
        comment: 'case-insensitive, so upper-case hashes match too',
      };
  }
}

const addressOf = (column: string | AddressColumn) => (typeof column === 'string' ? column : column.address);

/** One `union` leg: filter on any of the columns, report which value matched. */
function buildLeg(
  table: string,
  columns: readonly (string | AddressColumn)[],
  matcher: Matcher,
  withPort: boolean,
): string {
  const names = columns.map(addressOf);
  const pick = (value: (column: string | AddressColumn) => string) =>
    columns.length === 1
      ? value(columns[0])
      : `case(${columns
          .slice(0, -1)
          .map((column) => `${matcher.condition(addressOf(column))}, ${value(column)}`)
          .join(', ')}, ${value(columns[columns.length - 1])})`;
  const fields = [`TimeGenerated`, `Indicator = ${pick((column) => `tostring(${addressOf(column)})`)}`];
  if (withPort)
    fields.push(
      `Port = ${pick((column) => (typeof column !== 'string' && column.port ? `tolong(${column.port})` : 'long(null)'))}`,
    );
  fields.push('Details = pack_all()');
  return [
    `    (${table}`,
    `    | where TimeGenerated > ago(lookback)`,
    `    | where ${names.map(matcher.condition).join(' or ')}`,
    `    | project ${fields.join(', ')})`,
  ].join('\n');
}

/** The hunt for one type, or undefined when no catalog table has a known column for it. */
function generateHunt(type: IocType, values: readonly string[], catalog: ConnectorCatalog): GeneratedHunt | undefined {
  const matcher = buildMatcher(type, values);
  const legs: string[] = [];
  const tables: string[] = [];
  const skipped: string[] = [];
  for (const table of tablesForIocType(catalog, type)) {
    const known = HUNT_COLUMNS[table.name];
    const columns = known ? matcher.columnsOf(known) : undefined;
    if (!columns?.length) {
      skipped.push(table.name);
      continue;
    }
    tables.push(table.name);
    legs.push(buildLeg(table.name, columns, matcher, type === 'ip:port'));
  }
  if (legs.length === 0) return undefined;
  const lines = [
    `// Generated by Huntbook from this writeup's ${values.length} ${type} indicator${values.length === 1 ? '' : 's'}: ${matcher.comment}.`,
    `// isfuzzy=true skips tables your workspace does not have. Change lookback to search further back.`,
    `let lookback = ${LOOKBACK};`,
    ...matcher.lets,
    'union withsource=SourceTable isfuzzy=true',
    legs.join(',\n'),
    ...(type === 'ip:port' ? ['| extend PortMatches = Port in (hunt_ports)'] : []),
    '| order by TimeGenerated desc',
  ];
  return { type, count: values.length, code: lines.join('\n'), tables, skipped };
}

/** Generated hunts for a writeup's indicators: one per type present, in the canonical type order. */
export function generateHunts(
  iocs: readonly { type: IocType; value: string }[],
  catalog: ConnectorCatalog,
): GeneratedHunt[] {
  return IOC_TYPES.flatMap((type) => {
    const values = [...new Set(iocs.filter((ioc) => ioc.type === type).map((ioc) => ioc.value))];
    if (values.length === 0) return [];
    return generateHunt(type, values, catalog) ?? [];
  });
}
