import { createHash } from 'node:crypto';

// A Content-Security-Policy per page, computed from the built HTML itself: every inline script,
// inline style and style attribute the page ships is hashed, so only the site's own code and
// styles run, and nothing can be loaded from another host. Astro's own CSP option hashes only what
// Astro emits, not the scripts and style attributes Starlight, Expressive Code and Pagefind add.

const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const STYLE_ATTRIBUTE = /\sstyle=(?:"([^"]*)"|'([^']*)')/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };

function hashOf(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Attribute values are hashed as the browser sees them, after entity decoding. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[\da-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** The policy for one page. */
export function buildContentSecurityPolicy(html: string): string {
  const scripts = new Set<string>();
  const styles = new Set<string>();
  for (const [, attributes, body] of html.matchAll(INLINE_SCRIPT)) {
    // Data blocks (JSON-LD, JSON) never execute; they need no permission.
    if (/\btype=["']?application\/(ld\+)?json/i.test(attributes ?? '')) continue;
    scripts.add(hashOf(body ?? ''));
  }
  for (const [, body] of html.matchAll(INLINE_STYLE)) styles.add(hashOf(body ?? ''));
  let attributeStyles = false;
  for (const [, double, single] of html.matchAll(STYLE_ATTRIBUTE)) {
    styles.add(hashOf(decodeAttribute(double ?? single ?? '')));
    attributeStyles = true;
  }
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${[...scripts].sort().join(' ')}`.trim(),
    `style-src 'self'${attributeStyles ? " 'unsafe-hashes'" : ''} ${[...styles].sort().join(' ')}`.trim(),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Inserts the page's policy as the first element of `<head>`, before any script can run. */
export function applyContentSecurityPolicy(html: string): string {
  const policy = buildContentSecurityPolicy(html).replace(/"/g, '&quot;');
  const meta = `<meta http-equiv="content-security-policy" content="${policy}">`;
  return html
    .replace(/<meta http-equiv="content-security-policy"[^>]*>/i, '')
    .replace(/<head([^>]*)>/i, `<head$1>${meta}`);
}
