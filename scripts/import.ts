// `npm run import -- <threatfox|sentinel|markdown|huntbook> <file or folder…> [--out DIR] [--content DIR] [--force]
// [--group malware|threat-type|all] [--date YYYY-MM-DD] [--dry-run]`: turn feeds, rules and pages
// into writeups that pass `npm run check`, and say what was written, kept and skipped.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConnectorCatalog } from '../src/lib/catalog/index.ts';
import { listWriteupFiles } from '../src/lib/content/load-collection.ts';
import { readWriteupId } from '../src/lib/content/validate-writeup.ts';
import { GROUPINGS, type Grouping } from '../src/lib/import/build-feed-writeups.ts';
import { formatImportSummary } from '../src/lib/import/format-import-summary.ts';
import { IMPORT_KINDS, importFiles, type ImportKind, type InputFile } from '../src/lib/import/import-files.ts';
import { planImport } from '../src/lib/import/plan-import.ts';

const USAGE = `usage: npm run import -- <${IMPORT_KINDS.join('|')}> <file or folder…> [--out DIR] [--content DIR] [--force] [--group ${GROUPINGS.join('|')}] [--date YYYY-MM-DD] [--dry-run]`;

/** File names each kind reads when given a folder. */
const EXTENSIONS: Readonly<Record<ImportKind, RegExp>> = {
  threatfox: /\.(json|csv)$/i,
  sentinel: /\.ya?ml$/i,
  markdown: /\.(md|markdown|txt)$/i,
  huntbook: /\.json$/i,
};

function listInputs(kind: ImportKind, paths: readonly string[]): InputFile[] {
  return paths.flatMap((path) => {
    const files = statSync(path).isDirectory()
      ? readdirSync(path, { recursive: true, withFileTypes: true })
          .filter((entry) => entry.isFile() && EXTENSIONS[kind].test(entry.name))
          .map((entry) => join(entry.parentPath, entry.name))
          .sort()
      : [path];
    return files.map((file) => ({ file, text: readFileSync(file, 'utf8') }));
  });
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function runImport(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content/detections' },
      content: { type: 'string', default: process.env.HUNTBOOK_CONTENT ?? 'content/detections' },
      force: { type: 'boolean', default: false },
      group: { type: 'string', default: 'malware' },
      date: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  const [kind, ...paths] = positionals;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind ?? '') || paths.length === 0) throw new Error(USAGE);
  if (!(GROUPINGS as readonly string[]).includes(values.group))
    throw new Error(`unknown --group ${values.group} (one of ${GROUPINGS.join(', ')})`);
  if (values.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.date))
    throw new Error('--date must be YYYY-MM-DD');
  const root = process.cwd();
  const catalog = loadConnectorCatalog();
  const result = importFiles(kind as ImportKind, listInputs(kind as ImportKind, paths), {
    catalog,
    grouping: values.group as Grouping,
    today: values.date ?? today(),
  });
  const outDir = values.out.replace(/\\/g, '/');
  // Ids are unique across the whole collection, so writeups in the content folder count too.
  const files = [
    ...listWriteupFiles(resolve(root, values.content), root),
    ...listWriteupFiles(resolve(root, outDir), root),
  ];
  const existing = new Map(files.map((file) => [readWriteupId(file), file]));
  const planned = planImport(result.drafts, { outDir, existing, force: values.force, catalog });
  if (!values['dry-run']) {
    for (const file of planned.filter((item) => item.action === 'write')) {
      mkdirSync(dirname(resolve(root, file.path)), { recursive: true });
      writeFileSync(resolve(root, file.path), file.text);
    }
  }
  const failed = planned.some((file) => file.action === 'invalid') || planned.length === 0;
  (failed ? console.error : console.log)(formatImportSummary(kind, planned, result.skipped, values['dry-run']));
  return failed ? 1 : 0;
}

try {
  process.exitCode = runImport(process.argv.slice(2));
} catch (error) {
  console.error(`huntbook import: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
