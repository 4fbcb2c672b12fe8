import {
  expandTableWildcard,
  findTable,
  isPlaceholderName,
  suggestTableNames,
  type ConnectorCatalog,
} from '../catalog/index.ts';
import type { Query } from '../content/extract-queries.ts';
import { createError, createWarning, type Problem } from '../problems/problem.ts';
import { analyseQuery } from './analyse-query.ts';
import { describeQuery, locateInQuery, queryField } from './locate-in-query.ts';
import type { QueryFacts, TableReference } from './query-facts.ts';

/** One query with its parse and its tables resolved against the catalog. */
export interface QueryReading {
  /** The fenced block. */
  query: Query;
  /** What the parser found. */
  facts: QueryFacts;
  /** Catalog tables read by name (canonical spelling) → first place they are named. */
  named: Map<string, TableReference>;
  /** Catalog tables matched by a wildcard such as `union Device*` → the wildcard. */
  matched: Map<string, TableReference>;
}

// Kusto cascades: after the first error in a query the rest are usually consequences.
const MAX_SYNTAX_ERRORS = 3;

/** Builds a problem that points into a query, at `offset` of its text. */
export function createQueryProblem(
  query: Query,
  file: string,
  offset: number,
  severity: Problem['severity'],
  message: string,
  hint: string,
): Problem {
  const at = locateInQuery(query, offset);
  const problem = {
    file,
    line: at.line,
    column: at.column,
    field: queryField(query),
    message: `${describeQuery(query)}: ${message}`,
    hint,
  };
  return severity === 'error' ? createError(problem) : createWarning(problem);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0].toLowerCase() + text.slice(1) : text;
}

/** Parses a query and resolves the tables it reads; problems cover syntax and table names. */
export function readQuery(
  query: Query,
  catalog: ConnectorCatalog,
  file: string,
): { reading: QueryReading; problems: Problem[] } {
  const facts = analyseQuery(query.text);
  const problems = facts.syntaxErrors
    .slice(0, MAX_SYNTAX_ERRORS)
    .map((error) =>
      createQueryProblem(
        query,
        file,
        error.offset,
        'error',
        `${lowerFirst(error.message)} (${error.code})`,
        'the query must run as written in Log Analytics; fix the KQL at this position',
      ),
    );
  const reading: QueryReading = { query, facts, named: new Map(), matched: new Map() };
  const reported = new Set<string>();
  const report = (reference: TableReference, severity: Problem['severity'], message: string, hint: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    problems.push(createQueryProblem(query, file, reference.offset, severity, message, hint));
  };
  for (const reference of facts.tableReferences) {
    if (reference.wildcard) {
      const tables = expandTableWildcard(catalog, reference.name);
      for (const table of tables) if (!reading.matched.has(table.name)) reading.matched.set(table.name, reference);
      if (tables.length === 0)
        report(
          reference,
          'error',
          `no known table matches ${reference.name}`,
          'name the tables, or add them to src/data/connectors.json',
        );
      continue;
    }
    const found = findTable(catalog, reference.name);
    if (!found && isPlaceholderName(reference.name)) {
      report(
        reference,
        'error',
        `"${reference.name}" is a placeholder, not a table`,
        'name the table the query reads, e.g. DeviceNetworkEvents',
      );
      continue;
    }
    if (!found) {
      const suggestions = suggestTableNames(catalog, reference.name);
      report(
        reference,
        'error',
        `reads unknown table "${reference.name}"`,
        suggestions.length
          ? `did you mean ${suggestions.join(', ')}?`
          : 'add it to src/data/connectors.json if it is a real table',
      );
      continue;
    }
    const { entry } = found;
    if (!reading.named.has(entry.name)) reading.named.set(entry.name, reference);
    if (found.caseDiffers) {
      // KQL table names are case-sensitive: the query would fail in Sentinel as written.
      report(reference, 'error', `table "${reference.name}" is spelled "${entry.name}"`, `write ${entry.name}`);
    }
    if (entry.deprecated) {
      report(
        reference,
        'warning',
        `table ${entry.name} is deprecated`,
        `use ${entry.deprecated.replacement}: ${entry.deprecated.reason}`,
      );
    }
  }
  return { reading, problems };
}

/** Every catalog table a query reads, by name first, then through wildcards. */
export function listReadTables(reading: QueryReading): string[] {
  return [...new Set([...reading.named.keys(), ...reading.matched.keys()])];
}
