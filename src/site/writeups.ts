import { getCollection, render } from 'astro:content';
import { loadConnectorCatalog } from '../lib/catalog/index.ts';
import type { Writeup } from '../lib/content/validate-writeup.ts';
import { presentWriteup, sortByRecency, type WriteupView } from '../lib/derive/present-writeup.ts';

// The one module that reads `astro:content`: pages get plain view data from here.

let cached: Promise<WriteupView[]> | undefined;

/** Every writeup's view data, newest first. Computed once per build. */
export function getWriteupViews(): Promise<WriteupView[]> {
  cached ??= (async () => {
    const catalog = loadConnectorCatalog();
    const entries = await getCollection('detections');
    const views = entries.map((entry) =>
      presentWriteup({ ...(entry.data as Omit<Writeup, 'body'>), body: entry.body ?? '' }, catalog),
    );
    return sortByRecency(views);
  })();
  return cached;
}

/** Renders a writeup's Markdown body (prose and highlighted queries). */
export async function renderWriteupBody(id: string) {
  const entries = await getCollection('detections', (entry) => entry.id === id);
  if (!entries[0]) throw new Error(`unknown writeup ${id}`);
  return render(entries[0]);
}
