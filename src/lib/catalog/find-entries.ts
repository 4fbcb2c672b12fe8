import type { IocType } from '../ioc/ioc-types.ts';
import type { ConnectorCatalog, ConnectorEntry, ConnectorMatch, TableEntry, TableMatch } from './catalog-types.ts';

/**
 * Looks a table up by name, exactly first, then ignoring case.
 * A case-only match is still returned, flagged, because Sentinel would reject the query and the author should be told.
 */
export function findTable(catalog: ConnectorCatalog, name: string): TableMatch | undefined {
  const wanted = name.trim();
  const exact = catalog.tables.find((t) => t.name === wanted);
  if (exact) return { entry: exact, caseDiffers: false };
  const lower = wanted.toLowerCase();
  const loose = catalog.tables.find((t) => t.name.toLowerCase() === lower);
  return loose ? { entry: loose, caseDiffers: true } : undefined;
}

/** Connectors that fill a table (given by entry or by name, case-insensitively), recommended first; empty when unknown. */
export function connectorsForTable(catalog: ConnectorCatalog, table: string | TableEntry): ConnectorEntry[] {
  const entry = typeof table === 'string' ? findTable(catalog, table)?.entry : table;
  if (!entry) return [];
  return entry.connectors.flatMap((id) => catalog.connectors.find((c) => c.id === id) ?? []);
}

/** Looks a connector up by id or alias, exactly first, then ignoring case. */
export function findConnector(catalog: ConnectorCatalog, id: string): ConnectorMatch | undefined {
  const wanted = id.trim();
  const lower = wanted.toLowerCase();
  for (const exact of [true, false]) {
    const same = (candidate: string): boolean => (exact ? candidate === wanted : candidate.toLowerCase() === lower);
    for (const entry of catalog.connectors) {
      if (same(entry.id)) return { entry, caseDiffers: !exact, viaAlias: null };
      const alias = entry.aliases.find(same);
      if (alias !== undefined) return { entry, caseDiffers: !exact, viaAlias: alias };
    }
  }
  return undefined;
}

/**
 * The table a connector definition or rule means by one of its `dataTypes`.
 * Those are not always table names: `OfficeActivity (Exchange)` carries a qualifier and `SecurityEvents` is a plural alias.
 */
export function findTableForDataType(catalog: ConnectorCatalog, dataType: string): TableEntry | undefined {
  const bare = dataType.replace(/\s*\([^)]*\)\s*$/, '').trim();
  const direct = findTable(catalog, bare);
  if (direct) return direct.entry;
  const lower = bare.toLowerCase();
  return catalog.tables.find((t) => t.dataTypeAliases.some((alias) => alias.toLowerCase() === lower));
}

/** Options for {@link expandTableWildcard}. */
export interface WildcardOptions {
  /** Match letters regardless of case; off by default because KQL table names are case-sensitive. */
  ignoreCase?: boolean;
}

/**
 * Catalog tables matching a KQL-style name pattern such as `Device*` or `AAD*SignInLogs`, sorted by name.
 * `*` stands for any run of characters; a pattern without `*` matches one name or nothing.
 */
export function expandTableWildcard(
  catalog: ConnectorCatalog,
  pattern: string,
  options: WildcardOptions = {},
): TableEntry[] {
  const trimmed = pattern.trim();
  if (!/^[A-Za-z0-9_*]+$/.test(trimmed)) return [];
  const source = trimmed.split('*').join('[A-Za-z0-9_]*');
  const matcher = new RegExp(`^${source}$`, options.ignoreCase ? 'i' : '');
  return catalog.tables
    .filter((t) => matcher.test(t.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Options for {@link tablesForIocType}. */
export interface IocTableOptions {
  /** Also return retired tables; off by default so generated hunts target live data. */
  includeDeprecated?: boolean;
}

/** Tables worth hunting an IOC type in, in catalog order. */
export function tablesForIocType(
  catalog: ConnectorCatalog,
  type: IocType,
  options: IocTableOptions = {},
): TableEntry[] {
  return catalog.tables.filter(
    (t) => t.iocTypes.includes(type) && (options.includeDeprecated || t.deprecated === null),
  );
}
