// `npm run schema`: regenerate schema/writeup.schema.json from the zod schema. A test fails when
// the checked-in file is out of date, so run this after changing src/lib/schema/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { formatWriteupJsonSchema } from '../src/lib/schema/json-schema.ts';

/** Path of the checked-in schema, relative to the project root. */
const SCHEMA_FILE = 'schema/writeup.schema.json';

// Formatted like every other file of the repository, so `npm run lint` stays clean.
const options = await resolveConfig(SCHEMA_FILE);
mkdirSync('schema', { recursive: true });
writeFileSync(SCHEMA_FILE, await format(formatWriteupJsonSchema(), { ...options, filepath: SCHEMA_FILE }));
console.log(`huntbook schema: wrote ${SCHEMA_FILE}`);
