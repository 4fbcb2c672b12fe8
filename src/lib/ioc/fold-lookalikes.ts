// Indicators pasted from chat, PDFs and CJK-language reports carry characters that read as part of
// them or hide inside them: ideographic and full-width full stops, full-width letters and digits,
// and invisible format characters. Browsers and resolvers fold them the same way (UTS #46 mapping),
// so `evil。example` is the indicator `evil.example`, and must be listed and defanged as such.
// Only characters an indicator is made of are folded: a full-width `＜`, `［` or `＆` stays as
// written, so folding can never turn text into markup.

/**
 * Soft hyphen, combining grapheme joiner, Mongolian variation selectors, zero-width space,
 * non-joiner and joiner, word joiner, variation selectors, zero-width no-break space: IDNA maps
 * each to nothing.
 */
const INVISIBLE = String.raw`\u00AD\u034F\u180B-\u180D\u180F\u200B-\u200D\u2060\uFE00-\uFE0F\uFEFF`;
/** Ideographic, full-width and half-width full stops: IDNA reads each as a dot. */
const FULL_STOPS = String.raw`\u3002\uFF0E\uFF61`;
/** Full-width digits and letters. */
const FULL_WIDTH_ALNUM = String.raw`\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A`;
/** Full-width `／`, `：` and `＠`: folded in an indicator value, never in prose (they make links). */
const FULL_WIDTH_SEPARATORS = String.raw`\uFF0F\uFF1A\uFF20`;
const FULL_WIDTH_OFFSET = 0xfee0;

/** What a fold may rewrite: `prose` leaves the separators as written. */
export interface FoldOptions {
  prose?: boolean;
}

/** The characters {@link foldCharacter} rewrites, as a regex class body. */
export function listLookalikeCharacters({ prose = false }: FoldOptions = {}): string {
  return `${INVISIBLE}${FULL_STOPS}${FULL_WIDTH_ALNUM}${prose ? '' : FULL_WIDTH_SEPARATORS}`;
}

// The class lists single code points, each tested on its own: nothing in it combines.
// eslint-disable-next-line no-misleading-character-class
const IS_INVISIBLE = new RegExp(`^[${INVISIBLE}]$`);
const IS_FULL_STOP = new RegExp(`^[${FULL_STOPS}]$`);
const IS_FULL_WIDTH = new RegExp(`^[${FULL_WIDTH_ALNUM}]$`);
const IS_SEPARATOR = new RegExp(`^[${FULL_WIDTH_SEPARATORS}]$`);

/** One character as an indicator reads it: `。` → `.`, `ａ` → `a`, a zero-width space → nothing. */
export function foldCharacter(char: string, { prose = false }: FoldOptions = {}): string {
  if (IS_INVISIBLE.test(char)) return '';
  if (IS_FULL_STOP.test(char)) return '.';
  if (IS_FULL_WIDTH.test(char) || (!prose && IS_SEPARATOR.test(char)))
    return String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET);
  return char;
}

// A scheme (`http://`, `hxxp[://]`, full-width too) or a bare `//` at the start: the host ends where
// the path starts.
const FW_LETTER = String.raw`A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A`;
const SCHEME = new RegExp(
  String.raw`^(?:[${FW_LETTER}][${FW_LETTER}0-9\uFF10-\uFF19+.-]*(?:[:\uFF1A][/\uFF0F]{2}|\[[:\uFF1A][/\uFF0F]{2}\]|\[[:\uFF1A]\][/\uFF0F]{2})|[/\uFF0F]{2})`,
);

const foldHost = (text: string) => [...text].map((char) => foldCharacter(char)).join('');

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
