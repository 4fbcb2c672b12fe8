import { decodeNamedCharacterReference } from 'decode-named-character-reference';

// HTML and Markdown both read `&#46;`, `&#x2E;` and `&period;` as a dot, and HTML also without the
// semicolon: an indicator written with character references renders live, although its source
// holds no dot, colon or at sign for the indicator scanner to see.
const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));?/g;

function decodeOne(match: string, decimal?: string, hex?: string, name?: string): string | undefined {
  if (decimal !== undefined || hex !== undefined) {
    const code = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;
  }
  // Named references need their semicolon here; `&amp` alone is legacy and never spells an indicator.
  if (!match.endsWith(';') || name === undefined) return undefined;
  const decoded = decodeNamedCharacterReference(name);
  return decoded === false ? undefined : decoded;
}

/** `text` with every character reference replaced by the character it stands for. */
export function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string) => {
    return decodeOne(match, decimal, hex, name) ?? match;
  });
}

// Letters, digits and the punctuation of indicators: none of them means anything to an HTML or
// Markdown parser mid-text, so writing them plainly changes no rendering.
const PLAIN = /^[\dA-Za-z.:/@-]$/;

/** `text` with the references that spell letters, digits or `.:/@-` written plainly. */
export function spellOutIndicatorReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (match, decimal?: string, hex?: string, name?: string) => {
    const decoded = decodeOne(match, decimal, hex, name);
    return decoded !== undefined && PLAIN.test(decoded) ? decoded : match;
  });
}
