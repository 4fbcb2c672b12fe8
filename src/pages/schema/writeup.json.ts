import type { APIRoute } from 'astro';
import { formatWriteupJsonSchema } from '../../lib/schema/json-schema.ts';

// The JSON Schema of writeup frontmatter, the same text as schema/writeup.schema.json in the repo.
export const GET: APIRoute = () =>
  new Response(formatWriteupJsonSchema(), { headers: { 'content-type': 'application/schema+json' } });
