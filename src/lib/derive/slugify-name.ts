// Names written by authors (families, tags, threat types) become one path segment each. The slug
// must be safe whatever the author typed: no slashes, dots or percent signs can survive into a URL.

const MAX_SLUG = 64;

/** FNV-1a over UTF-16 code units: a short, stable fingerprint for names with no ASCII letters. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/**
 * Lowercase ASCII slug of a name: `Remcos` → `remcos`, `botnet_cc` → `botnet-cc`, `Žaba/Loader` →
 * `zaba-loader`. A name with nothing ASCII left (e.g. `木马`) gets `name-<fingerprint>`.
 */
export function slugifyName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const slug = ascii
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_SLUG)
    .replace(/^-+|-+$/g, '');
  return slug || `name-${fingerprint(name.trim())}`;
}
