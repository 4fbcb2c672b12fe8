import { findTable, isPlaceholderName, suggestTableNames, type ConnectorCatalog } from '../catalog/index.ts';
import { createError, createWarning, type Problem } from '../problems/problem.ts';

/** Checks every declared table against the connector catalog (unknown, placeholder, wrong case). */
export function checkConnectorTables(
  connectors: readonly { table: string }[],
  catalog: ConnectorCatalog,
  file: string,
  locate: (path: readonly PropertyKey[]) => number,
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  connectors.forEach(({ table }, index) => {
    const field = `connectors[${index}].table`;
    const line = locate(['connectors', index, 'table']);
    const earlier = seen.get(table.toLowerCase());
    if (earlier !== undefined) {
      problems.push(createWarning({ file, line, field, message: `"${table}" is already listed as connectors[${earlier}]`, hint: 'list each table once' }));
      return;
    }
    seen.set(table.toLowerCase(), index);
    if (isPlaceholderName(table)) {
      problems.push(createError({ file, line, field, message: `"${table}" is a placeholder, not a table`, hint: 'name the table the query reads, e.g. DeviceNetworkEvents' }));
      return;
    }
    const found = findTable(catalog, table);
    if (!found) {
      const suggestions = suggestTableNames(catalog, table);
      problems.push(createError({
        file, line, field, message: `unknown table "${table}"`,
        hint: suggestions.length ? `did you mean ${suggestions.join(', ')}?` : 'add it to src/data/connectors.json if it is a real table',
      }));
    } else if (found.entry.name !== table) {
      // Kusto table names are case-sensitive: the query would fail with the author's spelling.
      problems.push(createError({ file, line, field, message: `table "${table}" is spelled "${found.entry.name}"`, hint: `write ${found.entry.name}` }));
    }
  });
  return problems;
}
