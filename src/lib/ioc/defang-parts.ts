// Building blocks for display forms. Every helper leaves already-defanged
// tokens as they are, so nothing is ever bracketed twice.
import { findClosingBracket, findLastAtSign, splitUrl, startsWithAddressBracket } from './url-parts.ts';

const DOT_OR_TOKEN = /\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)|\{dot\}|\./gi;
const COLON_OR_TOKEN = /\[:\]|:/g;
/**
 * Live link markers that may hide outside a host: a nested `://` with the host after it (a
 * redirect target, `?u=https://evil.com/x`), or a run of four or more dotted numbers (taken whole,
 * so no live quad is left inside it).
 */
const NESTED_MARKER = /(\[:\/\/\]|:\/\/)([^/?#&\s"'<>]*)|\d+(?:\.\d+){3,}/g;

/** Bracket every live dot; `[.]`, `(dot)` and friends stay as written. */
export function defangDots(text: string): string {
  return text.replace(DOT_OR_TOKEN, (token) => (token === '.' ? '[.]' : token));
}

/** Bracket every dot and colon of an address (IPv6 colons included). */
export function defangAddress(text: string): string {
  return defangDots(text).replace(COLON_OR_TOKEN, (token) => (token === ':' ? '[:]' : token));
}

/** `http` → `hxxp`, `HTTPS` → `HXXPS`; other schemes keep their name. */
export function defangScheme(scheme: string): string {
  const match = /^(h)(t)(t)(ps?)$/i.exec(scheme);
  if (!match) return scheme;
  const [, h = '', t1 = '', t2 = '', rest = ''] = match;
  const swap = (t: string): string => (t === 't' ? 'x' : 'X');
  return `${h}${swap(t1)}${swap(t2)}${rest}`;
}

/**
 * Path, query, user-info and local parts are kept as written, except for a
 * nested `://` or dotted IPv4 (e.g. a redirect target): those would stay live.
 */
export function defangNested(text: string): string {
  return text.replace(NESTED_MARKER, (token, _separator?: string, host?: string) =>
    host === undefined ? defangDots(token) : `[://]${defangDots(host)}`,
  );
}

/** A host as it appears in a URL or ip:port: bracketed IPv6 keeps its brackets. */
export function defangHost(host: string): string {
  if (!startsWithAddressBracket(host)) return defangDots(host);
  const close = findClosingBracket(host);
  if (close < 0) return `[${defangAddress(host.slice(1))}`;
  return `[${defangAddress(host.slice(1, close))}${host.slice(close)}`;
}

/** Scheme swapped, `://` bracketed, host defanged; port, path and query kept. */
export function defangUrl(url: string): string {
  const parts = splitUrl(url);
  if (!parts) return defangDots(defangNested(url));
  const separator = parts.separator === '://' ? '[://]' : parts.separator;
  // A well-formed port stays; anything else (a bare ':' before '//…') is bracketed so it cannot form a live '://'.
  const port = parts.port === '' || /^(?::|\[:\])\d+$/.test(parts.port) ? parts.port : defangAddress(parts.port);
  return `${defangScheme(parts.scheme)}${separator}${defangNested(parts.userinfo)}${defangHost(parts.host)}${port}${defangNested(parts.rest)}`;
}

/** Local part and at-sign kept, mail domain defanged. */
export function defangEmail(address: string): string {
  const at = findLastAtSign(address);
  if (!at) return defangDots(address);
  const domainStart = at.index + at.text.length;
  return `${defangNested(address.slice(0, at.index))}${at.text}${defangDots(address.slice(domainStart))}`;
}
