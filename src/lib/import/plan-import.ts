// Decides, before anything is written, what each draft becomes: a file that passes the checker,
// a file left alone because it exists, or nothing because the checker found errors in it.
import type { ConnectorCatalog } from '../catalog/index.ts';
import { validateWriteup } from '../content/validate-writeup.ts';
import type { Problem } from '../problems/problem.ts';
import type { WriteupDraft } from './import-types.ts';
import { reserveId } from './make-id.ts';
import { renderWriteup } from './render-writeup.ts';

/** What will happen to one draft. */
export interface PlannedFile {
  draft: WriteupDraft;
  /** Path relative to the project root, with `/` separators. */
  path: string;
  /** File text, as it will be written. */
  text: string;
  /** `write` (new or `--force`), `exists` (kept, not overwritten) or `invalid` (checker errors). */
  action: 'write' | 'exists' | 'invalid';
  /** True when `write` replaces an existing file. */
  overwrites: boolean;
  /** Checker problems: errors for `invalid`, possibly warnings for `write`. */
  problems: Problem[];
}

/** Where writeups go and what is already there. */
export interface PlanOptions {
  /** Output folder, relative to the project root. */
  outDir: string;
  /** Existing writeup files by id (relative paths); ids are unique across subfolders. */
  existing: ReadonlyMap<string, string>;
  /** Replace existing writeups with the same id. */
  force: boolean;
  catalog: ConnectorCatalog;
}

/** Plans every draft: unique ids within the run, existing files respected, every file checked. */
export function planImport(drafts: readonly WriteupDraft[], options: PlanOptions): PlannedFile[] {
  const taken = new Set<string>();
  return drafts.map((original) => {
    const draft = { ...original, id: reserveId(original.id, taken) };
    const existingPath = options.existing.get(draft.id);
    const path = existingPath ?? `${options.outDir.replace(/\/+$/, '')}/${draft.id}.md`;
    const text = renderWriteup(draft);
    const { writeup, problems } = validateWriteup(path, text, options.catalog);
    const action = !writeup ? 'invalid' : existingPath && !options.force ? 'exists' : 'write';
    return { draft, path, text, action, overwrites: action === 'write' && existingPath !== undefined, problems };
  });
}
