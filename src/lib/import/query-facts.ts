// What importers need from the queries they carry over: the catalog tables to declare, the
// indicators to lift into `iocs:`, and what to tell the person importing about the rest. The
// queries are read with the same Kusto parser as `npm run check`, so an import lists exactly the
// tables and indicators the checker will compare.
import type { ConnectorCatalog } from '../catalog/index.ts';
import { expandTableWildcard, findTable } from '../catalog/index.ts';
import { analyseQuery } from '../kql/analyse-query.ts';
import { isPlausibleIndicator, listHuntKeys, readLiteralIndicator } from '../kql/ioc-keys.ts';
import type { QueryFacts as ParsedQuery, QueryLiteral } from '../kql/query-facts.ts';
import type { DraftIoc } from './import-types.ts';

/** Fence flag that marks a query as behavioural: its literals are not indicators to compare. */
export const BEHAVIOURAL_FLAG = 'iocs=none';

/** What one query reads and hunts. */
export interface QueryScan {
  /** Catalog tables read, canonical spelling, in order of first use. */
  tables: string[];
  /** Names read as tables that the catalog does not know (ASIM parsers, custom tables). */
  unknownTables: string[];
  /** Indicators the query hunts in literal lists or exact comparisons, canonical. */
  iocs: DraftIoc[];
  /** Kusto syntax errors, if the query does not parse. */
  syntaxErrors: string[];
}

/** Tables, indicators and notes for a set of queries taken together. */
export interface QueryFacts {
  /** Catalog tables read by any query, in order of first use. */
  tables: string[];
  /** Indicators hunted by any query, canonical, deduplicated. */
  iocs: DraftIoc[];
  /** Things the writeup cannot carry, worded for the import summary. */
  unmapped: string[];
  /** Each query's own scan, in order. */
  scans: QueryScan[];
}

// The checker holds a literal to `iocs` when it sits in a list or is compared exactly
// (src/lib/kql/check-query-iocs.ts); has/contains searches are context, not indicators.
const EXACT_OPERATOR = /^(==|=~|ipv[46]_|has_ipv4|has_any_ipv4)/;

function isHunted(literal: QueryLiteral): boolean {
  const uses = literal.uses.filter((use) => !use.negated);
  if (literal.uses.length > 0 && uses.length === 0) return false;
  return literal.form === 'list' || uses.some((use) => EXACT_OPERATOR.test(use.operator));
}

function readTables(parsed: ParsedQuery, catalog: ConnectorCatalog): { tables: string[]; unknownTables: string[] } {
  const tables = new Set<string>();
  const unknownTables = new Set<string>();
  for (const reference of parsed.tableReferences) {
    if (reference.wildcard) {
      for (const entry of expandTableWildcard(catalog, reference.name)) tables.add(entry.name);
      continue;
    }
    const found = findTable(catalog, reference.name);
    if (found) tables.add(found.entry.name);
    else unknownTables.add(reference.name);
  }
  return { tables: [...tables], unknownTables: [...unknownTables] };
}

/** Reads one query with the checker's parser. */
export function scanQuery(text: string, catalog: ConnectorCatalog): QueryScan {
  const parsed = analyseQuery(text);
  const iocs = new Map<string, DraftIoc>();
  for (const literal of parsed.literals) {
    const indicator = readLiteralIndicator(literal.value);
    if (!indicator || !isPlausibleIndicator(indicator) || !isHunted(literal)) continue;
    iocs.set(listHuntKeys(indicator)[0], { type: indicator.type, value: indicator.value });
  }
  return {
    ...readTables(parsed, catalog),
    iocs: [...iocs.values()],
    syntaxErrors: parsed.syntaxErrors.map((error) => error.message),
  };
}

/** Scans every query and merges the results. */
export function describeQueryFacts(queries: string | readonly string[], catalog: ConnectorCatalog): QueryFacts {
  const texts = typeof queries === 'string' ? [queries] : queries;
  const scans = texts.map((query) => scanQuery(query, catalog));
  const iocs = new Map<string, DraftIoc>();
  for (const ioc of scans.flatMap((scan) => scan.iocs)) iocs.set(listHuntKeys(ioc)[0], ioc);
  const unknown = [...new Set(scans.flatMap((scan) => scan.unknownTables))];
  const unmapped = [
    ...unknown.map(
      (name) =>
        `the query reads ${name}, which is not a table in the connector catalog (an ASIM parser, function or custom table)`,
    ),
    ...(texts.some((text) => /\bexternaldata\b/.test(text))
      ? [
          'the query downloads its indicators with externaldata: they are not in the query, so none were lifted into iocs',
        ]
      : []),
  ];
  return { tables: [...new Set(scans.flatMap((scan) => scan.tables))], iocs: [...iocs.values()], unmapped, scans };
}

/** Fence flags for one query: behavioural when it hunts no literal indicator. */
export function queryFenceFlags(scan: { iocs: readonly unknown[] }): string[] {
  return scan.iocs.length === 0 ? [BEHAVIOURAL_FLAG] : [];
}
