import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ConnectorCatalog } from '../catalog/index.ts';
import { saveFactsCache } from '../kql/facts-cache.ts';
import { createError, type Problem } from '../problems/problem.ts';
import { readWriteupId, validateWriteup, type Writeup, type WriteupResult } from './validate-writeup.ts';

/** Everything read from a content folder: the valid writeups and every problem in every file. */
export interface Collection {
  /** Valid writeups, sorted by id so output is stable whatever the file system's order. */
  writeups: Writeup[];
  /** Problems of all files, errors and warnings. */
  problems: Problem[];
  /** How many writeup files were read. */
  fileCount: number;
}

/** Every `.md` file under `dir`, as paths relative to `root` with `/` separators, sorted. */
export function listWriteupFiles(dir: string, root: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  } catch {
    return [];
  }
  // Symlinked writeups count too: content folders are often assembled from several repositories.
  const isFile = (entry: (typeof entries)[number]) => entry.isFile() || (entry.isSymbolicLink() && statSync(join(entry.parentPath, entry.name), { throwIfNoEntry: false })?.isFile() === true);
  return entries
    .filter((entry) => /\.(md|markdown)$/i.test(entry.name) && isFile(entry))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** Reads and checks every writeup under `dir`; ids must be unique across subfolders (F14). */
export function loadCollection(dir: string, root: string, catalog: ConnectorCatalog): Collection {
  const files = listWriteupFiles(dir, root);
  const results = files.map((file) => validateWriteup(file, readFileSync(join(root, file), 'utf8'), catalog));
  saveFactsCache();
  return assembleCollection(dir, root, files, results);
}

/** Joins each file's result (in file order) into a collection: duplicate ids and an empty folder are errors. */
export function assembleCollection(dir: string, root: string, files: readonly string[], results: readonly WriteupResult[]): Collection {
  const problems: Problem[] = [];
  const writeups: Writeup[] = [];
  const filesById = new Map<string, string[]>();
  files.forEach((file, index) => {
    const result = results[index];
    problems.push(...result.problems);
    if (result.writeup) writeups.push(result.writeup);
    const id = readWriteupId(file);
    filesById.set(id, [...(filesById.get(id) ?? []), file]);
  });
  for (const [id, sameId] of filesById) {
    if (sameId.length < 2) continue;
    for (const file of sameId) {
      const others = sameId.filter((other) => other !== file).join(', ');
      problems.push(createError({ file, line: 1, field: 'id', message: `duplicate id "${id}", also used by ${others}`, hint: 'rename one of the files; the id is the file name and must be unique' }));
    }
  }
  if (files.length === 0) {
    const missing = !existsSync(dir) || !statSync(dir).isDirectory();
    problems.push(
      createError({
        file: relative(root, dir).split(sep).join('/') || '.',
        line: 1,
        field: 'content',
        message: missing ? 'no such folder' : 'no writeups found',
        hint: missing ? 'pass the folder that holds the writeups, e.g. --content content/detections' : 'add Markdown files such as content/detections/my-detection.md',
      }),
    );
  }
  const duplicated = new Set([...filesById].filter(([, sameId]) => sameId.length > 1).map(([id]) => id));
  return { writeups: writeups.filter((w) => !duplicated.has(w.id)).sort((a, b) => a.id.localeCompare(b.id)), problems, fileCount: files.length };
}
