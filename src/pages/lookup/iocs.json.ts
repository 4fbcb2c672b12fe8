import type { APIRoute } from 'astro';
import { getLookupIndex } from '../../site/writeups.ts';

// The look-up page's index, written once at build time. Keys and values are defanged (see
// lib/derive/lookup-keys.ts), and it is JSON, so neither the HTML audit nor Pagefind ever sees a
// live indicator here.
export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await getLookupIndex()), { headers: { 'content-type': 'application/json' } });
