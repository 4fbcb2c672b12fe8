import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { loadConnectorCatalog } from '../lib/catalog/index.ts';
import { loadCollection } from '../lib/content/load-collection.ts';
import { readWriteupId, type Writeup } from '../lib/content/validate-writeup.ts';
import { collectIndicatorValues } from '../lib/derive/indicator-set.ts';
import { defangMarkdown } from '../lib/markdown/defang-markdown.ts';
import { formatProblem, formatProblemReport, sortProblems } from '../lib/problems/format-problems.ts';
import { hasErrors, type Problem } from '../lib/problems/problem.ts';

/** What `npm run build` writes to the file named by `HUNTBOOK_COLLECTION`. */
export interface HandedCollection {
  /** The checked writeups, as `loadCollection` returned them. */
  writeups: Writeup[];
}

/** A writeup file the dev server cannot show, stored so its page can say why. */
export interface BrokenWriteup {
  /** Marks the entry apart from writeups. */
  broken: true;
  /** Path relative to the project root. */
  file: string;
  /** Every problem of the file, as `npm run check` prints it. */
  problems: string[];
  /** How many of them are errors (the rest are warnings). */
  errorCount: number;
}

/** Options of {@link detectionsLoader}. */
export interface DetectionsLoaderOptions {
  /** Folder of writeups, relative to the project root. */
  base: string;
}

/**
 * Feeds the `detections` collection from Huntbook's own reader instead of Astro's glob loader,
 * so the site and `npm run check` share one parser, one schema and one error format.
 */
export function detectionsLoader(options: DetectionsLoaderOptions): Loader {
  return {
    name: 'huntbook-detections',
    load: async (context) => {
      // `npm run build` has just checked every file: it hands over what it read, not read twice.
      const handed = process.env.HUNTBOOK_COLLECTION;
      if (handed) {
        await fillStore(context, (await waitForCollection(handed)).writeups);
        return;
      }
      await loadIntoStore(context, options);
      const dir = resolve(options.base);
      context.watcher?.add(dir);
      context.watcher?.on('all', (_event, path) => {
        if (path.startsWith(dir) && path.endsWith('.md')) void loadIntoStore(context, options);
      });
    },
  };
}

/**
 * `npm run build` starts Astro while it checks the content, and writes the checked collection to
 * `path` once the check passes (a failed check stops Astro instead). A build that died meanwhile
 * leaves Astro to another parent: it stops rather than wait for ever.
 */
export async function waitForCollection(
  path: string,
  builder = Number(process.env.HUNTBOOK_BUILD_PID),
): Promise<HandedCollection> {
  while (!existsSync(path)) {
    // Without a builder to wait for, a missing file is an error at once (`astro build` run by hand).
    if (!builder || process.ppid !== builder)
      throw new Error(
        `no checked collection at ${path}: its build has stopped, or Astro was run by hand (use npm run build)`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return JSON.parse(readFileSync(path, 'utf8')) as HandedCollection;
}

async function loadIntoStore(context: LoaderContext, options: DetectionsLoaderOptions): Promise<void> {
  const root = process.cwd();
  const collection = loadCollection(resolve(root, options.base), root, loadConnectorCatalog());
  if (collection.problems.length) {
    const report = formatProblemReport(collection.problems, collection.fileCount);
    if (hasErrors(collection.problems)) context.logger.error(`\n${report}`);
    else context.logger.warn(`\n${report}`);
  }
  // The dev server keeps serving the valid writeups and shows the errors; a build must stop.
  if (hasErrors(collection.problems) && process.env.NODE_ENV === 'production') {
    throw new Error('Huntbook content has errors (listed above); nothing was built.');
  }
  await fillStore(context, collection.writeups);
  for (const broken of describeBrokenFiles(collection.problems, collection.writeups)) {
    context.store.set({ id: readWriteupId(broken.file), data: { ...broken } });
  }
}

// A file named `.md`, `50%.md` or `a b.md` has no address to show its problems at: the terminal
// report names it, and an empty id would stop the content sync.
const SAFE_ID = /^[A-Za-z0-9._-]+$/;

/** The files whose errors keep them off the site, each with its problems; ids already taken stay. */
export function describeBrokenFiles(problems: readonly Problem[], writeups: readonly Writeup[]): BrokenWriteup[] {
  const taken = new Set(writeups.map((writeup) => writeup.id));
  const byFile = Map.groupBy(sortProblems(problems), (problem) => problem.file);
  return [...byFile]
    .filter(([file, found]) => hasErrors(found) && SAFE_ID.test(readWriteupId(file)) && !taken.has(readWriteupId(file)))
    .map(([file, found]) => ({
      broken: true,
      file,
      problems: found.map(formatProblem),
      errorCount: found.filter((problem) => problem.severity === 'error').length,
    }));
}

async function fillStore(context: LoaderContext, writeups: readonly Writeup[]): Promise<void> {
  context.store.clear();
  const indicators = collectIndicatorValues(writeups);
  for (const writeup of writeups) {
    const { body, ...data } = writeup;
    context.store.set({
      id: writeup.id,
      data: { ...data },
      body,
      filePath: writeup.file,
      digest: context.generateDigest(JSON.stringify(writeup)),
      // Prose is defanged before rendering; query fences pass through byte-exact.
      rendered: await context.renderMarkdown(
        defangMarkdown(body, {
          demoteHeadings: true,
          indicators,
          references: [...writeup.references, ...(writeup.source?.url ? [writeup.source.url] : [])],
        }),
      ),
    });
  }
}
