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

// A run of indicator characters and references: `31&#46;76&#46;87&#46;112`, `evil&period;example`;
// in Markdown prose also backslash escapes, `evil\.example`.
const REFERENCE_PART = String.raw`&(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});?`;
const ENCODED_RUN = new RegExp(String.raw`(?:[\dA-Za-z.:/@-]|${REFERENCE_PART})+`, 'g');
const ESCAPED_RUN = new RegExp(String.raw`(?:[\dA-Za-z.:/@-]|${REFERENCE_PART}|\\[!-/:-@[-\x60{-~])+`, 'g');

/**
 * `text` with its first character and every one but letters and digits as a numeric reference:
 * text to any parser, and no tag name can follow a `<` that precedes it.
 */
function encodeRun(text: string): string {
  return text.replace(/^.|[^\dA-Za-z]/gu, (char) => `&#${char.codePointAt(0)};`);
}

/**
 * Defangs the indicators that `text` spells with character references (and, in Markdown prose,
 * backslash escapes), keeping them encoded. Writing them out plainly would be unsafe: a decoded
 * `&#45;&#45;>` closes a comment, `&#47;` completes `</script>` and `&#58;` makes a link
 * definition, so the defanged run is written back as references, which Markdown and HTML only
 * ever read as text. Runs holding no indicator stay exactly as written.
 */
export function defangEncodedIndicators(
  text: string,
  defang: (plain: string) => string,
  { escapes = false }: { escapes?: boolean } = {},
): string {
  if (!text.includes('&') && !(escapes && text.includes('\\'))) return text;
  return text.replace(escapes ? ESCAPED_RUN : ENCODED_RUN, (run) => {
    if (!run.includes('&') && !run.includes('\\')) return run;
    const plain = decodeReferences(escapes ? run.replace(/\\([!-/:-@[-\x60{-~])/g, '$1') : run);
    const defanged = defang(plain);
    return defanged === plain ? run : encodeRun(defanged);
  });
}
