// The raw HTML a writeup body may use: what Markdown cannot say (a <kbd>, a <details>, a wide
// table), nothing that runs code, loads content or restyles the page. One list serves the markup
// check, which refuses every other tag, and the two readers that must know which tags glue words
// together on the page (`31.76.87.<em>112</em>` reads as one address): the split-indicator check
// and the build's audit.

/** Inline (phrasing) elements: the words on either side of one read as a single word (an image with no alt text shows nothing between them). */
// prettier-ignore
export const PHRASING_TAGS = [
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'i', 'ins', 'kbd',
  'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'img',
] as const;

/** Block and void elements: each breaks the text around it apart. */
// prettier-ignore
export const BLOCK_TAGS = [
  'blockquote', 'br', 'caption', 'col', 'colgroup', 'dd', 'details', 'div', 'dl', 'dt',
  'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'li', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
] as const;

/** Every tag raw HTML in a writeup may use. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([...PHRASING_TAGS, ...BLOCK_TAGS]);

/** Markup that glues the words around it into one, as a regex source: phrasing tags and comments. */
export const GLUING_MARKUP = String.raw`<\/?(?:${PHRASING_TAGS.join('|')})\b[^>]*>|<!--[\s\S]*?-->`;
