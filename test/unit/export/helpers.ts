import { join, resolve } from 'node:path';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { loadCollection } from '../../../src/lib/content/load-collection.ts';
import { validateWriteup, type Writeup } from '../../../src/lib/content/validate-writeup.ts';

/** Project root. */
export const ROOT = resolve(import.meta.dirname, '../../..');
export const catalog = loadConnectorCatalog();

/** The bundled writeups and the valid fixtures: every IOC type, fanged and defanged input. */
export function loadSampleWriteups(): Writeup[] {
  return ['content/detections', 'test/fixtures/valid'].flatMap(
    (dir) => loadCollection(join(ROOT, dir), ROOT, catalog).writeups,
  );
}

/** One writeup from Markdown text, checked as `content/detections/<id>.md`. */
export function readWriteup(id: string, text: string): Writeup {
  const { writeup, problems } = validateWriteup(`content/detections/${id}.md`, text, catalog);
  if (!writeup) throw new Error(problems.map((p) => `${p.field}: ${p.message}`).join('\n'));
  return writeup;
}
