import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
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
  /** YAML and layout problems; the data is unusable when any is an error. */
  problems: Problem[];
}

const YAML_HINTS: Readonly<Record<string, string>> = {
  BLOCK_AS_IMPLICIT_KEY: 'a value that contains ": " must be quoted, e.g. note: "Source: ThreatFox"',
  MULTILINE_IMPLICIT_KEY: 'quote the value, or continue it with the same indentation',
  DUPLICATE_KEY: 'remove one of the two entries',
  BAD_INDENT: 'align the entries of a list or map at the same indentation',
  MISSING_CHAR: 'close the quote or bracket that was opened',
  UNEXPECTED_TOKEN: 'quote values that start with a special character such as @, ` or %',
  TAB_AS_INDENT: 'indent with spaces, not tabs',
};

/** Strips a UTF-8 BOM and turns CRLF/CR into LF, so such files parse like plain ones (F13, F18). */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits and parses one writeup file. `file` is only used to label problems. */
export function parseSource(file: string, rawText: string): ParsedSource {
  const lines = normaliseText(rawText).split('\n');
  const problems: Problem[] = [];
  if (lines[0]?.trim() !== '---') {
    problems.push(createError({ file, line: 1, field: 'frontmatter', message: 'missing frontmatter', hint: 'start the file with a line `---`, the YAML fields, then another `---`' }));
    return { data: undefined, body: lines.join('\n'), bodyLine: 1, locate: () => 1, problems };
  }
  const close = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close === -1) {
    problems.push(createError({ file, line: 1, field: 'frontmatter', message: 'frontmatter is never closed', hint: 'end the YAML fields with a line `---`' }));
    return { data: undefined, body: '', bodyLine: lines.length + 1, locate: () => 1, problems };
  }
  const yamlText = lines.slice(1, close).join('\n');
  const counter = new LineCounter();
  // failsafe: every scalar stays the text the author wrote, so `0e4620…` hashes, `1:20` ports and
  // dates never turn into numbers or timestamps (F10, F12).
  const doc = parseDocument(yamlText, { schema: 'failsafe', lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const lineOf = (offset: number) => counter.linePos(offset).line + 1;
  for (const error of doc.errors) {
    problems.push(createError({
      file, line: lineOf(error.pos[0]), field: 'yaml',
      message: firstSentence(error.message),
      hint: YAML_HINTS[error.code] ?? 'check the quoting and indentation of this line',
    }));
  }
  const data: unknown = doc.errors.length ? undefined : doc.toJS();
  if (!doc.errors.length && (data === null || typeof data !== 'object' || Array.isArray(data))) {
    problems.push(createError({ file, line: 1, field: 'frontmatter', message: 'frontmatter is not a set of `field: value` lines', hint: 'write one field per line, e.g. title: My detection' }));
  }
  return {
    data: problems.length ? undefined : data,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
    locate: (path) => lineOf(findNodeOffset(doc, path)),
    problems,
  };
}

function firstSentence(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
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
