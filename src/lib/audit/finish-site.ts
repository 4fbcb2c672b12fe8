// The last step before a site is published, spread over the machine's cores: every page is read
// once, audited for live indicators and given its Content-Security-Policy. Done one file after
// another it took 11 s of a 1,000-writeup build.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../problems/problem.ts';
import { listAuditedFiles } from './audit-site.ts';

/** What one worker is given. */
export interface FinishTask {
  /** The built site, so problems name files relative to it. */
  siteDir: string;
  /** Its share of the pages and search-index files. */
  files: string[];
  /** Every indicator of the collection, canonical (a Set does not cross to a worker). */
  indicators: string[];
}

/** Deals files to `count` workers so each gets a similar share of pages and index files. */
export function dealFiles(files: readonly string[], count: number): string[][] {
  const hands: string[][] = Array.from({ length: count }, () => []);
  files.forEach((file, index) => hands[index % count].push(file));
  return hands.filter((hand) => hand.length > 0);
}

function runWorker(task: FinishTask): Promise<Problem[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./finish-worker.ts', import.meta.url), { workerData: task });
    worker.once('message', (problems: Problem[]) => resolve(problems));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`site audit worker stopped with code ${code}`));
    });
  });
}

/** Audits every page and search-index file and secures every page; returns the live indicators found. */
export async function finishSite(
  siteDir: string,
  indicators: ReadonlySet<string>,
  workers = availableParallelism(),
): Promise<Problem[]> {
  const hands = dealFiles(listAuditedFiles(siteDir), Math.max(1, workers));
  const results = await Promise.all(hands.map((files) => runWorker({ siteDir, files, indicators: [...indicators] })));
  return results.flat().sort((a, b) => a.file.localeCompare(b.file));
}
