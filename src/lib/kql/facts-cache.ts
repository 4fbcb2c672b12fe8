import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { QueryFacts } from './query-facts.ts';

// Parsing costs a few milliseconds per query (Kusto.Language runs through Bridge.NET), so a
// thousand writeups would take half a minute on every `npm run check`. Facts depend only on the
// query text and on the extraction code, so they are kept between runs, keyed by both.

/** The files whose code decides what `analyseQuery` returns; editing one starts a fresh cache. */
const EXTRACTION_FILES = [
  'analyse-query.ts',
  'find-literals.ts',
  'find-lookback.ts',
  'find-tables.ts',
  'load-kusto.ts',
  'query-facts.ts',
  'syntax-tree.ts',
];
// Room for every query of a 10,000-writeup collection (three each) with old versions to spare.
const MAX_ENTRIES = 100_000;
const PREFIX = 'kql-facts-';

interface CacheState {
  file: string;
  stored: Map<string, QueryFacts>;
  used: Map<string, QueryFacts>;
  dirty: boolean;
}

let state: CacheState | null | undefined;

function readVersion(): string | undefined {
  try {
    const hash = createHash('sha256');
    for (const name of EXTRACTION_FILES) hash.update(readFileSync(new URL(name, import.meta.url)));
    hash.update(readFileSync(createRequire(import.meta.url).resolve('@kusto/language-service-next/package.json')));
    return hash.digest('hex').slice(0, 16);
  } catch {
    // Bundled or moved code: no reliable version, so no cache rather than a stale one.
    return undefined;
  }
}

function openCache(): CacheState | null {
  const modules = join(process.cwd(), 'node_modules');
  const version = existsSync(modules) && process.env.HUNTBOOK_KQL_CACHE !== 'off' ? readVersion() : undefined;
  if (!version) return null;
  const file = join(modules, '.cache', 'huntbook', `${PREFIX}${version}.json`);
  let stored = new Map<string, QueryFacts>();
  try {
    stored = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, QueryFacts>));
  } catch {
    // Missing or half-written by a crashed run: start empty.
  }
  return { file, stored, used: new Map(), dirty: false };
}

const keyOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 32);

/** Facts stored by an earlier run for this exact query text, if any. */
export function readCachedFacts(text: string): QueryFacts | undefined {
  if (state === undefined) state = openCache();
  if (!state) return undefined;
  const key = keyOf(text);
  const facts = state.stored.get(key);
  if (facts) state.used.set(key, facts);
  return facts;
}

/** Remembers the facts of a freshly parsed query; {@link saveFactsCache} writes them. */
export function storeFacts(text: string, facts: QueryFacts): void {
  if (state === undefined) state = openCache();
  if (!state) return;
  state.used.set(keyOf(text), facts);
  state.dirty = true;
}

/** The facts this thread used or parsed, for a worker to hand to the thread that saves them. */
export function takeUsedFacts(): { entries: [string, QueryFacts][]; fresh: boolean } {
  if (!state) return { entries: [], fresh: false };
  return { entries: [...state.used], fresh: state.dirty };
}

/** Adds facts a worker used or parsed, so one {@link saveFactsCache} keeps them all. */
export function addUsedFacts(used: { entries: [string, QueryFacts][]; fresh: boolean }): void {
  if (state === undefined) state = openCache();
  if (!state) return;
  for (const [key, facts] of used.entries) state.used.set(key, facts);
  if (used.fresh) state.dirty = true;
}

/** Writes new facts to disk (atomically, so parallel runs never read half a file) and drops older cache versions. */
export function saveFactsCache(): void {
  if (!state?.dirty) return;
  const entries = new Map(state.used);
  for (const [key, facts] of state.stored) {
    if (entries.size >= MAX_ENTRIES) break;
    if (!entries.has(key)) entries.set(key, facts);
  }
  try {
    const dir = join(state.file, '..');
    mkdirSync(dir, { recursive: true });
    const staging = `${state.file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(staging, JSON.stringify(Object.fromEntries(entries)));
    renameSync(staging, state.file);
    for (const name of readdirSync(dir)) {
      if (name.startsWith(PREFIX) && join(dir, name) !== state.file && !name.endsWith('.tmp'))
        rmSync(join(dir, name), { force: true });
    }
    state.stored = entries;
    state.dirty = false;
  } catch {
    // A read-only checkout only loses speed.
  }
}
