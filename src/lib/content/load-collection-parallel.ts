// `npm run check` and `npm run build` read thousands of writeups: YAML, schema and the Kusto
// parser cost ~3 ms per file warm and ~9 ms cold, on one core. Files are dealt to worker threads
// (the calling thread takes one share itself), and results come back in file order, so the
// collection is exactly what `loadCollection` returns.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConnectorCatalog } from '../catalog/index.ts';
import { addUsedFacts, saveFactsCache, takeUsedFacts } from '../kql/facts-cache.ts';
import { assembleCollection, listWriteupFiles, loadCollection, type Collection } from './load-collection.ts';
import { validateWriteup, type WriteupResult } from './validate-writeup.ts';

/**
 * Below this many files a worker's start-up (its own Kusto parser, ~0.4 s) costs more than it
 * saves. Measured on 2 cores with the KQL facts cache warm: 1,000 files 2.1 s alone, 2.5 s with a
 * worker; 3,000 even; 10,000 17.1 s alone, 11.3 s with one. Cold, 1,000 files take 5.0–5.2 s either way.
 */
const MIN_FILES_FOR_WORKERS = 2_000;

/** What a validation worker is given. */
export interface ValidateTask {
  /** Project root the file paths are relative to. */
  root: string;
  /** Its share of the files, in order. */
  files: string[];
}

/** What a validation worker answers. */
export interface ValidateAnswer {
  /** One result per file, in the order given. */
  results: WriteupResult[];
  /** The KQL facts it used or parsed, for the one cache write. */
  facts: ReturnType<typeof takeUsedFacts>;
}

function validateInWorker(task: ValidateTask): Promise<ValidateAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { workerData: task });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`validation worker stopped with code ${code}`));
    });
  });
}

/** How {@link loadCollectionInParallel} spreads its work. */
export interface ParallelOptions {
  /** Threads in all, the calling one included (default: the machine's parallelism). */
  threads?: number;
  /** Fewer files than this are read on the calling thread alone. */
  minFiles?: number;
}

/** {@link loadCollection} spread over several threads. */
export async function loadCollectionInParallel(
  dir: string,
  root: string,
  catalog: ConnectorCatalog,
  { threads = availableParallelism(), minFiles = MIN_FILES_FOR_WORKERS }: ParallelOptions = {},
): Promise<Collection> {
  const files = listWriteupFiles(dir, root);
  if (threads < 2 || files.length < minFiles) return loadCollection(dir, root, catalog);
  // Contiguous shares: the calling thread, already warm, takes the first.
  const share = Math.ceil(files.length / threads);
  const shares = Array.from({ length: threads }, (_, index) => files.slice(index * share, (index + 1) * share));
  const workers = shares.slice(1).map((part) => validateInWorker({ root, files: part }));
  const own = shares[0].map((file) => validateWriteup(file, readFileSync(join(root, file), 'utf8'), catalog));
  const answers = await Promise.all(workers);
  for (const answer of answers) addUsedFacts(answer.facts);
  saveFactsCache();
  return assembleCollection(dir, root, files, [...own, ...answers.flatMap((answer) => answer.results)]);
}
