// `npm run build`: check the content, build into a temporary folder, then swap it into place, so a
// failed or interrupted build never leaves a half-written site where the last good one was.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import type { HandedCollection } from '../src/loader/detections-loader.ts';
import { finishSite } from '../src/lib/audit/finish-site.ts';
import { collectIndicatorValues } from '../src/lib/derive/indicator-set.ts';
import { writeExportFiles } from '../src/lib/export/write-exports.ts';
import { formatProblemReport } from '../src/lib/problems/format-problems.ts';
import type { Collection } from '../src/lib/content/load-collection.ts';
import { runCheck } from './check.ts';
import { isWithin, markSite, refuseOutput, removeStaleSiblings } from './build-output.ts';
import { readCliOptions } from './cli-options.ts';

/** What an interrupted build must take with it: the astro run and the folders it was writing. */
const unfinished: { child?: ChildProcess; paths: string[] } = { paths: [] };

/** Ctrl-C, a kill or a closed terminal stop the build cleanly: the previous site stays. */
function stopOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      // Astro runs Pagefind as its own child: the whole group goes, or it would write on.
      if (unfinished.child?.pid) process.kill(-unfinished.child.pid, 'SIGKILL');
      for (const path of unfinished.paths) rmSync(path, { recursive: true, force: true });
      console.error(`huntbook build: interrupted (${signal}); the previous site is untouched.`);
      process.exit(130);
    });
  }
}

/** A running `astro build`: its exit status, and a switch for the output it holds back. */
interface AstroRun {
  exited: Promise<number>;
  /** Prints what Astro wrote so far and passes the rest through. */
  release: () => void;
  /** Ends Astro and everything it started (Pagefind), and waits for it. */
  stop: () => Promise<number>;
}

/**
 * Starts `astro build` in its own process group. Its output is held back until `release`, so a
 * check that fails meanwhile prints its report alone.
 */
function startAstroBuild(env: NodeJS.ProcessEnv): AstroRun {
  const astroBin = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  const child = spawn(process.execPath, [astroBin, 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env,
    detached: true,
  });
  unfinished.child = child;
  const held: [NodeJS.WriteStream, Buffer][] = [];
  let released = false;
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from?.on('data', (chunk: Buffer) => (released ? to.write(chunk) : held.push([to, chunk])));
  }
  const exited = new Promise<number>((resolve) => {
    child.once('error', () => resolve(1));
    child.once('close', (code) => {
      unfinished.child = undefined;
      resolve(code ?? 1);
    });
  });
  return {
    exited,
    release: () => {
      released = true;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    },
    stop: () => {
      try {
        if (child.pid && child.exitCode === null && child.signalCode === null) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // Already gone (it may have died between the test and the kill).
      }
      return exited;
    },
  };
}

/** Renames `from` to `to`, copying when they are on different file systems. */
function moveFolder(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
}

async function buildSite(contentDir: string, outDir: string): Promise<number> {
  const out = resolve(outDir);
  const refusal = refuseOutput(outDir, contentDir, process.cwd());
  if (refusal) {
    console.error(`huntbook build: ${refusal}`);
    return 1;
  }
  removeStaleSiblings(outDir);
  // Whoever started the build (npm, a shell) is its parent: gone means the build was abandoned.
  const parent = process.ppid;
  // Siblings of the output folder, so the final renames stay on one file system.
  mkdirSync(dirname(out), { recursive: true });
  const staging = `${out}.staging-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  const cache = `${staging}-cache`;
  const handed = `${staging}-collection.json`;
  // Astro keeps its server bundle in `<outDir>/.prerender` only for an outDir inside the project
  // (the bundle must resolve the project's node_modules); for any other it uses the project's own
  // `.astro/.prerender`, which builds running at once would share and delete under each other.
  // Such a build has Astro write inside the project and moves the result to its staging folder.
  const astroOut = isWithin(staging, process.cwd())
    ? staging
    : join(process.cwd(), '.huntbook', `build-${process.pid}`);
  unfinished.paths.push(staging, cache, handed, `${handed}.partial`, astroOut);
  // A collection file left by a killed build with this PID must never be read as this one's.
  for (const path of [astroOut, handed, `${handed}.partial`]) rmSync(path, { recursive: true, force: true });
  // Astro starts up while the content is checked; its loader waits for the checked collection.
  const started = performance.now();
  const astro = startAstroBuild({
    ...process.env,
    HUNTBOOK_CONTENT: contentDir,
    HUNTBOOK_OUT_DIR: astroOut,
    HUNTBOOK_CACHE_DIR: cache,
    HUNTBOOK_COLLECTION: handed,
    HUNTBOOK_BUILD_PID: String(process.pid),
    ASTRO_TELEMETRY_DISABLED: '1',
  });
  let collection: Collection | undefined;
  let handedOver = false;
  try {
    collection = await runCheck(contentDir);
    if (collection) {
      // Written whole, then renamed: the loader never reads half a file.
      writeFileSync(`${handed}.partial`, JSON.stringify({ writeups: collection.writeups } satisfies HandedCollection));
      renameSync(`${handed}.partial`, handed);
      handedOver = true;
    }
  } finally {
    // Astro waits for the collection: whatever stopped it from coming (errors, a throw) stops Astro.
    if (!handedOver) {
      await astro.stop();
      for (const path of [staging, cache, handed, `${handed}.partial`, astroOut])
        rmSync(path, { recursive: true, force: true });
    }
  }
  const checked = performance.now();
  if (!collection) {
    console.error('huntbook build: stopped before building; the previous site is untouched.');
    return 1;
  }
  astro.release();
  const status = await astro.exited;
  rmSync(cache, { recursive: true, force: true });
  rmSync(handed, { force: true });
  if (status !== 0) {
    for (const path of [staging, astroOut]) rmSync(path, { recursive: true, force: true });
    console.error('huntbook build: astro build failed; the previous site is untouched.');
    return status;
  }
  if (astroOut !== staging) moveFolder(astroOut, staging);
  const built = performance.now();
  // The audit reads what readers will get (pages and search index) and secures each page it read;
  // export files are data, not pages, so they are written meanwhile.
  const [findings] = await Promise.all([
    finishSite(staging, collectIndicatorValues(collection.writeups)),
    writeExportFiles(staging, collection.writeups),
  ]);
  if (findings.length) {
    console.error(formatProblemReport(findings, collection.fileCount));
    console.error('huntbook build: live indicators found in the built site; the previous site is untouched.');
    rmSync(staging, { recursive: true, force: true });
    return 1;
  }
  const seconds = (from: number, to: number) => `${((to - from) / 1000).toFixed(1)} s`;
  console.log(
    `huntbook build: check ${seconds(started, checked)} (while Astro started), astro ${seconds(checked, built)} more, audit, CSP and export files ${seconds(built, performance.now())}`,
  );
  markSite(staging);
  if (process.ppid !== parent) {
    rmSync(staging, { recursive: true, force: true });
    console.error('huntbook build: the command that started this build has stopped; the previous site is untouched.');
    return 130;
  }
  const previous = `${out}.previous-${process.pid}`;
  if (existsSync(out)) renameSync(out, previous);
  renameSync(staging, out);
  rmSync(previous, { recursive: true, force: true });
  console.log(`huntbook build: site written to ${outDir}`);
  return 0;
}

stopOnSignals();
try {
  const options = readCliOptions(process.argv.slice(2));
  process.exitCode = await buildSite(options.content, options.out);
} catch (error) {
  console.error(`huntbook build: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
