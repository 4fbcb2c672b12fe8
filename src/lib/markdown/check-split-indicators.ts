import type { Nodes, Root } from 'mdast';
import { findLiveInText } from '../audit/audit-html.ts';
import { defangText, defangValue } from '../ioc/index.ts';
import { createError, type Problem } from '../problems/problem.ts';
import { defangHtml } from './defang-markdown.ts';
import { GLUING_MARKUP } from './html-tags.ts';

// Blocks whose inline content reads as one run of text on the page.
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
// Inline HTML that does not break a word as readers see it: `31.76.87.<em>112</em>`. Any other
// tag is refused by the markup check, so this list is the whole story.
const GLUING_HTML = new RegExp(`^(?:${GLUING_MARKUP})$`, 'i');

/**
 * The pieces of a block's text as the defanger sees them, one text node or inline code at a
 * time, already defanged; `''` where markup glues two pieces into one word, `' '` where it breaks.
 */
function listPieces(node: Nodes, pieces: string[]): string[] {
  if (node.type === 'text' || node.type === 'inlineCode') pieces.push(defangText(node.value));
  else if (node.type === 'html') pieces.push(GLUING_HTML.test(node.value.trim()) ? '' : ' ');
  // An image sits inline, and one that does not load shows nothing between the words around it.
  else if (node.type === 'image' || node.type === 'imageReference') pieces.push('');
  else if (node.type === 'break' || node.type === 'footnoteReference') pieces.push(' ');
  else if ('children' in node) for (const child of node.children) listPieces(child, pieces);
  return pieces;
}

function countHits(text: string, indicators: ReadonlySet<string>, counts: Map<string, number>, step: number): void {
  for (const hit of findLiveInText(text, indicators))
    counts.set(hit.indicator, (counts.get(hit.indicator) ?? 0) + step);
}

/** Indicators live in `joined` that none of `pieces` holds: the ones the joining made. */
function findJoined(joined: string, pieces: readonly string[], indicators: ReadonlySet<string>): string[] {
  const counts = new Map<string, number>();
  countHits(joined, indicators, counts, 1);
  for (const piece of pieces) countHits(piece, indicators, counts, -1);
  return [...counts].filter(([, count]) => count > 0).map(([indicator]) => indicator);
}

const GLUING_TAGS = new RegExp(GLUING_MARKUP, 'gi');
const ANY_TAG = /<[^>]*>/g;

/** Indicators of a text block as rendered that no single piece of it holds. */
function findSplitIndicators(block: Nodes, indicators: ReadonlySet<string>): string[] {
  const pieces = listPieces(block, []);
  return findJoined(pieces.join(''), pieces, indicators);
}

/** The same for a block of raw HTML (`<p>31.76.87.<em>112</em></p>`), as the defanger leaves it. */
function findSplitInHtml(html: string, indicators: ReadonlySet<string>): string[] {
  const defanged = defangHtml(html);
  return findJoined(
    defanged.replace(GLUING_TAGS, '').replace(ANY_TAG, ' '),
    [defanged.replace(ANY_TAG, ' ')],
    indicators,
  );
}

/**
 * Reports indicators that formatting splits into pieces (`31.76.87.*112*`, `evil<!-- -->.example`):
 * the page reads them whole and live, but the defanger works piece by piece and cannot see them,
 * so the build's audit would stop on them. Judged as the audit judges a page: any IPv4 address,
 * and the writeup's own indicators (`indicators`, canonical).
 */
export function checkSplitIndicators(
  tree: Root,
  bodyLine: number,
  file: string,
  indicators: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const visit = (node: Nodes) => {
    const split =
      node.type === 'html'
        ? findSplitInHtml(node.value, indicators)
        : TEXT_BLOCKS.has(node.type)
          ? findSplitIndicators(node, indicators)
          : undefined;
    if (split) {
      for (const indicator of split) {
        problems.push(
          createError({
            file,
            line: bodyLine + (node.position?.start.line ?? 1) - 1,
            field: 'body',
            message: `indicator ${defangValue(indicator)} is split by formatting (emphasis, code or inline HTML), so it cannot be defanged`,
            hint: 'write it in one piece: plain text is defanged for you, and a ```kql block keeps it runnable',
          }),
        );
      }
      return;
    }
    if (node.type === 'code') return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return problems;
}
