import { connectorsForTable, findTable, type ConnectorCatalog, type ConnectorEntry } from '../catalog/index.ts';
import type { AnalysedQuery } from '../kql/check-writeup-queries.ts';

/** A table one query reads, with the connector to enable for it. */
export interface QueryTableView {
  /** Table name. */
  table: string;
  /** The recommended current connector, if the catalog names one. */
  connector?: ConnectorEntry;
  /** Set when the table itself is retired: the table to move to. */
  replacement?: string;
}

/** What one query needs, for the writeup page. */
export interface QueryNeedsView {
  /** 0-based position among the writeup's queries. */
  index: number;
  /** The fence title, or "Query N". */
  label: string;
  /** Tables it reads, in order of first read. */
  tables: QueryTableView[];
  /** Longest `ago(...)` look-back, e.g. `30d`. */
  lookback?: string;
  /** How many of the writeup's indicators it hunts. */
  huntedIocs: number;
  /** True for a behavioural query marked `iocs=none`. */
  behavioural: boolean;
}

/** The connector an analyst should enable for a table: the first current one, else the first listed. */
export function pickConnector(catalog: ConnectorCatalog, table: string): ConnectorEntry | undefined {
  const connectors = connectorsForTable(catalog, table);
  return connectors.find((entry) => !entry.deprecated) ?? connectors[0];
}

/** Per-query needs: tables, connectors and look-back, in query order. */
export function presentQueryNeeds(queries: readonly AnalysedQuery[], catalog: ConnectorCatalog): QueryNeedsView[] {
  return queries.map((query) => ({
    index: query.index,
    label: query.title ?? `Query ${query.index + 1}`,
    tables: query.tables.map((table) => {
      const replacement = findTable(catalog, table)?.entry.deprecated?.replacement;
      return { table, connector: pickConnector(catalog, table), ...(replacement ? { replacement } : {}) };
    }),
    ...(query.lookback === undefined ? {} : { lookback: query.lookback }),
    huntedIocs: query.huntedIocs,
    behavioural: query.iocs === 'none',
  }));
}
