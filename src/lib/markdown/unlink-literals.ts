import type { Nodes } from 'mdast';
import { defangText, defangValue, type KnownIndicators } from '../ioc/index.ts';
import { parseGfm, parseGfmText } from './parse-gfm.ts';
import { applyEdits, textOf, type SourceEdit } from './source-edits.ts';

/** Where the autolinker could start: a scheme or `www.` after a non-letter, or `@` before `host.tld`. */
const LINK_START = String.raw`(?<![\da-z])(?:www\.|https?:\/\/|mailto:|xmpp:)|@(?=[\w.-]*\.[\w-])`;
const LINK_STARTS = new RegExp(LINK_START, 'gi');
/** A start that still leads somewhere: a host after it, or a mail domain with a dot (`mailto:` needs one). */
const HAS_LINK_START = /(?<![\da-z])(?:www\.|https?:\/\/)(?=[\w-])|@(?=[\w.-]*\.[\w-])/i;
/** A literal's host part as the autolinker reads it; each starts where a run starts, so no match is retried inside one. */
const LITERAL = /(?<![\da-z])(?:https?:\/\/|www\.)[\w.-]*[\w-]|(?<![\w+.-])[\w+.-]+@[\w-]+(?:\.[\w-]+)+/gi;
/** Text without these cannot hold the start of a literal link. */
export const MAY_LINK = /www|:\/\/|@/i;

/** Whether GitHub could make a literal link of plain `text`, once defanged. */
export function mayLinkText(text: string, known?: KnownIndicators): boolean {
  return MAY_LINK.test(text) && HAS_LINK_START.test(defangText(text, known));
}

// The site's renderer reads directives (`:name[…]`, `::name`, `:::name`); this parser does not.
// Where they disagree, a label can swallow what this parser reads as code (`:x[\`]<script>…\``),
// a container can end a paragraph this parser reads on, and an unknown directive is written back
// with its classes joined by dots (`{.203.0.113.10}`). Writeups get no directives (the guides keep
// their asides): every colon that could open one is escaped, so both read text.
const TEXT_DIRECTIVE = /(?<!\\):(?=[A-Za-z][\w-]*[[{])/g;
const BLOCK_DIRECTIVE = /(^|\n)([ \t>]*)(::+)(?=[A-Za-z])/g;

/** `text` (Markdown) with each colon that could open a directive escaped. */
export function escapeDirectives(text: string): string {
  return text
    .replace(
      BLOCK_DIRECTIVE,
      (_, start: string, indent: string, colons: string) => start + indent + colons.replace(/:/g, '\\:'),
    )
    .replace(TEXT_DIRECTIVE, '\\:');
}

/** HTML-significant characters and line breaks as references: inert in Markdown text, titles and raw tags alike. */
export function writeReferences(text: string): string {
  return text.replace(/[&<>"'\r\n]/g, (char) => REFERENCES[char]);
}

const REFERENCES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
  '\n': '&#10;',
};

/**
 * Markdown that renders as exactly the plain `text`. `&<>"'` become references, so the text can
 * neither start markup nor close a tag or attribute that the source around it opened; other
 * markup characters are escaped; line breaks are written as references, so a decoded `&#10;`
 * cannot start an HTML block or a fence.
 */
export function escapeText(text: string): string {
  const escaped = writeReferences(text.replace(/[\\`*_[\]~|]/g, '\\$&'));
  return escapeDirectives(
    escaped.replace(/^([#+=-]|\d{1,9}[.)])/, (mark: string) => `${mark.slice(0, -1)}\\${mark.at(-1)}`),
  );
}

/**
 * Markdown for plain `text` that GitHub cannot link. Each literal is defanged as a value
 * (`www.attacker.zip` → `www[.]attacker[.]zip`); one the value defanger leaves whole
 * (`www.evil.example-1.2.3.4` ends in a number) has every `.`, `@` and `://` defanged; any other
 * place a link could start is defanged too.
 */
export function writeUnlinkedText(text: string, known?: KnownIndicators): string {
  const unlinked = defangText(text, known)
    .replace(LITERAL, (literal) => {
      const value = defangValue(literal);
      return value === literal ? literal.replace(/:\/\/|[.@]/g, '[$&]') : value;
    })
    .replace(LINK_STARTS, (start) => (start === '@' ? '[@]' : start.replace(/\.$|:(?:\/\/)?$/, '[$&]')));
  return escapeText(unlinked);
}

/**
 * `markdown` with every link GitHub would make of it that must not stay one written as text: a
 * literal (pieces that are text on their own can meet in one, `x@` before `_.host_` reads
 * `x@_.host`), or any link to a target `isUnsafe` refuses, however it came to be. The rendered
 * reading decides, until nothing is left.
 */
export function unlinkLiterals(markdown: string, isUnsafe: (url: string, image: boolean) => boolean): string {
  let result = markdown;
  for (let round = 0; round < 4; round++) {
    const edits = findUnsafeLinks(result, isUnsafe);
    if (edits.length === 0) break;
    result = applyEdits(result, edits);
  }
  return result;
}

/** Edits that write each unsafe link of `source` as text; one the autolinker split off rewrites the text around it. */
function findUnsafeLinks(source: string, isUnsafe: (url: string, image: boolean) => boolean): SourceEdit[] {
  const edits: SourceEdit[] = [];
  const spans: [number, number][] = [];
  const visit = (node: Nodes, parent?: Nodes): void => {
    if (node.type === 'link' || node.type === 'image') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start === undefined || end === undefined) {
        const place = parent?.position;
        if (place?.start.offset !== undefined && place.end.offset !== undefined)
          spans.push([place.start.offset, place.end.offset]);
      } else if (
        isUnsafe(node.url, node.type === 'image') ||
        (node.type === 'link' && !/^[[<]/.test(source.slice(start, end)))
      )
        edits.push({ start, end, text: writeUnlinkedText(node.type === 'image' ? (node.alt ?? '') : textOf(node)) });
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child, node);
  };
  visit(parseGfm(source));
  if (spans.length > 0) edits.push(...findTextIn(source, spans));
  return edits;
}

/** Every text node inside `spans`, written so that it cannot be linked; its neighbours keep their markup. */
function findTextIn(source: string, spans: readonly [number, number][]): SourceEdit[] {
  const edits: SourceEdit[] = [];
  const visit = (node: Nodes): void => {
    const start = node.position?.start.offset ?? -1;
    const end = node.position?.end.offset ?? -1;
    if (node.type === 'text' && spans.some(([from, to]) => start >= from && end <= to))
      edits.push({ start, end, text: writeUnlinkedText(node.value) });
    else if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseGfmText(source));
  return edits;
}
