import type { ConnectorCatalog } from '../catalog/index.ts';
import type { Query } from '../content/extract-queries.ts';
import { createError, type Problem } from '../problems/problem.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import { checkDeclaredTables } from './check-declared-tables.ts';
import { compareIocsWithQueries, NO_IOCS } from './check-query-iocs.ts';
import { pickLongestLookback } from './find-lookback.ts';
import { describeQuery, queryField } from './locate-in-query.ts';
import { listReadTables, readQuery, type QueryReading } from './read-query.ts';

/** A writeup query with what Huntbook derived from it, as the site shows it. */
export interface AnalysedQuery extends Query {
  /** Catalog tables it reads, canonical spelling, in order of first read (wildcards expanded). */
  tables: string[];
  /** Longest `ago(...)` look-back as written, e.g. `30d`. */
  lookback?: string;
  /** How many of the writeup's indicators it hunts. */
  huntedIocs: number;
}

/** A writeup's queries, parsed, with the problems found in them alone. */
export interface QuerySet {
  /** One reading per non-empty query. */
  readings: QueryReading[];
  /** False when a query is empty or does not parse: what it would read or hunt is then unknown. */
  complete: boolean;
  /** Syntax, table-name and fence-flag problems. */
  problems: Problem[];
}

/** Parses every non-empty query of a writeup; problems cover syntax, table names and fence flags. */
export function readWriteupQueries(queries: readonly Query[], catalog: ConnectorCatalog, file: string): QuerySet {
  const problems: Problem[] = [];
  const readings: QueryReading[] = [];
  for (const query of queries) {
    if (query.iocs !== undefined && query.iocs !== NO_IOCS) {
      problems.push(
        createError({
          file,
          line: query.line,
          column: (query.indent ?? 0) + 1,
          field: queryField(query),
          message: `${describeQuery(query)}: unknown fence value iocs=${query.iocs}`,
          hint: `write iocs=${NO_IOCS} for a behavioural query, or leave it out`,
        }),
      );
    }
    if (query.text.trim() === '') continue;
    const result = readQuery(query, catalog, file);
    readings.push(result.reading);
    problems.push(...result.problems);
  }
  const complete =
    readings.length === queries.length && readings.every((reading) => reading.facts.syntaxErrors.length === 0);
  return { readings, complete, problems };
}

/** Checks the queries against the frontmatter (F20 tables, IOCs in step) and derives the site's view. */
export function checkWriteupQueries(
  { readings, complete }: QuerySet,
  frontmatter: { iocs: readonly Ioc[]; connectors: readonly { table: string }[] },
  catalog: ConnectorCatalog,
  file: string,
  locate: (path: readonly PropertyKey[]) => number,
): { queries: AnalysedQuery[]; tables: string[]; problems: Problem[] } {
  const declared = checkDeclaredTables(frontmatter.connectors, readings, catalog, file, locate, complete);
  const iocs = compareIocsWithQueries(frontmatter.iocs, readings, file, locate, complete);
  const queries = readings.map((reading, index): AnalysedQuery => {
    const lookback = pickLongestLookback(reading.facts.lookbacks);
    return {
      ...reading.query,
      tables: listReadTables(reading),
      ...(lookback === undefined ? {} : { lookback }),
      huntedIocs: iocs.huntedCounts[index] ?? 0,
    };
  });
  return { queries, tables: declared.tables, problems: [...declared.problems, ...iocs.problems] };
}
