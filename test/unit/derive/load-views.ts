import { join } from 'node:path';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { loadCollection } from '../../../src/lib/content/load-collection.ts';
import { loadAttackReference } from '../../../src/lib/derive/attack-reference.ts';
import { describeForBrowsing, type BrowseContext, type BrowseEntry } from '../../../src/lib/derive/browse-entries.ts';
import { presentWriteup, sortByRecency, type WriteupView } from '../../../src/lib/derive/present-writeup.ts';

const root = process.cwd();

/** Views of every writeup in a content folder (relative to the project root), newest first. */
export function loadViews(dir: string): WriteupView[] {
  const catalog = loadConnectorCatalog();
  const { writeups } = loadCollection(join(root, dir), root, catalog);
  return sortByRecency(writeups.map((writeup) => presentWriteup(writeup, catalog)));
}

/** The build context the tests pin: 3 December 2026, 90 days. */
export function testContext(lastCommits: Record<string, string> = {}): BrowseContext {
  return {
    today: '2026-12-03',
    staleAfterDays: 90,
    attack: loadAttackReference(),
    lastCommits: new Map(Object.entries(lastCommits)),
  };
}

/** Browse entries of a content folder under {@link testContext}. */
export function loadEntries(dir: string, lastCommits: Record<string, string> = {}): BrowseEntry[] {
  const context = testContext(lastCommits);
  return loadViews(dir).map((view) => describeForBrowsing(view, context));
}
