import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { validateWriteup } from '../../../src/lib/content/validate-writeup.ts';
import { importFiles, type ImportKind } from '../../../src/lib/import/import-files.ts';
import type { WriteupDraft } from '../../../src/lib/import/import-types.ts';
import { renderWriteup } from '../../../src/lib/import/render-writeup.ts';

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
/** Real-world material beside the repository; tests that need it are skipped without it. */
export const SHARED = resolve(ROOT, '../shared');
/** True when ../shared is laid out next to the repository, as in CI. */
export const HAS_SHARED = existsSync(join(SHARED, 'corpus'));
/** This suite's own input files. */
export const FIXTURES = join(ROOT, 'test/fixtures/import');

export const catalog = loadConnectorCatalog();

/** Every file under `dir` whose name matches, as paths relative to the project root. */
export function listFiles(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)))
    .sort();
}

/** Runs one importer over files (absolute or root-relative), dated 2026-07-01. */
export function importPaths(
  kind: ImportKind,
  paths: readonly string[],
  grouping: 'malware' | 'threat-type' | 'all' = 'malware',
) {
  const inputs = paths.map((path) => ({ file: path, text: readFileSync(resolve(ROOT, path), 'utf8') }));
  return importFiles(kind, inputs, { catalog, grouping, today: '2026-07-01' });
}

/** Renders a draft and checks it as `content/detections/<id>.md`. */
export function checkDraft(draft: WriteupDraft) {
  const text = renderWriteup(draft);
  return { text, ...validateWriteup(`content/detections/${draft.id}.md`, text, catalog) };
}

/** Indicators as comparable `type value` keys, sorted. */
export function iocKeys(iocs: readonly { type: string; value: string }[]): string[] {
  return iocs.map((ioc) => `${ioc.type} ${ioc.value}`).sort();
}
