// `npm run new -- "<title>" [--out DIR] [--date YYYY-MM-DD]`: scaffold a writeup whose every field
// is explained, ready to fill in. It never overwrites a writeup with the same id.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { listWriteupFiles } from '../src/lib/content/load-collection.ts';
import { readWriteupId } from '../src/lib/content/validate-writeup.ts';
import { makeWriteupId } from '../src/lib/import/make-id.ts';
import { scaffoldWriteup } from '../src/lib/import/scaffold-writeup.ts';

function runNew(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'content/detections' }, date: { type: 'string' } },
  });
  const title = positionals.join(' ').trim();
  if (!title) throw new Error('usage: npm run new -- "<title>" [--out DIR] [--date YYYY-MM-DD]');
  const date = values.date ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('--date must be YYYY-MM-DD');
  const root = process.cwd();
  const id = makeWriteupId(title, 'new-detection');
  const clash = listWriteupFiles(resolve(root, values.out), root).find((file) => readWriteupId(file) === id);
  const file = join(values.out, `${id}.md`);
  if (clash || existsSync(file))
    throw new Error(`${clash ?? file} already exists; choose another title or edit that file`);
  mkdirSync(values.out, { recursive: true });
  writeFileSync(file, scaffoldWriteup(title, date));
  console.log(`huntbook new: wrote ${file}\nReplace every TODO in it, then run \`npm run check\`.`);
  return 0;
}

try {
  process.exitCode = runNew(process.argv.slice(2));
} catch (error) {
  console.error(`huntbook new: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
