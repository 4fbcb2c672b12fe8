// `npm run check [-- --format text|github|json]`: validate every writeup without building. Exit 1 on any error.
import { resolve } from 'node:path';
import { loadConnectorCatalog } from '../src/lib/catalog/index.ts';
import type { Collection } from '../src/lib/content/load-collection.ts';
import { loadCollectionInParallel } from '../src/lib/content/load-collection-parallel.ts';
import { formatProblems, type ProblemFormat } from '../src/lib/problems/format-problems.ts';
import { hasErrors } from '../src/lib/problems/problem.ts';
import { readCliOptions } from './cli-options.ts';

/**
 * Checks the content folder and prints the report; returns the collection when the build may go on.
 * `github` and `json` reports go to stdout even on failure, where CI and tools read them.
 */
export async function runCheck(contentDir: string, format: ProblemFormat = 'text'): Promise<Collection | undefined> {
  const root = process.cwd();
  const collection = await loadCollectionInParallel(resolve(root, contentDir), root, loadConnectorCatalog());
  const report = formatProblems(collection.problems, collection.fileCount, format);
  const failed = hasErrors(collection.problems);
  (failed && format === 'text' ? console.error : console.log)(report);
  return failed ? undefined : collection;
}

if (import.meta.main) {
  try {
    const options = readCliOptions(process.argv.slice(2));
    process.exitCode = (await runCheck(options.content, options.format)) ? 0 : 1;
  } catch (error) {
    console.error(`huntbook check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
