import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../src/lib/catalog/index.ts';
import { loadCollection } from '../../src/lib/content/load-collection.ts';
import { formatProblem } from '../../src/lib/problems/format-problems.ts';

// The bundled writeups were written with their IOC lists, queries and tables in step: they must
// pass every KQL check, and the tables the queries read must be exactly the ones they declare.
const root = process.cwd();
const collection = loadCollection(join(root, 'content/detections'), root, loadConnectorCatalog());

describe('bundled writeups', () => {
  it('have no problems at all', () => {
    expect(collection.problems.map(formatProblem)).toEqual([]);
    expect(collection.writeups.length).toBeGreaterThanOrEqual(5);
  });

  it.each(collection.writeups.map((writeup) => [writeup.id, writeup] as const))('%s reads exactly its declared tables', (_id, writeup) => {
    expect([...writeup.tables].sort()).toEqual(writeup.connectors.map((entry) => entry.table).sort());
    for (const query of writeup.queries) expect(query.tables.length, query.title).toBeGreaterThan(0);
  });
});
