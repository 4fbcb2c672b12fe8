// Text helpers for Markdown imports: plain text for the summary, raw HTML neutralised, a title
// from a file name.

/** Markdown inline syntax removed, for the one-line summary. */
export function toPlain(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Raw HTML in an imported page (`<Optional>`, `<script>`) would reach the site as markup; it is
 * shown as text instead. Inline code spans are left as written.
 */
export function escapeRawHtml(markdown: string): string {
  return markdown
    .split(/(`+[^`]*`+)/)
    .map((segment, index) => (index % 2 === 1 ? segment : segment.replace(/<(?=[A-Za-z/!?])/g, '&lt;')))
    .join('');
}

/** Title-cases a file name: `TI Feed - C2IPFeed` stays as written, `remcos-hunt` → `Remcos hunt`. */
export function titleFromFile(file: string): string {
  const base = file
    .split('/')
    .pop()!
    .replace(/\.(md|markdown|txt)$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return base.charAt(0).toUpperCase() + base.slice(1);
}
