import type { Nodes } from 'mdast';

/** A source edit: replace `body.slice(start, end)` with `text`. */
export interface SourceEdit {
  start: number;
  end: number;
  text: string;
}

/** `body` with each edit applied; an edit that overlaps an earlier one is skipped. */
export function applyEdits(body: string, edits: readonly SourceEdit[]): string {
  let result = '';
  let cursor = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    if (edit.start < cursor) continue;
    result += body.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return result + body.slice(cursor);
}

/** The text of a node and everything in it: `[**a** b](…)` reads `a b`. */
export function textOf(node: Nodes): string {
  if ('value' in node) return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}
