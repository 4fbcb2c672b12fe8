// Internationalised domain names without `node:url`, so the same code runs in the browser (the
// look-up page) and at build time. To ASCII: the WHATWG URL parser, present in both. To Unicode:
// RFC 3492 decoding, which browsers do not expose.

const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;

function adapt(delta: number, points: number, first: boolean): number {
  let scaled = first ? Math.floor(delta / DAMP) : delta >> 1;
  scaled += Math.floor(scaled / points);
  let k = 0;
  while (scaled > ((BASE - T_MIN) * T_MAX) >> 1) {
    scaled = Math.floor(scaled / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * scaled) / (scaled + SKEW));
}

function digitOf(code: number): number {
  if (code >= 48 && code <= 57) return code - 22;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 97 && code <= 122) return code - 97;
  return BASE;
}

/** Decodes one `xn--` label; undefined when it is not valid punycode. */
export function decodePunycodeLabel(label: string): string | undefined {
  if (!/^xn--/i.test(label)) return label;
  const input = label.slice(4);
  const split = input.lastIndexOf('-');
  const output = [...(split > 0 ? input.slice(0, split) : '')].map((char) => char.codePointAt(0)!);
  if (output.some((code) => code >= 0x80)) return undefined;
  let n = 128;
  let i = 0;
  let bias = 72;
  for (let index = split > 0 ? split + 1 : 0; index < input.length;) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      if (index >= input.length) return undefined;
      const digit = digitOf(input.charCodeAt(index++));
      if (digit >= BASE) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      w *= BASE - t;
    }
    bias = adapt(i - oldI, output.length + 1, oldI === 0);
    n += Math.floor(i / (output.length + 1));
    i %= output.length + 1;
    if (n > 0x10ffff) return undefined;
    output.splice(i++, 0, n);
  }
  const decoded = String.fromCodePoint(...output);
  // Valid only if IDNA maps it back to the same label (rules out controls and unnormalised text).
  return decoded !== '' && toAsciiDomain(`${decoded}.example`) === `${label.toLowerCase()}.example`
    ? decoded
    : undefined;
}

/** ASCII (punycode) form of a host name, or '' when it is not a valid name. */
export function toAsciiDomain(name: string): string {
  try {
    return new URL(`http://${name}/`).hostname;
  } catch {
    return '';
  }
}

/** Unicode form of a punycode host name; labels that do not decode stay as they are. */
export function toUnicodeDomain(name: string): string {
  return name
    .split('.')
    .map((label) => decodePunycodeLabel(label) ?? label)
    .join('.');
}
