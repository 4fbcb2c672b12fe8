import type { APIRoute } from 'astro';
import { buildDetectionsApi } from '../../lib/export/detections-api.ts';
import { getWriteupViews } from '../../site/writeups.ts';

// Every writeup's metadata, IOCs (fanged), queries, tables, connectors and false positives, in the
// versioned shape documented on the Export page.
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(buildDetectionsApi(await getWriteupViews())), {
    headers: { 'content-type': 'application/json' },
  });
