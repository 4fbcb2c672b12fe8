// Indicators pasted from chat, PDFs and CJK-language reports carry characters that read as part of
// them or hide inside them: ideographic and full-width full stops, full-width letters and digits,
// and invisible format characters. Browsers and resolvers fold them the same way (UTS #46 mapping),
// so `evil。example` is the indicator `evil.example`, and must be listed and defanged as such.
// Only characters an indicator is made of are folded: a full-width `＜`, `［` or `＆` stays as
// written, so folding can never turn text into markup.

/** Ideographic, full-width and half-width full stops: IDNA reads each as a dot. */
const FULL_STOPS = /[\u3002\uFF0E\uFF61]/g;
/** Full-width `／`, digits, `：`, `＠` and letters. */
const FULL_WIDTH = /[\uFF0F-\uFF1A\uFF20-\uFF3A\uFF41-\uFF5A]/g;
/** Soft hyphen, zero-width space, non-joiner and joiner, word joiner, zero-width no-break space. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const FULL_WIDTH_OFFSET = 0xfee0;
/** The characters {@link foldLookalikes} rewrites, as a regex class body. */
export const LOOKALIKE_CHARACTERS = String.raw`\u00AD\u200B-\u200D\u2060\uFEFF\u3002\uFF61\uFF0E-\uFF1A\uFF20-\uFF3A\uFF41-\uFF5A`;

// A scheme (`http://`, `hxxp[://]`, full-width too) or a bare `//` at the start: the host ends where
// the path starts.
const FW_LETTER = String.raw`A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A`;
const SCHEME = new RegExp(
  String.raw`^(?:[${FW_LETTER}][${FW_LETTER}0-9\uFF10-\uFF19+.-]*(?:[:\uFF1A][/\uFF0F]{2}|\[[:\uFF1A][/\uFF0F]{2}\]|\[[:\uFF1A]\][/\uFF0F]{2})|[/\uFF0F]{2})`,
);

/**
 * One character as prose shows an indicator: lookalike dots as `.`, full-width letters and digits
 * as ASCII, invisible characters as nothing; anything else, full-width `：／＠` included, as is,
 * so that folding prose can never complete a link, a scheme or an address the page did not have.
 */
export function foldProseCharacter(char: string): string {
  if (INVISIBLE_CHAR.test(char)) return '';
  if (FULL_STOP_CHAR.test(char)) return '.';
  return PROSE_FULL_WIDTH.test(char) ? String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET) : char;
}

/** The characters {@link foldProseCharacter} rewrites, as a regex class body. */
export const PROSE_LOOKALIKE_CHARACTERS = String.raw`\u00AD\u200B-\u200D\u2060\uFEFF\u3002\uFF61\uFF0E\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A`;
const INVISIBLE_CHAR = /^[\u00AD\u200B-\u200D\u2060\uFEFF]$/;
const FULL_STOP_CHAR = /^[\u3002\uFF0E\uFF61]$/;
const PROSE_FULL_WIDTH = /^[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]$/;

function foldHost(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .replace(FULL_STOPS, '.')
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET));
}

/**
 * Returns `value` with lookalike dots as `.`, full-width letters, digits, `：`, `／` and `＠` as
 * ASCII and invisible characters dropped, up to where a URL's path, query or fragment starts:
 * browsers fold a host name, but a path is sent as written.
 */
export function foldLookalikes(value: string): string {
  const scheme = SCHEME.exec(value)?.[0].length ?? 0;
  const pathStart = value.slice(scheme).search(scheme ? /[/?#\uFF0F\uFF1F\uFF03]/ : /[/?#]/);
  if (pathStart === -1) return foldHost(value);
  const cut = scheme + pathStart;
  // The slash that ends the host is folded with it; the path after it stays as written.
  return foldHost(value.slice(0, cut + 1)) + value.slice(cut + 1);
}
