import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import type { Root } from 'mdast';
import { gfm } from 'micromark-extension-gfm';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';

// GitHub's autolinker (`www.host`, `https://host`, `name@host`) partly runs after parsing, on
// decoded text, and the pieces it splits off have no place in the source. The defanger reads text
// whole (`parseGfmText`) and asks the rendered reading (`parseGfm`) whether it would still link.
const LITERAL_TRANSFORMS = new Set(gfmAutolinkLiteralFromMarkdown().transforms);
const TEXT_SYNTAX = [gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem()];
const TEXT_TREES = gfmFromMarkdown().map((extension) => ({
  ...extension,
  transforms: extension.transforms?.filter((transform) => !LITERAL_TRANSFORMS.has(transform)),
}));

/** GitHub-flavoured Markdown as the site renders it: tables, ~~strikethrough~~, footnotes, autolinks. */
export function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
}

/** GitHub-flavoured Markdown without literal autolinks: every text node whole and placed in the source. */
export function parseGfmText(markdown: string): Root {
  return fromMarkdown(markdown, { extensions: TEXT_SYNTAX, mdastExtensions: TEXT_TREES });
}
