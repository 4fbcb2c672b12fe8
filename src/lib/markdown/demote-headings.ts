import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Nodes, Root } from 'mdast';

/**
 * Moves the body's headings under the page's "Hunting queries" section: `#` and `##` become
 * `###`, deeper ones go one level down (at most `######`). The page keeps a single `<h1>` and its
 * own `<h2>` sections, and the table of contents nests the body where it is shown.
 */
export function demoteHeadings(body: string): string {
  let result = body;
  for (const edit of findHeadingEdits(body, fromMarkdown(body)).sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** The source edits that demote each ATX heading of an already-parsed body. */
export function findHeadingEdits(body: string, tree: Root): { start: number; end: number; text: string }[] {
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'heading') {
      const start = node.position?.start.offset ?? 0;
      const hashes = /^#{1,6}/.exec(body.slice(start))?.[0];
      // Setext headings (underlined) have no leading hashes; they are rare enough to leave alone.
      if (hashes)
        edits.push({ start, end: start + hashes.length, text: '#'.repeat(Math.min(6, Math.max(3, node.depth + 1))) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return edits;
}
