import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Nodes, Root } from 'mdast';
import { gfm } from 'micromark-extension-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { defangText, defangValue } from '../ioc/index.ts';
import { applyEdits, textOf } from './source-edits.ts';

// GitHub's autolinker (`www.host`, `https://host`, `name@host`) partly runs after parsing, on
// decoded text, and the pieces it splits off have no place in the source. So text is read whole
// (`parseGfmText`) and the rendered reading (`parseGfm`) is asked whether it would still link.
const LITERAL_TRANSFORMS = new Set(gfmAutolinkLiteralFromMarkdown().transforms);
const TEXT_SYNTAX = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const TEXT_TREES = gfmFromMarkdown().map((extension) => ({
  ...extension,
  transforms: extension.transforms?.filter((transform) => !LITERAL_TRANSFORMS.has(transform)),
}));

/** GitHub-flavoured Markdown as the site renders it, literal autolinks included. */
export function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** GitHub-flavoured Markdown without literal autolinks: every text node whole and placed in the source. */
export function parseGfmText(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: TEXT_SYNTAX, mdastExtensions: TEXT_TREES });
}

export function hasLink(node: Nodes): boolean {
  return node.type === 'link' || ('children' in node && node.children.some(hasLink));
}

/** Where the autolinker could start: a scheme or `www.` after a non-letter, or `@` before `host.tld`. */
const LINK_START = /(?<![\da-z])(?:www\.|https?:\/\/|mailto:|xmpp:)|@(?=[\w.-]*\.[\w-])/gi;
/** A literal's host part as the autolinker reads it, for the value defanger to judge. */
const LITERAL = /(?<![\da-z])(?:https?:\/\/|www\.)[\w.-]*[\w-]|[\w+.-]+@[\w-]+(?:\.[\w-]+)+/gi;
// What could start markup in text; everything else is written as is, so the result reads back
// the same on a second pass (`\!` would come back as `&#33;`).
const MARKUP = /[\\`*_[\]<>&~|]|(?<=(?:^|\n)[ \t]*)[#+=-]|(?<=(?:^|\n)[ \t]*\d+)[.)]/g;
/** Text without these cannot become a literal link. */
export const MAY_LINK = /www|:\/\/|@/i;

/**
 * Markdown for plain `text` that GitHub cannot link. Each literal is defanged as a value
 * (`www.attacker.zip` → `www[.]attacker[.]zip`); one the value defanger leaves whole
 * (`www.evil.example-1.2.3.4` ends in a number) has every `.`, `@` and `://` defanged; any other
 * place a link could start is defanged too. What could start markup is escaped, so the Markdown
 * reads back as exactly that text.
 */
export function writeUnlinkedText(text: string): string {
  const unlinked = defangText(text)
    .replace(LITERAL, (literal) => {
      const value = defangValue(literal);
      return value === literal ? literal.replace(/:\/\/|[.@]/g, '[$&]') : value;
    })
    .replace(LINK_START, (start) => (start === '@' ? '[@]' : start.replace(/\.$|:(?:\/\/)?$/, '[$&]')));
  return unlinked.replace(MARKUP, '\\$&');
}

/**
 * `markdown` with each literal link GitHub would still make of it written as text. Pieces that
 * are text on their own can meet in one literal (`x@` before `_.host_` reads `x@_.host`), so
 * the rendered reading decides, until nothing is linked.
 */
export function unlinkLiterals(markdown: string): string {
  let result = markdown;
  for (let round = 0; round < 4 && MAY_LINK.test(result); round++) {
    const literals = findLiteralLinks(parseGfm(result), result);
    if (literals.length === 0) break;
    result = applyEdits(
      result,
      literals.map(({ start, end, text }) => ({ start, end, text: writeUnlinkedText(text) })),
    );
  }
  return result;
}

/** Links the author did not write as `[…](…)`, `[…][…]` or `<…>`, placed in the source. */
function findLiteralLinks(tree: Root, source: string): { start: number; end: number; text: string }[] {
  const found: { start: number; end: number; text: string }[] = [];
  const visit = (node: Nodes, parent?: Nodes): void => {
    if (node.type === 'link') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) {
        // Split off by the autolinker: the whole text around it is written anew.
        const place = parent?.position;
        if (parent && place?.start.offset !== undefined && place.end.offset !== undefined)
          found.push({ start: place.start.offset, end: place.end.offset, text: textOf(parent) });
      } else if (!/^[[<]/.test(source.slice(start, end))) found.push({ start, end, text: textOf(node) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child, node);
  };
  visit(tree);
  return found;
}
