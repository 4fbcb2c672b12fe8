// `npm run build`: check the content, build into a temporary folder, then swap it into place, so a
// failed or interrupted build never leaves a half-written site where the last good one was.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { HandedCollection } from '../src/loader/detections-loader.ts';
import { finishSite } from '../src/lib/audit/finish-site.ts';
import { collectIndicatorValues } from '../src/lib/derive/indicator-set.ts';
import { writeExportFiles } from '../src/lib/export/write-exports.ts';
import { formatProblemReport } from '../src/lib/problems/format-problems.ts';
import { runCheck } from './check.ts';
import { markSite, refuseOutput, removeStaleSiblings } from './build-output.ts';
import { readCliOptions } from './cli-options.ts';

async function buildSite(contentDir: string, outDir: string): Promise<number> {
  const collection = await runCheck(contentDir);
  if (!collection) {
    console.error('huntbook build: stopped before building; the previous site is untouched.');
    return 1;
  }
  const out = resolve(outDir);
  const refusal = refuseOutput(outDir, contentDir, process.cwd());
  if (refusal) {
    console.error(`huntbook build: ${refusal}`);
    return 1;
  }
  removeStaleSiblings(outDir);
  // Siblings of the output folder, so the final renames stay on one file system.
  mkdirSync(dirname(out), { recursive: true });
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const cache = `${staging}-cache`;
  const handed = `${staging}-collection.json`;
  writeFileSync(handed, JSON.stringify({ writeups: collection.writeups } satisfies HandedCollection));
  const started = performance.now();
  const result = spawnSync(process.execPath, [astroBin, 'build'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      HUNTBOOK_CONTENT: contentDir,
      HUNTBOOK_OUT_DIR: staging,
      HUNTBOOK_CACHE_DIR: cache,
      HUNTBOOK_COLLECTION: handed,
      ASTRO_TELEMETRY_DISABLED: '1',
    },
  });
  rmSync(cache, { recursive: true, force: true });
  rmSync(handed, { force: true });
  if (result.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    console.error('huntbook build: astro build failed; the previous site is untouched.');
    return result.status ?? 1;
  }
  const built = performance.now();
  writeExportFiles(staging, collection.writeups);
  const exported = performance.now();
  // The audit reads what readers will get (pages and search index) and secures each page it read.
  const findings = await finishSite(staging, collectIndicatorValues(collection.writeups));
  if (findings.length) {
    console.error(formatProblemReport(findings, collection.fileCount));
    console.error('huntbook build: live indicators found in the built site; the previous site is untouched.');
    rmSync(staging, { recursive: true, force: true });
    return 1;
  }
  const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
  console.log(
    `huntbook build: check ${seconds(0, started)}, astro ${seconds(started, built)}, export files ${seconds(built, exported)}, audit and CSP ${seconds(exported, performance.now())}`,
  );
  markSite(staging);
  const previous = `${out}.previous-${process.pid}`;
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
  console.log(`huntbook build: site written to ${outDir}`);
  return 0;
}

try {
  const options = readCliOptions(process.argv.slice(2));
  process.exitCode = await buildSite(options.content, options.out);
} catch (error) {
  console.error(`huntbook build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
