import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { loadCollection } from '../../../src/lib/content/load-collection.ts';
import { loadCollectionInParallel } from '../../../src/lib/content/load-collection-parallel.ts';

const root = process.cwd();

describe('loadCollectionInParallel', () => {
  // Valid and broken writeups side by side (a duplicate id across subfolders included), under the project root
  // so paths in problems are relative as in a real run.
  const dir = mkdtempSync(join(root, '.huntbook/parallel-'));
  cpSync('test/fixtures/valid', join(dir, 'valid'), { recursive: true });
  cpSync('test/fixtures/invalid', join(dir, 'invalid'), { recursive: true, filter: (path) => !path.includes('__expected__') });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the same collection as loadCollection: writeups, problems and their order', async () => {
    const catalog = loadConnectorCatalog();
    const alone = loadCollection(dir, root, catalog);
    const spread = await loadCollectionInParallel(dir, root, catalog, { threads: 3, minFiles: 1 });
    expect(alone.fileCount).toBeGreaterThan(25);
    expect(alone.problems.some((problem) => problem.severity === 'error')).toBe(true);
    expect(spread).toEqual(alone);
    expect(spread.problems[0].file.startsWith(relative(root, dir))).toBe(true);
  });

  it('reads small folders on the calling thread', async () => {
    const catalog = loadConnectorCatalog();
    expect(await loadCollectionInParallel(join(dir, 'valid'), root, catalog)).toEqual(
      loadCollection(join(dir, 'valid'), root, catalog),
    );
  });
});
