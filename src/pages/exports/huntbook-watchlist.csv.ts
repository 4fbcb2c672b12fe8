import type { APIRoute } from 'astro';
import { buildWatchlistCsv } from '../../lib/export/site-ioc-exports.ts';
import { getWriteupViews } from '../../site/writeups.ts';

// A Sentinel watchlist (SearchKey = the fanged indicator) of every IOC with its writeup ids.
export const GET: APIRoute = async () => {
  const views = await getWriteupViews();
  return new Response(buildWatchlistCsv(views.map((view) => view.writeup)), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
};
