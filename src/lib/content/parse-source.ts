import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { describeYamlError, findUnclosedLine, hintForYamlError } from './yaml-errors.ts';
import { createError, type Problem } from '../problems/problem.ts';

/** A writeup file split into frontmatter data and body, with a way back to line numbers. */
export interface ParsedSource {
  /** Frontmatter as plain data (every scalar a string), or undefined when it could not be read. */
  data: unknown;
  /** Markdown after the closing `---`, with LF line endings. */
  body: string;
  /** 1-based file line of the body's first line. */
  bodyLine: number;
  /** File line of the frontmatter node at `path`, or of its nearest existing ancestor. */
  locate: (path: readonly PropertyKey[]) => number;
  /** True when the body could not be told apart from the frontmatter (unclosed or unreadable). */
  bodyUnknown?: boolean;
  /** YAML and layout problems; the data is unusable when any is an error. */
  problems: Problem[];
}

/** Strips a UTF-8 BOM and turns CRLF/CR into LF, so such files parse like plain ones (F13, F18). */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits and parses one writeup file. `file` is only used to label problems. */
export function parseSource(file: string, rawText: string): ParsedSource {
  const problems: Problem[] = checkEncoding(file, rawText);
  const lines = normaliseText(rawText).split('\n');
  const unreadable = { data: undefined, body: '', bodyLine: 1, bodyUnknown: true, locate: () => 1, problems };
  if (problems.some((problem) => problem.field === 'encoding' && problem.message.includes('UTF-16'))) return unreadable;
  if (lines[0]?.trim() !== '---') {
    const late = lines.findIndex((line) => line.trim() !== '');
    const startsLate = late > 0 && lines[late]?.trim() === '---';
    problems.push(
      createError({
        file,
        line: startsLate ? late + 1 : 1,
        field: 'frontmatter',
        message: startsLate ? 'frontmatter must start on line 1' : 'missing frontmatter',
        hint: startsLate
          ? 'remove the blank lines above the opening ---'
          : 'start the file with a line ---, then title, summary, severity and date, one per line, then another ---',
      }),
    );
    return { data: undefined, body: lines.join('\n'), bodyLine: 1, locate: () => 1, problems };
  }
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    problems.push(createError({ file, line: 1, field: 'frontmatter', message: 'frontmatter is never closed', hint: 'end the YAML fields with a line ---' }));
    return unreadable;
  }
  const yamlText = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  // failsafe: every scalar stays the text the author wrote, so `0e4620…` hashes, `1:20` ports and
  // dates never turn into numbers or timestamps (F10, F12).
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => counter.linePos(offset).line + 1;
  const reported = new Set<number>();
  for (const error of doc.errors) {
    const unclosed = findUnclosedLine(yamlText, error);
    const line = unclosed === undefined ? lineOf(error.pos[0]) : unclosed + 2;
    // One mistake often trips two parser rules on the same line; the first says it best.
    if (error.code === 'MULTILINE_IMPLICIT_KEY' && reported.has(line)) continue;
    reported.add(line);
    problems.push(createError({ file, line, field: 'yaml', message: describeYamlError(error), hint: hintForYamlError(error) }));
  }
  const data = doc.errors.length ? undefined : readData(doc, file, problems);
  if (!doc.errors.length && data !== undefined && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    problems.push(createError({ file, line: 2, field: 'frontmatter', message: 'frontmatter is not a set of `field: value` lines', hint: 'write one field per line, e.g. title: My detection' }));
  }
  return {
    data: problems.some((problem) => problem.severity === 'error') ? undefined : data,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    locate: (path) => lineOf(findNodeOffset(doc, path)),
    problems,
  };
}

/** Plain data of the document; anchors and aliases are allowed, but never an alias bomb. */
function readData(doc: Document, file: string, problems: Problem[]): unknown {
  try {
    return doc.toJS({ maxAliasCount: 10_000 });
  } catch (error) {
    problems.push(createError({ file, line: 2, field: 'yaml', message: error instanceof Error ? error.message : String(error), hint: 'write the values out instead of repeating *aliases' }));
    return undefined;
  }
}

/** Writeups are UTF-8; anything else would publish mangled text, so it is reported by line. */
function checkEncoding(file: string, rawText: string): Problem[] {
  if (/^(?:\uFFFE|\uFEFF|\uFFFD\uFFFD)?(?:(?:[^\0]\0){4}|(?:\0[^\0]){4})/.test(rawText)) {
    return [createError({ file, line: 1, field: 'encoding', message: 'the file is UTF-16', hint: 'save it as UTF-8' })];
  }
  const bad = rawText.split(/\r?\n/).findIndex((line) => line.includes('\uFFFD'));
  return bad === -1 ? [] : [createError({ file, line: bad + 1, field: 'encoding', message: 'the file is not valid UTF-8', hint: 'save it as UTF-8 (it looks like Latin-1 or Windows-1252)' })];
}

/** Offset of the deepest node on `path` that exists, so a missing field points at its parent. */
function findNodeOffset(doc: Document, path: readonly PropertyKey[]): number {
  let node: Node | null | undefined = doc.contents;
  let offset = node?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => String((item.key as { value?: unknown } | null)?.value ?? item.key) === String(key));
      if (!pair) break;
      const keyNode = pair.key as Node | null;
      node = pair.value as Node | null;
      offset = node?.range?.[0] ?? keyNode?.range?.[0] ?? offset;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key] as Node | undefined;
      if (!item) break;
      node = item;
      offset = item.range?.[0] ?? offset;
    } else break;
  }
  return offset;
}
