// Reading ../shared/corpus into labelled text segments for the corpus test.
// The corpus is read-only shared material, so it is read at test time, never copied into the suite.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parse } from 'yaml';

/** Where the shared corpus lives, next to the repository. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../../../shared/corpus');

/** One piece of text to scan, with where it came from. */
export interface Segment {
  /** Path relative to the corpus root. */
  file: string;
  /** Directory of `file`, for per-folder counts. */
  folder: string;
  /** Which part of the file: markdown prose, a code block, a YAML field, a whole CSV … */
  part: string;
  text: string;
}

/** True when the shared corpus is checked out next to the repository. */
export function hasCorpus(): boolean {
  return existsSync(CORPUS_DIR);
}

/** Every file under a corpus folder (relative to the corpus root) whose name passes the filter. */
function listFiles(folder: string, keep: (name: string) => boolean): string[] {
  const root = join(CORPUS_DIR, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => relative(CORPUS_DIR, join(entry.parentPath, entry.name)))
    .sort();
}

function segment(file: string, part: string, text: string): Segment {
  return { file, folder: dirname(file), part, text };
}

/** Prose and fenced code blocks apart, so the report can tell which one an indicator came from. */
function splitMarkdown(file: string, text: string): Segment[] {
  const segments: Segment[] = [];
  const prose: string[] = [];
  let code: string[] | undefined;
  let fence = '';
  let language = '';
  for (const line of text.split(/\r?\n/)) {
    const marker = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(line);
    if (code === undefined && marker) {
      [, fence = '```', language = ''] = marker;
      code = [];
    } else if (
      code !== undefined &&
      line.trim().startsWith(fence) &&
      line.trim().replaceAll(fence[0] ?? '`', '') === ''
    ) {
      segments.push(segment(file, `markdown code (${language.toLowerCase() || 'no language'})`, code.join('\n')));
      code = undefined;
    } else if (code !== undefined) code.push(line);
    else prose.push(line);
  }
  if (code !== undefined) segments.push(segment(file, 'markdown code (unclosed)', code.join('\n')));
  segments.push(segment(file, 'markdown prose', prose.join('\n')));
  return segments;
}

/** String values under the given keys, at any depth (the XDR schema nests its query as queryCondition.queryText). */
function collectFields(node: unknown, keys: ReadonlySet<string>, out: Array<[string, string]>): void {
  if (Array.isArray(node)) for (const item of node) collectFields(item, keys, out);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (keys.has(key) && typeof value === 'string') out.push([key, value]);
      else collectFields(value, keys, out);
    }
  }
}

const YAML_FIELDS: ReadonlySet<string> = new Set(['query', 'queryText', 'description']);

/** The query and description fields of one Sentinel rule. */
function readYaml(file: string, text: string): Segment[] {
  const fields: Array<[string, string]> = [];
  collectFields(parse(text), YAML_FIELDS, fields);
  return fields.map(([key, value]) => segment(file, key === 'description' ? 'yaml description' : 'yaml query', value));
}

/** Every segment of the corpus: Markdown pages, Sentinel rules, Sentinel feed CSVs and the ThreatFox files. */
export function readCorpus(): Segment[] {
  const read = (file: string): string => readFileSync(join(CORPUS_DIR, file), 'utf8');
  return [
    ...listFiles('markdown', (name) => name.endsWith('.md')).flatMap((file) => splitMarkdown(file, read(file))),
    ...listFiles('sentinel', (name) => /\.ya?ml$/i.test(name)).flatMap((file) => readYaml(file, read(file))),
    ...listFiles('sentinel', (name) => /\.csv$/i.test(name)).map((file) => segment(file, 'csv', read(file))),
    ...listFiles('threatfox', () => true).map((file) =>
      segment(file, `threatfox ${file.split('.').pop() ?? ''}`, read(file)),
    ),
  ];
}
