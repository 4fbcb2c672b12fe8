// Recovers the structure of a Markdown hunting page with remark's parser: the title, prose,
// fenced queries (also unlabelled ones that hold KQL), lists, and — inside paragraphs — the loose
// tables, bare queries and `Scenario:` lines of pages that were never real Markdown.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, RootContent } from 'mdast';
import { isQueryLanguage } from '../content/extract-queries.ts';
import { splitLooseLines, type LooseBlock } from './split-loose-lines.ts';

/** One piece of a page, in reading order. */
export type PagePart =
  | { kind: 'heading'; depth: number; text: string; source: string }
  | { kind: 'query'; text: string; section?: string }
  | { kind: 'code'; source: string }
  | { kind: 'list'; items: string[]; links: string[]; section?: string; source: string }
  | { kind: 'loose'; block: LooseBlock; section?: string };

/** Text of a node without its Markdown: link text kept, emphasis dropped. */
export function toPlainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return node.children.map((child) => toPlainText(child)).join('');
  return '';
}

function collectLinks(node: Nodes, links: string[]): string[] {
  if (node.type === 'link') links.push(node.url);
  if (node.type === 'text') links.push(...(node.value.match(/https?:\/\/[^\s)>\]]+/g) ?? []));
  if ('children' in node) for (const child of node.children) collectLinks(child, links);
  return links;
}

/** An unlabelled fence holds KQL when it reads like a query: a table or `let` followed by pipes. */
function looksLikeKql(code: string): boolean {
  const lines = code.split('\n').filter((line) => line.trim() !== '' && !/^\s*\/\//.test(line));
  return (
    lines.length > 0 &&
    /^\s*(let\s+\w+\s*=|union\b|[A-Z]\w*\s*$)/.test(lines[0]) &&
    lines.some((line) => /^\s*\|\s*[a-z]/.test(line))
  );
}

function sourceOf(text: string, node: RootContent): string {
  return text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
}

/** Splits a page into parts; `section` is the nearest heading above each part. */
export function readMarkdownPage(text: string): PagePart[] {
  const parts: PagePart[] = [];
  let section: string | undefined;
  for (const node of fromMarkdown(text).children) {
    if (node.type === 'heading') {
      section = toPlainText(node).trim();
      parts.push({ kind: 'heading', depth: node.depth, text: section, source: sourceOf(text, node) });
    } else if (node.type === 'code') {
      const isQuery = isQueryLanguage(node.lang) || (!node.lang && looksLikeKql(node.value));
      parts.push(
        isQuery ? { kind: 'query', text: node.value, section } : { kind: 'code', source: sourceOf(text, node) },
      );
    } else if (node.type === 'list') {
      const items = node.children.map((item) => toPlainText(item).trim());
      parts.push({ kind: 'list', items, links: collectLinks(node, []), section, source: sourceOf(text, node) });
    } else if (node.type === 'paragraph') {
      for (const block of splitLooseLines(sourceOf(text, node).split('\n')))
        parts.push({ kind: 'loose', block, section });
    } else {
      const source = sourceOf(text, node);
      if (source.trim()) parts.push({ kind: 'loose', block: { kind: 'prose', lines: source.split('\n') }, section });
    }
  }
  return parts;
}
