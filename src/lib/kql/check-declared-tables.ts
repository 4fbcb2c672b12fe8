import { findTable, type ConnectorCatalog } from '../catalog/index.ts';
import { createError, type Problem } from '../problems/problem.ts';
import { createQueryProblem, listReadTables, type QueryReading } from './read-query.ts';

/** The tables a writeup needs, and the problems where `connectors:` and the queries disagree. */
export interface DeclaredTableCheck {
  /** Tables the writeup needs: declared ones first (in their order), then any other table read. */
  tables: string[];
  /** F20 errors. */
  problems: Problem[];
}

/**
 * Checks `connectors:` against the tables the queries read (field case F20). With no
 * `connectors:` the list is simply derived; once the author declares tables, a table read but not
 * declared, and a table declared but never read, are both errors that name both sides.
 */
export function checkDeclaredTables(
  declared: readonly { table: string }[],
  readings: readonly QueryReading[],
  catalog: ConnectorCatalog,
  file: string,
  locate: (path: readonly PropertyKey[]) => number,
  complete: boolean,
): DeclaredTableCheck {
  const read = [...new Set(readings.flatMap(listReadTables))];
  // Unknown or misspelt declared tables are reported by checkConnectorTables; compare canonical names.
  const canonical = declared.map(({ table }) => findTable(catalog, table)?.entry.name);
  const declaredNames = canonical.filter((name): name is string => name !== undefined);
  const tables = [...new Set([...declaredNames, ...read])];
  if (declared.length === 0) return { tables, problems: [] };
  const problems: Problem[] = [];
  const declaredSet = new Set(declaredNames);
  const declaredList = declared.map(({ table }) => table).join(', ');
  for (const reading of readings) {
    for (const [table, reference] of reading.named) {
      if (declaredSet.has(table)) continue;
      problems.push(
        createQueryProblem(
          reading.query,
          file,
          reference.offset,
          'error',
          `reads ${table}, which connectors does not list (declared: ${declaredList})`,
          `add { table: ${table} } to connectors, or remove connectors: to derive the list from the queries`,
        ),
      );
    }
  }
  // An empty or broken query may be the one that reads it, so "never read" would be a guess.
  if (!complete) return { tables, problems };
  const readSet = new Set(read);
  const readList = read.length ? read.join(', ') : 'no known table';
  canonical.forEach((name, index) => {
    if (name === undefined || readSet.has(name) || canonical.indexOf(name) !== index) return;
    problems.push(
      createError({
        file,
        line: locate(['connectors', index, 'table']),
        field: `connectors[${index}].table`,
        message: `${name} is declared but no query reads it (the queries read ${readList})`,
        hint: 'remove it from connectors, or add the query that reads it',
      }),
    );
  });
  return { tables, problems };
}
