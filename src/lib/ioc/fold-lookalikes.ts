// Indicators pasted from chat, PDFs and CJK-language reports carry characters that read as part of
// them or hide inside them: ideographic and full-width full stops, full-width letters and digits,
// and invisible format characters. Browsers and resolvers fold them the same way (UTS #46 mapping),
// so `evil。example` is the indicator `evil.example`, and must be listed and defanged as such.

/** Ideographic, full-width and half-width full stops: IDNA reads each as a dot. */
const FULL_STOPS = /[\u3002\uFF0E\uFF61]/g;
/** The full-width forms of printable ASCII, `！` to `～`. */
const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
/** Soft hyphen, zero-width space, non-joiner and joiner, word joiner, zero-width no-break space. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

function foldHost(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(FULL_STOPS, '.')
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/**
 * Returns `value` with lookalike dots as `.`, full-width ASCII as ASCII and invisible characters
 * dropped, up to where a URL's path, query or fragment starts: browsers fold a host name, but
 * a path is sent as written.
 */
export function foldLookalikes(value: string): string {
  const authority = /\/\/|\[:\/\/\]/.exec(value);
  const hostStart = authority ? authority.index + authority[0].length : 0;
  const pathStart = value.slice(hostStart).search(/[/?#]/);
  const cut = pathStart === -1 ? value.length : hostStart + pathStart;
  return foldHost(value.slice(0, cut)) + value.slice(cut);
}
