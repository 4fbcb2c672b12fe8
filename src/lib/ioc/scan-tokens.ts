// The one token scanner behind defangText and findIocs: a single regex pass
// over free text that yields every IOC-shaped token, live or defanged. Which
// tokens really are indicators is decided by the callers.
import { normaliseIoc } from './normalise.ts';
import { splitHostPort, startsWithAddressBracket } from './url-parts.ts';

// Building blocks; each accepts the live and the defanged spellings so defanged text is recognised again
// (an e-mail local part may carry `[.]` because a dotted quad inside it gets defanged).
const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})`;
const COLON = String.raw`(?::|\[:\])`;
const AT = String.raw`(?:@|\[(?:@|at)\]|\((?:@|at)\)|\{(?:@|at)\})`;
const SEPARATOR = String.raw`(?::\/\/|\[:\/\/\]|\[:\]\/\/)`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]`;
const LABEL = String.raw`${WORD}(?:[\p{L}\p{M}\p{N}_-]*${WORD})?`;
/**
 * A path or query runs to white space, a quote, or a `](` that closes the text of a Markdown link such as
 * `[url](url)`; the `]` of a defang token (`[.]`) before `(` stays in, so defanged output scans the same.
 */
const TAIL = String.raw`(?:[^\s<>"'\x60|\]]|\](?!\()|(?<=\[(?:\.|:|:\/\/|dot|@|at))\])*`; // \x60 is a backtick
const HEX = '[0-9a-f]{1,4}';
const QUAD = String.raw`\d{1,3}(?:${DOT}\d{1,3}){3}`;
const IPV6 = String.raw`(?:${HEX})?(?:${COLON}(?:${QUAD}(?![\d.])|${HEX})?){2,8}`;
const PORT = String.raw`(?:${COLON}\d{1,5}(?!\d))?`;
/**
 * Not glued to a preceding word, and not a path component unless it follows `//` or `\\`. Hyphens that
 * no word precedes are punctuation (`--evil.example`), and so are a dot (`*.evil.example`) and an at
 * sign (`@evil.example`) that no word precedes: where a word does, the token starts before them. The
 * leading look-ahead keeps the look-behinds off runs of punctuation, where they would be tried at
 * every character.
 */
const HOST_START = String.raw`(?=${WORD})(?<![\p{L}\p{M}\p{N}_]-*)(?<![\p{L}\p{M}\p{N}_/\\-]\.)(?<![/\\]-+)(?<!(?<![/\\])[/\\])`;
/**
 * A host or address ends where no label goes on: hyphens no word follows are punctuation
 * (`evil.example-`), and so are hyphens before an address (`31.76.87.112-31.76.87.120`, a range).
 */
const HOST_END = String.raw`(?![\p{L}\p{M}\p{N}_]|-+(?!${QUAD})[\p{L}\p{M}\p{N}_]|${DOT}${WORD})`;

/** A prefix length before a hyphen and the next address ends the range's first network (`a/24-b/24`). */
const RANGE_PREFIX = String.raw`\/\d{1,2}(?=-${QUAD})`;

/**
 * Alternation order matters: `hash` comes last, so it only matches where no other token starts. An
 * address after `@` (`x@31.76.87.112`) is no mail domain; it is left to the `ipv4` group.
 */
const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?<![\p{L}\p{N}_+.-])[a-z][a-z0-9+.-]*${SEPARATOR}${TAIL})`,
    String.raw`(?<email>(?<![\p{L}\p{N}._%+-]|\[\.\])(?:[\p{L}\p{N}._%+-]|\[\.\])+${AT}(?!${QUAD}${HOST_END})${LABEL}(?:${DOT}${LABEL})+${HOST_END})`,
    String.raw`(?<ipv6>(?<![\p{L}\p{N}_:.])(?:\[${IPV6}\]${PORT}|${IPV6}(?:\/\d{1,3})?)(?![\p{L}\p{N}_]))`,
    String.raw`(?<ipv4>(?<![\p{L}\p{N}_.])${QUAD}${HOST_END}${PORT}(?:${RANGE_PREFIX}|\/${TAIL})?)`,
    String.raw`(?<domain>${HOST_START}${LABEL}(?:${DOT}${LABEL})+${HOST_END}${PORT}(?:\/${TAIL})?)`,
    // Every other group refuses to start right after a letter or digit, so a hash never hides one of them.
    String.raw`(?<hash>(?<![\p{L}\p{M}\p{N}_])(?:[0-9a-f]{64}|[0-9a-f]{40}|[0-9a-f]{32})(?![\p{L}\p{M}\p{N}_]))`,
  ].join('|'),
  'giu',
);

/** Which alternative of the scanner matched. */
export type TokenKind = 'url' | 'email' | 'ipv6' | 'ipv4' | 'domain' | 'hash';

const KINDS: readonly TokenKind[] = ['url', 'email', 'ipv6', 'ipv4', 'domain', 'hash'];

/** One IOC-shaped token: `core` is the token proper, `trailing` the punctuation after it that belongs to the prose. */
export interface ScannedToken {
  kind: TokenKind;
  start: number;
  core: string;
  trailing: string;
}

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
/** A defang token at the end of a token is part of it, never a stray closing bracket. */
const ENDS_WITH_DEFANG = /(?:\[(?:\.|:|:\/\/|dot|@|at)\]|\((?:\.|dot|@|at)\)|\{(?:\.|dot|@|at)\})$/i;

/** Split trailing sentence punctuation and unbalanced closing brackets off a token that ends in free-form text. */
function splitTrailing(token: string): [string, string] {
  let end = token.length;
  while (end > 0) {
    const last = token[end - 1] ?? '';
    const opener = CLOSERS[last];
    const body = token.slice(0, end);
    if ('.,;:!?*\'"'.includes(last)) end--;
    else if (ENDS_WITH_DEFANG.test(body)) break;
    else if (opener && body.split(opener).length < body.split(last).length) end--;
    else break;
  }
  return [token.slice(0, end), token.slice(end)];
}

/** The address of an IPv6 token: inside the brackets, or before the /prefix. */
export function ipv6Address(token: string): string {
  return startsWithAddressBracket(token) ? splitHostPort(token).host.slice(1, -1) : (token.split('/')[0] ?? '');
}

/** A sentence may end in a colon right after an IPv6 address ("reached 2001:db8::1: then …"). */
function splitIpv6Colon(token: string): [string, string] {
  const mayEndSentence = token.endsWith(':') && !token.endsWith('::') && !startsWithAddressBracket(token);
  if (mayEndSentence && !normaliseIoc(ipv6Address(token), 'ip').ok) return [token.slice(0, -1), ':'];
  return [token, ''];
}

/** Separate the token from prose punctuation that the regex swallowed; e-mail and hash patterns end cleanly. */
function splitToken(kind: TokenKind, token: string): [string, string] {
  if (kind === 'url' || kind === 'ipv4' || kind === 'domain') return splitTrailing(token);
  if (kind === 'ipv6') return splitIpv6Colon(token);
  return [token, ''];
}

/** Every IOC-shaped token in the text, in order, in one regex pass. */
export function* scanTokens(text: string): Generator<ScannedToken> {
  for (const match of text.matchAll(TOKEN)) {
    const groups = match.groups ?? {};
    const kind = KINDS.find((name) => groups[name] !== undefined) ?? 'domain';
    const [core, trailing] = splitToken(kind, match[0]);
    yield { kind, start: match.index, core, trailing };
  }
}
