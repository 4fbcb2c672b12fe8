import type { Query } from '../content/extract-queries.ts';

/** A place in the Markdown file. */
export interface FilePosition {
  /** 1-based file line. */
  line: number;
  /** 1-based column. */
  column: number;
}

/** Maps an offset in a query's text to its line and column in the writeup file. */
export function locateInQuery(query: Pick<Query, 'text' | 'line' | 'indent'>, offset: number): FilePosition {
  const before = query.text.slice(0, Math.max(0, offset));
  const lineStart = before.lastIndexOf('\n') + 1;
  let lineIndex = 0;
  for (let at = before.indexOf('\n'); at !== -1; at = before.indexOf('\n', at + 1)) lineIndex++;
  // The opening fence is on query.line, so the query's first line is the next one.
  return { line: query.line + 1 + lineIndex, column: (query.indent ?? 0) + (offset - lineStart) + 1 };
}

/** How problems name a query: by its title, or by its number when it has none. */
export function describeQuery(query: Pick<Query, 'index' | 'title'>): string {
  return query.title === undefined ? `query #${query.index + 1}` : `query "${query.title}"`;
}

/** The problem field of a query, e.g. `queries[1]`. */
export function queryField(query: Pick<Query, 'index'>): string {
  return `queries[${query.index}]`;
}
