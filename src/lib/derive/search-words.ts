// Search sees an indicator only in its defanged form. Pagefind drops punctuation on both sides, so
// `31[.]76[.]87[.]112` and a typed `31.76.87.112` already meet as one word (`317687112`). Two cases
// still miss, because Starlight ranks near-matches of another length close to zero:
// - the letters defanging changes: a typed live URL (`http…`) never equals the displayed `hxxp…`;
// - a bare address or host typed for an `ip:port` or a URL, the commonest search in an incident.
// For those the page also carries the words Pagefind would make of the live value, the host and
// their parts (`httpevilexamplegate evilexample http evil example gate`): no dots, no `://`, nothing
// a browser or a chat tool could turn into a live link. Measured in test/browser/browse.test.ts.
import type { IocType } from '../ioc/ioc-types.ts';
import { splitHostPort, splitUrl } from '../ioc/url-parts.ts';

/** Letters and digits of a text, lowercased, punctuation removed: how Pagefind reads one word. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The host of an ip:port or a URL (without IPv6 brackets), if the indicator has one apart from itself. */
function hostOf(type: IocType, value: string): string | undefined {
  if (type === 'ip:port') return splitHostPort(value).host;
  if (type === 'url') return splitUrl(value)?.host;
  return undefined;
}

/**
 * Extra search words for a canonical indicator, or undefined when typing it live or defanged already
 * finds it (IPs, domains, e-mail addresses, hashes).
 */
export function searchWords(ioc: { type: IocType; value: string; defanged: string }): string | undefined {
  const words = new Set<string>();
  if (squash(ioc.value) !== squash(ioc.defanged)) {
    words.add(squash(ioc.value));
    for (const part of ioc.value.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (part) words.add(part);
  }
  const host = hostOf(ioc.type, ioc.value);
  if (host) words.add(squash(host));
  words.delete('');
  return words.size ? [...words].join(' ') : undefined;
}
