import type { Link, Nodes } from 'mdast';
import { isQueryLanguage } from '../content/extract-queries.ts';
import { defangText, defangValue, normaliseIoc, type KnownIndicators } from '../ioc/index.ts';
import { defangEncodedIndicators } from './decode-references.ts';
import { browserHostOf } from './url-target.ts';
import { findHeadingEdits } from './demote-headings.ts';
import { applyEdits, textOf, type SourceEdit } from './source-edits.ts';
import {
  escapeDirectives,
  escapeText,
  MAY_LINK,
  mayLinkText,
  unlinkLiterals,
  writeReferences,
  writeUnlinkedText,
} from './unlink-literals.ts';
import { parseGfmText } from './parse-gfm.ts';

// Defang tokens must stay literal text in Markdown: `evil\[.\]example`, never a link reference.
const DEFANG_TOKEN = /(?<!\\)\[(\.|:\/\/|:|@|dot|at)\]/g;

/** Defangs prose for Markdown text, escaping the brackets it adds so they render as written. */
function defangProse(source: string, known: KnownIndicators): string {
  const decoded = defangEncodedIndicators(source, (text) => defangText(text, known), { escapes: true });
  const defanged = defangText(decoded, known);
  return defanged === decoded ? decoded : defanged.replace(DEFANG_TOKEN, '\\[$1\\]');
}

/**
 * Prose defanged as Markdown. Where GitHub would still link it (`a-www.host` with a host that is
 * no indicator, `&#119;ww.host`), it is written anew from its text, where no link can start.
 */
function defangTextNode(text: string, source: string, known: KnownIndicators): string {
  return mayLinkText(text, known) ? writeUnlinkedText(text, known) : escapeDirectives(defangProse(source, known));
}

/** Defangs raw HTML, whose `&#46;` renders as a dot as surely as `.` does. */
export function defangHtml(source: string, known?: KnownIndicators): string {
  return defangText(
    defangEncodedIndicators(source, (text) => defangText(text, known)),
    known,
  );
}

/** What the body may link to: the writeup's own references. Everything absolute beyond them is defanged. */
export interface MarkdownSafety {
  /** Canonical indicators of the collection. */
  indicators?: ReadonlySet<string>;
  /** URLs the writeup lists under `references` or `source.url`; links to their hosts stay links. */
  references?: readonly string[];
  /** Also move headings one level down, from the same parse (see `demote-headings.ts`). */
  demoteHeadings?: boolean;
}

/**
 * True when a link target must not stay a link: it is (or points at a host that is) a known
 * indicator, its host is a bare IP address, or it is an absolute address on a host that none of
 * the writeup's references use. Relative links and in-page anchors stay.
 */
function isIndicatorTarget(
  url: string,
  indicators: ReadonlySet<string>,
  referenceHosts: ReadonlySet<string>,
  image = false,
): boolean {
  // A backslash reads as `/` to a browser but not to every checker (`https://ref.org\\@other.net/`).
  if (url.includes('\\')) return true;
  const ioc = normaliseIoc(url);
  if (ioc.ok && indicators.has(ioc.value)) return true;
  const host = browserHostOf(url);
  // A relative image (`diagram.png`) loads from the site itself, however much its name looks like a host.
  if (host === undefined) return !image && ioc.ok && ioc.type !== 'url';
  return host === '' || indicators.has(host) || /^[\d.]+$|:/.test(host) || !referenceHosts.has(host);
}

/**
 * Returns `body` with every indicator outside query fences defanged: prose, headings, tables,
 * inline code, link text, non-query fences. A link or autolink whose target is an indicator, or
 * any absolute address that is not on a host of the writeup's references, becomes defanged text,
 * so it can never render as `<a href>`. ```kql/```kusto blocks stay
 * byte-exact, so queries remain runnable. Works on the source text, before any renderer runs.
 */
export function defangMarkdown(body: string, safety: MarkdownSafety = {}): string {
  const indicators = safety.indicators ?? new Set<string>();
  const referenceHosts = new Set((safety.references ?? []).flatMap((url) => browserHostOf(url) || []));
  const isUnsafe = (url: string, image = false) => isIndicatorTarget(url, indicators, referenceHosts, image);
  const defang = (text: string) => defangText(text, indicators);
  const edits: SourceEdit[] = [];
  // The rendered reading is checked again only where a literal could start, or a link was rewritten.
  let reread = false;
  const slice = (node: Nodes) => [node.position?.start.offset ?? 0, node.position?.end.offset ?? 0] as const;
  const visit = (node: Nodes): void => {
    const [start, end] = slice(node);
    switch (node.type) {
      case 'text': {
        const text = defangTextNode(node.value, body.slice(start, end), indicators);
        reread ||= MAY_LINK.test(body.slice(start, end)) || MAY_LINK.test(text);
        edits.push({ start, end, text });
        return;
      }
      case 'inlineCode':
        edits.push({ start, end, text: defang(body.slice(start, end)) });
        return;
      case 'html':
        edits.push({ start, end, text: defangHtml(body.slice(start, end), indicators) });
        return;
      case 'code':
        if (!isQueryLanguage(node.lang)) edits.push({ start, end, text: defang(body.slice(start, end)) });
        return;
      case 'link':
        if (isUnsafe(node.url)) {
          reread = true;
          edits.push({ start, end, text: describeIndicatorLink(node, body, safety) });
          return;
        }
        // A link that stays keeps its label's own edits, unless its title needs one too.
        if (node.title && defang(node.title) !== node.title) {
          edits.push({
            start,
            end,
            text: `[${defangLabel(node, body, safety)}](${destinationOf(node.url)}${titleOf(defang(node.title))})`,
          });
          return;
        }
        break;
      case 'image': {
        // Alt text comes decoded (`&lt;` is `<`): it is written back as text, never as markup.
        const alt = writeUnlinkedText(node.alt ?? '', indicators);
        reread = true;
        if (isUnsafe(node.url, true)) edits.push({ start, end, text: alt });
        // A local image keeps its place; its alt text shows when the image does not load.
        else if (defang(node.alt ?? '') !== node.alt || (node.title && defang(node.title) !== node.title))
          edits.push({
            start,
            end,
            text: `![${alt}](${destinationOf(node.url)}${titleOf(node.title && defang(node.title))})`,
          });
        return;
      }
      case 'definition':
        if (isUnsafe(node.url)) edits.push({ start, end, text: '' });
        else if (node.title && defang(node.title) !== node.title)
          edits.push({
            start,
            end,
            text: `[${node.label ?? node.identifier}]: ${destinationOf(node.url)}${titleOf(defang(node.title))}`,
          });
        return;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  // GitHub-flavoured, as the site renders it, but with text whole: literal autolinks are judged as text.
  const tree = parseGfmText(body);
  visit(tree);
  if (safety.demoteHeadings) edits.push(...findHeadingEdits(body, tree));
  const result = applyEdits(body, edits);
  return reread ? unlinkLiterals(result, isUnsafe) : result;
}

/**
 * `[label](http://evil)` → `label (hxxp[://]evil)`; an autolink becomes just its defanged target.
 * The target comes decoded (`&lt;script&gt;` is `<script>`): it is written back as text.
 */
function describeIndicatorLink(link: Link, body: string, safety: MarkdownSafety): string {
  const label = textOf(link);
  const target = defangValue(link.url);
  const escaped = escapeText(target);
  return label === link.url || label === '' || defangValue(label) === target
    ? escaped
    : `${defangLabel(link, body, safety)} (${escaped})`;
}

/**
 * A link's label as written, escapes and emphasis kept, defanged as Markdown of its own: written
 * out of its link, `\[y\](…)` must not become a link, nor a bare `www.host` an autolink.
 */
function defangLabel(link: Link, body: string, safety: MarkdownSafety): string {
  const first = link.children[0]?.position?.start.offset;
  const last = link.children.at(-1)?.position?.end.offset;
  if (first === undefined || last === undefined) return '';
  const label = body.slice(first, last);
  // Read on its own, a label that could open a block (`<pre>`, `# x`, `~~~kql`, `[x]: /y`) would
  // open one where the link stood: it is written as plain text instead.
  if (/\n|^\s*(?:[<>|~`]|[#*+-](?:\s|$)|\d+[.)](?:\s|$)|\[[^\]]*\]:)/.test(label))
    return writeUnlinkedText(textOf(link).trim(), safety.indicators);
  return defangMarkdown(label, { ...safety, demoteHeadings: false });
}

/**
 * ` (title)` as Markdown writes it, or nothing. It comes decoded: quotes, angle brackets and line
 * breaks go back as references, so it cannot end the link or close a tag the source opened.
 */
function titleOf(title: string | null | undefined): string {
  return title ? ` (${writeReferences(title.replace(/[\\()]/g, '\\$&'))})` : '';
}

/** A kept target as Markdown writes it: in angle brackets, with what could end them or a tag percent-encoded. */
function destinationOf(url: string): string {
  return `<${url.replace(/[<>"' \n\r]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}
