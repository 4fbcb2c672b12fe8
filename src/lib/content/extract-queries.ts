import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Code, Nodes, Root } from 'mdast';

/** Fence languages that hold a runnable query; they are kept byte-exact everywhere. */
export const QUERY_LANGUAGES = ['kql', 'kusto'] as const;

/** One fenced query of a writeup's body. */
export interface Query {
  /** 0-based position among the writeup's queries. */
  index: number;
  /** `title="…"` from the fence's meta string, if given. */
  title?: string;
  /** The query exactly as written between the fences (LF line endings, no trailing newline). */
  text: string;
  /** File line of the opening fence. */
  line: number;
  /** Characters before the opening fence on its line (query lines are indented by as much); 0 when absent. */
  indent?: number;
  /** `iocs=…` from the fence's meta string: `none` marks a behavioural query whose literals are not indicators. */
  iocs?: string;
}

/** Reads `title="…"` (or `title='…'`) from a fence meta string such as `title="Hunt" {2}`. */
export function readFenceTitle(meta: string | null | undefined): string | undefined {
  const match = /(?:^|\s)title=(?:"([^"]*)"|'([^']*)')/.exec(meta ?? '');
  const title = (match?.[1] ?? match?.[2])?.trim();
  return title ? title : undefined;
}

/** Reads a bare `key=value` (or quoted) attribute from a fence meta string, e.g. `iocs=none`. */
export function readFenceAttribute(meta: string | null | undefined, key: string): string | undefined {
  const match = new RegExp(`(?:^|\\s)${key}=(?:"([^"]*)"|'([^']*)'|([^\\s"']+))`).exec(meta ?? '');
  const value = (match?.[1] ?? match?.[2] ?? match?.[3])?.trim();
  return value ? value : undefined;
}

/** True for a fence language that marks a query (case-insensitive: ```KQL is common). */
export function isQueryLanguage(lang: string | null | undefined): boolean {
  return (QUERY_LANGUAGES as readonly string[]).includes((lang ?? '').toLowerCase());
}

/**
 * Every ```kql / ```kusto block of `body`, with lines counted from `bodyLine` in the file. Pass
 * `tree` when the caller has parsed the body already, so it is parsed once per check.
 */
export function extractQueries(body: string, bodyLine: number, tree: Root = fromMarkdown(body)): Query[] {
  const queries: Query[] = [];
  collectCode(tree, (code) => {
    if (!isQueryLanguage(code.lang)) return;
    const iocs = readFenceAttribute(code.meta, 'iocs');
    queries.push({
      index: queries.length,
      title: readFenceTitle(code.meta),
      text: code.value,
      line: bodyLine + (code.position?.start.line ?? 1) - 1,
      indent: (code.position?.start.column ?? 1) - 1,
      ...(iocs === undefined ? {} : { iocs }),
    });
  });
  return queries;
}

function collectCode(node: Nodes, visit: (code: Code) => void): void {
  if (node.type === 'code') visit(node);
  if ('children' in node) for (const child of node.children) collectCode(child, visit);
}
