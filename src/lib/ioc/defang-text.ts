// Defanging indicators inside prose (titles, summaries, notes) that is
// rendered outside code. Each IOC-looking token is defanged in place, keeping
// its case and any defanging already present; everything else is untouched.
import { defangAddress, defangDots, defangEmail, defangHost, defangNested, defangUrl } from './defang-parts.ts';
import { isProseHostName } from './known-tlds.ts';
import { normaliseIoc } from './normalise.ts';
import { refangText } from './refang.ts';
import { splitHostPort, splitUrl, startsWithAddressBracket } from './url-parts.ts';

// Building blocks; each accepts the live and the defanged spellings so defanged text is recognised again
// (an e-mail local part may carry `[.]` because a dotted quad inside it gets defanged).
const DOT = String.raw`(?:\.|\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\})`;
const COLON = String.raw`(?::|\[:\])`;
const AT = String.raw`(?:@|\[(?:@|at)\]|\((?:@|at)\)|\{(?:@|at)\})`;
const SEPARATOR = String.raw`(?::\/\/|\[:\/\/\]|\[:\]\/\/)`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]`;
const LABEL = String.raw`${WORD}(?:[\p{L}\p{M}\p{N}_-]*${WORD})?`;
const TAIL = String.raw`[^\s<>"'\x60|]*`; // \x60 is a backtick
const HEX = '[0-9a-f]{1,4}';
const QUAD = String.raw`\d{1,3}(?:${DOT}\d{1,3}){3}`;
const IPV6 = String.raw`(?:${HEX})?(?:${COLON}(?:${QUAD}(?![\d.])|${HEX})?){2,8}`;
const PORT = String.raw`(?:${COLON}\d{1,5}(?!\d))?`;
/** Not glued to a preceding word, and not a path component unless it follows `//` or `\\`. */
const HOST_START = String.raw`(?<![\p{L}\p{M}\p{N}_.@-])(?<!(?<![/\\])[/\\])`;
const HOST_END = String.raw`(?![\p{L}\p{M}\p{N}_-]|${DOT}${WORD})`;

const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?<![\p{L}\p{N}_+.-])[a-z][a-z0-9+.-]*${SEPARATOR}${TAIL})`,
    String.raw`(?<email>(?<![\p{L}\p{N}._%+-]|\[\.\])(?:[\p{L}\p{N}._%+-]|\[\.\])+${AT}${LABEL}(?:${DOT}${LABEL})+${HOST_END})`,
    String.raw`(?<ipv6>(?<![\p{L}\p{N}_:.])(?:\[${IPV6}\]${PORT}|${IPV6}(?:\/\d{1,3})?)(?![\p{L}\p{N}_]))`,
    String.raw`(?<ipv4>(?<![\p{L}\p{N}_.])${QUAD}${HOST_END}${PORT}(?:\/${TAIL})?)`,
    String.raw`(?<domain>${HOST_START}${LABEL}(?:${DOT}${LABEL})+${HOST_END}${PORT}(?:\/${TAIL})?)`,
  ].join('|'),
  'giu',
);

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

/** A URL with any scheme: defanged whenever it splits into scheme and a non-empty host, valid or not. */
function defangUrlToken(token: string): string {
  const [core, trailing] = splitTrailing(token);
  const parts = splitUrl(core);
  return parts && parts.host !== '' ? defangUrl(core) + trailing : token;
}

/** An e-mail address whose domain ends in a known TLD (so `icon@2x.png` is left alone). */
function defangEmailToken(token: string): string {
  const result = normaliseIoc(token, 'email');
  if (!result.ok || !isProseHostName(result.value.slice(result.value.lastIndexOf('@') + 1))) return token;
  return defangEmail(token);
}

/** IPv6, bracketed with a port, or with a /prefix; needs a digit so words such as `dead::beef` stay prose. */
function defangIpv6Token(token: string): string {
  if (!/\d/.test(token)) return token;
  const bracketed = startsWithAddressBracket(token);
  const { host, port } = bracketed ? splitHostPort(token) : { host: token, port: '' };
  const address = bracketed ? host.slice(1, -1) : (host.split('/')[0] ?? '');
  if (normaliseIoc(address, 'ip').ok)
    return bracketed ? defangHost(host) + port : `${defangAddress(address)}${token.slice(address.length)}`;
  // A sentence may end in a colon right after the address ("reached 2001:db8::1: then …").
  if (!bracketed && token.endsWith(':') && !token.endsWith('::')) return defangIpv6Token(token.slice(0, -1)) + ':';
  return token;
}

/** An IPv4 address or host name, optionally with `:port` and a `/path` or `/prefix`. */
function defangHostToken(token: string, isDomain: boolean): string {
  const [core, trailing] = splitTrailing(token);
  const slash = core.indexOf('/');
  const hostPort = slash < 0 ? core : core.slice(0, slash);
  const rest = slash < 0 ? '' : core.slice(slash);
  const { host, port } = splitHostPort(hostPort);
  const result = normaliseIoc(refangText(host), isDomain ? 'domain' : 'ip');
  if (!result.ok || (isDomain && !isProseHostName(result.value))) return token;
  return `${defangDots(host)}${port}${defangNested(rest)}${trailing}`;
}

/** Defang every IOC-looking token in free text; idempotent, and leaves all other text byte-identical. */
export function defangText(text: string): string {
  return text.replace(TOKEN, (token: string, ...args: unknown[]) => {
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    if (groups['url'] !== undefined) return defangUrlToken(token);
    if (groups['email'] !== undefined) return defangEmailToken(token);
    if (groups['ipv6'] !== undefined) return defangIpv6Token(token);
    return defangHostToken(token, groups['ipv4'] === undefined);
  });
}
