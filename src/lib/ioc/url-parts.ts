// Splitting a URL into the pieces that validation and defanging treat
// differently. The splitter is tolerant of defanged spellings (`[://]`, `[.]`,
// `[:]`, `[@]`) so the same code serves canonical values and free text.

/** The pieces of `scheme://userinfo@host:port/rest`, each exactly as written. */
export interface UrlParts {
  scheme: string;
  /** `://`, `[://]` or `[:]//`. */
  separator: string;
  /** Including its trailing `@` (or defanged at-sign); empty when absent. */
  userinfo: string;
  /** IPv6 hosts keep their brackets. */
  host: string;
  /** Including its leading `:` (or `[:]`); empty when absent. */
  port: string;
  /** Path, query and fragment: everything from the first `/`, `?` or `#` after the authority. */
  rest: string;
}

const SCHEME_AND_SEPARATOR = /^([a-z][a-z0-9+.-]*)(:\/\/|\[:\/\/\]|\[:\]\/\/)/i;
const AT_SIGN = /@|\[(?:@|at)\]|\((?:@|at)\)|\{(?:@|at)\}/gi;
const TRAILING_PORT = /(?::|\[:\])\d*$/;

/** Index of the `]` closing a bracketed IPv6 host, skipping defanged `[:]` / `[.]` inside it; -1 if none. */
export function findClosingBracket(text: string): number {
  let i = 1;
  while (i < text.length) {
    if (text.startsWith('[:]', i) || text.startsWith('[.]', i)) i += 3;
    else if (text[i] === ']') return i;
    else i++;
  }
  return -1;
}

/** True when text opens with an IPv6 bracket rather than a defang token such as `[.]`. */
export function startsWithAddressBracket(text: string): boolean {
  return text.startsWith('[') && !/^\[(?:\.|dot|:|@|at)\]/i.test(text);
}

/** The last `@` or defanged at-sign (`[at]`, `(@)` …) in the text, with its position. */
export function findLastAtSign(text: string): { index: number; text: string } | undefined {
  let last: { index: number; text: string } | undefined;
  for (const match of text.matchAll(AT_SIGN)) last = { index: match.index, text: match[0] };
  return last;
}

/** Split host and port; the host may be a bracketed IPv6 address. */
export function splitHostPort(hostPort: string): { host: string; port: string } {
  if (startsWithAddressBracket(hostPort)) {
    const close = findClosingBracket(hostPort);
    if (close >= 0) return { host: hostPort.slice(0, close + 1), port: hostPort.slice(close + 1) };
    return { host: hostPort, port: '' };
  }
  const port = TRAILING_PORT.exec(hostPort)?.[0] ?? '';
  return { host: hostPort.slice(0, hostPort.length - port.length), port };
}

/** Index of the first `/`, `?` or `#`, not counting the slashes of a stray `[://]`; -1 if none. */
function findAuthorityEnd(text: string): number {
  for (const match of text.matchAll(/\[:\/\/\]|[/?#]/g)) if (match[0].length === 1) return match.index;
  return -1;
}

/** Split a URL that has a scheme; undefined when there is no `scheme://`. */
export function splitUrl(url: string): UrlParts | undefined {
  const head = SCHEME_AND_SEPARATOR.exec(url);
  if (!head) return undefined;
  const [prefix, scheme = '', separator = ''] = head;
  const afterSeparator = url.slice(prefix.length);
  const authorityEnd = findAuthorityEnd(afterSeparator);
  const authority = authorityEnd < 0 ? afterSeparator : afterSeparator.slice(0, authorityEnd);
  const rest = authorityEnd < 0 ? '' : afterSeparator.slice(authorityEnd);
  // The host follows the last at-sign: `http://bank.example@evil.example/` goes to evil.example.
  const at = findLastAtSign(authority);
  const userinfoEnd = at ? at.index + at.text.length : 0;
  const { host, port } = splitHostPort(authority.slice(userinfoEnd));
  return { scheme, separator, userinfo: authority.slice(0, userinfoEnd), host, port, rest };
}
