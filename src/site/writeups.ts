import { getCollection, getEntry, render } from 'astro:content';
import { loadConnectorCatalog } from '../lib/catalog/index.ts';
import type { Writeup } from '../lib/content/validate-writeup.ts';
import type { BrokenWriteup } from '../loader/detections-loader.ts';
import { loadAttackReference, type AttackReference } from '../lib/derive/attack-reference.ts';
import { describeForBrowsing, type BrowseEntry } from '../lib/derive/browse-entries.ts';
import { resolveGroupPageRows } from '../lib/derive/browse-limits.ts';
import { indexFacets, type FacetIndex } from '../lib/derive/facet-index.ts';
import { resolveStaleDays, resolveToday } from '../lib/derive/freshness.ts';
import { readLastCommitDays } from '../lib/derive/git-dates.ts';
import { buildLookupIndex, type LookupIndex } from '../lib/derive/lookup-index.ts';
import { collectIndicatorValues } from '../lib/derive/indicator-set.ts';
import { presentWriteup, sortByRecency, type WriteupView } from '../lib/derive/present-writeup.ts';
import { presentConnectors, type ConnectorView } from '../lib/derive/present-connectors.ts';

// The one module that reads `astro:content`: pages get plain view data from here.

let cached: Promise<WriteupView[]> | undefined;

/** Every writeup's view data, newest first. Computed once per build. */
export function getWriteupViews(): Promise<WriteupView[]> {
  cached ??= (async () => {
    const catalog = loadConnectorCatalog();
    const entries = (await getCollection('detections')).filter((entry) => !isBroken(entry.data));
    const writeups = entries.map((entry) => ({ ...(entry.data as Omit<Writeup, 'body'>), body: entry.body ?? '' }));
    // Prose names another writeup's indicators too: the whole collection's are defanged everywhere.
    const known = collectIndicatorValues(writeups);
    const views = writeups.map((writeup) => presentWriteup(writeup, catalog, known));
    return sortByRecency(views);
  })();
  return cached;
}

function isBroken(data: unknown): data is BrokenWriteup {
  return (data as Partial<BrokenWriteup>).broken === true;
}

/**
 * Writeups the dev server cannot show, by id, with their problems: their pages list the problems
 * instead of a 404. Always empty in a build, which stops on the first broken file.
 */
export async function getBrokenWriteups(): Promise<{ id: string; broken: BrokenWriteup }[]> {
  const entries = await getCollection('detections');
  return entries.flatMap((entry) => (isBroken(entry.data) ? [{ id: entry.id, broken: entry.data }] : []));
}

/** Renders a writeup's Markdown body (prose and highlighted queries). */
export async function renderWriteupBody(id: string) {
  // getEntry, not a filtered getCollection: that reads every entry per page, quadratic at 10,000.
  const entry = await getEntry('detections', id);
  if (!entry) throw new Error(`unknown writeup ${id}`);
  return render(entry);
}

/** Everything the browse pages need, judged against one "today" for the whole build. */
export interface BrowseData {
  /** Writeups with their facets, newest first. */
  entries: BrowseEntry[];
  /** The same entries by writeup id. */
  byId: ReadonlyMap<string, BrowseEntry>;
  /** Every facet value with its writeups. */
  facets: FacetIndex;
  /** The build's "today" (`HUNTBOOK_TODAY`, else the build day). */
  today: string;
  /** Days after which a writeup's newest IOC is stale (`HUNTBOOK_STALE_DAYS`, default 90). */
  staleAfterDays: number;
  attack: AttackReference;
  /** Rows a family, tag, technique or threat-type page lists (`HUNTBOOK_GROUP_PAGE_ROWS`, default 200). */
  groupPageRows: number;
}

let browseCached: Promise<BrowseData> | undefined;

/** Browse data of every writeup; git is read once here, for all files. */
export function getBrowseData(): Promise<BrowseData> {
  browseCached ??= (async () => {
    const views = await getWriteupViews();
    const today = resolveToday(process.env.HUNTBOOK_TODAY);
    const staleAfterDays = resolveStaleDays(process.env.HUNTBOOK_STALE_DAYS);
    const attack = loadAttackReference();
    const lastCommits = readLastCommitDays(process.env.HUNTBOOK_CONTENT ?? 'content/detections', process.cwd());
    const context = { today, staleAfterDays, attack, lastCommits };
    const entries = views.map((view) => describeForBrowsing(view, context));
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const groupPageRows = resolveGroupPageRows(process.env.HUNTBOOK_GROUP_PAGE_ROWS);
    return { entries, byId, facets: indexFacets(entries, attack), today, staleAfterDays, attack, groupPageRows };
  })();
  return browseCached;
}

/** The browse entries of a facet value's writeups, newest first (a Set: facets hold thousands). */
export async function selectBrowseEntries(ids: readonly string[]): Promise<BrowseEntry[]> {
  const wanted = new Set(ids);
  return (await getBrowseData()).entries.filter((entry) => wanted.has(entry.id));
}

/** Browse data of one writeup. */
export async function getBrowseEntry(id: string): Promise<BrowseEntry> {
  const entry = (await getBrowseData()).byId.get(id);
  if (!entry) throw new Error(`unknown writeup ${id}`);
  return entry;
}

/** The IOC look-up index (defanged keys only), emitted as `/lookup/iocs.json`. */
export async function getLookupIndex(): Promise<LookupIndex> {
  return buildLookupIndex(await getWriteupViews());
}

let connectorsCached: Promise<ConnectorView[]> | undefined;

/** Every catalog connector with its tables and the writeups that need it, for `/connectors/`. */
export function getConnectorViews(): Promise<ConnectorView[]> {
  // Once per build: each of the ~50 connector pages asks, and each answer reads every writeup.
  connectorsCached ??= getWriteupViews().then((views) => presentConnectors(loadConnectorCatalog(), views));
  return connectorsCached;
}
