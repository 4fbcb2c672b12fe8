// `npm run check`: validate every writeup without building. Exit 1 when any error is found.
import { resolve } from 'node:path';
import { loadConnectorCatalog } from '../src/lib/catalog/index.ts';
import { loadCollection, type Collection } from '../src/lib/content/load-collection.ts';
import { formatProblemReport } from '../src/lib/problems/format-problems.ts';
import { hasErrors } from '../src/lib/problems/problem.ts';
import { readCliOptions } from './cli-options.ts';

/** Checks the content folder and prints the report; returns the collection when the build may go on. */
export function runCheck(contentDir: string): Collection | undefined {
  const root = process.cwd();
  const collection = loadCollection(resolve(root, contentDir), root, loadConnectorCatalog());
  const report = formatProblemReport(collection.problems, collection.fileCount);
  const failed = hasErrors(collection.problems);
  (failed ? console.error : console.log)(report);
  return failed ? undefined : collection;
}

if (import.meta.main) {
  try {
    const options = readCliOptions(process.argv.slice(2));
    process.exitCode = runCheck(options.content) ? 0 : 1;
  } catch (error) {
    console.error(`huntbook check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
