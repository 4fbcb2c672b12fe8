import type { APIRoute } from 'astro';
import { buildIocIndex } from '../../lib/export/site-ioc-exports.ts';
import { getWriteupViews } from '../../site/writeups.ts';

// Every distinct indicator once (fanged, for tools), with the writeups that list it.
export const GET: APIRoute = async () => {
  const views = await getWriteupViews();
  return new Response(JSON.stringify(buildIocIndex(views.map((view) => view.writeup))), {
    headers: { 'content-type': 'application/json' },
  });
};
