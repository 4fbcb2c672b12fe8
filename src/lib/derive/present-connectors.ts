import type { ConnectorCatalog, ConnectorEntry, DeprecationNote } from '../catalog/index.ts';
import { connectorsForTable, findConnector, findTable } from '../catalog/index.ts';
import type { WriteupView } from './present-writeup.ts';

/** A writeup that reads data a connector supplies. */
export interface ConnectorDependant {
  /** Writeup id (URL segment). */
  id: string;
  /** Defanged title. */
  title: string;
  /** Tables of this connector that the writeup reads. */
  tables: string[];
  /** Other current connectors that can fill those tables, so the writeup need not go blind. */
  fallbacks: ConnectorEntry[];
}

/** A table a connector fills, for its page. */
export interface ConnectorTableView {
  /** Table name. */
  name: string;
  /** What a row is. */
  description: string;
  /** Set when the table is retired. */
  deprecated: DeprecationNote | null;
  /** Other connectors that fill it too. */
  others: ConnectorEntry[];
}

/** Display data of one connector page. */
export interface ConnectorView {
  /** The catalog entry. */
  entry: ConnectorEntry;
  /** URL segment: `/connectors/<slug>/`. */
  slug: string;
  /** Tables it fills. */
  tables: ConnectorTableView[];
  /** Writeups that read at least one of its tables, by title. */
  dependants: ConnectorDependant[];
  /** The connector to move to when this one is retired. */
  replacement?: ConnectorEntry;
}

/** URL segment of a connector id: `AzureMonitor(VMInsights)` → `azuremonitor-vminsights`. */
export function slugifyConnectorId(id: string): string {
  return id
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function describeDependant(
  view: WriteupView,
  entry: ConnectorEntry,
  catalog: ConnectorCatalog,
): ConnectorDependant | undefined {
  const tables = view.writeup.tables.filter((table) =>
    entry.tables.includes(findTable(catalog, table)?.entry.name ?? table),
  );
  if (tables.length === 0) return undefined;
  const fallbacks = new Map<string, ConnectorEntry>();
  for (const table of tables) {
    for (const other of connectorsForTable(catalog, table))
      if (other.id !== entry.id && !other.deprecated) fallbacks.set(other.id, other);
  }
  return { id: view.writeup.id, title: view.title, tables, fallbacks: [...fallbacks.values()] };
}

/** Every catalog connector with its tables and the writeups that need it, sorted by name. */
export function presentConnectors(catalog: ConnectorCatalog, views: readonly WriteupView[]): ConnectorView[] {
  return catalog.connectors
    .map((entry) => {
      const replacement = entry.deprecated ? findConnector(catalog, entry.deprecated.replacement)?.entry : undefined;
      return {
        entry,
        slug: slugifyConnectorId(entry.id),
        tables: entry.tables.flatMap((name) => {
          const table = findTable(catalog, name)?.entry;
          if (!table) return [];
          const others = connectorsForTable(catalog, table).filter((other) => other.id !== entry.id);
          return [{ name, description: table.description, deprecated: table.deprecated, others }];
        }),
        dependants: views
          .flatMap((view) => describeDependant(view, entry, catalog) ?? [])
          .sort((a, b) => a.title.localeCompare(b.title)),
        ...(replacement ? { replacement } : {}),
      };
    })
    .sort((a, b) => a.entry.name.localeCompare(b.entry.name));
}
