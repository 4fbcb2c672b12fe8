// One share of loadCollectionInParallel's files, checked exactly as loadCollection checks them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { loadConnectorCatalog } from '../catalog/index.ts';
import { takeUsedFacts } from '../kql/facts-cache.ts';
import type { ValidateAnswer, ValidateTask } from './load-collection-parallel.ts';
import { validateWriteup } from './validate-writeup.ts';

const { root, files } = workerData as ValidateTask;
const catalog = loadConnectorCatalog();
const results = files.map((file) => validateWriteup(file, readFileSync(join(root, file), 'utf8'), catalog));
parentPort?.postMessage({ results, facts: takeUsedFacts() } satisfies ValidateAnswer);
