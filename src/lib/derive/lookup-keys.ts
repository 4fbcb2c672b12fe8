// Keys of the IOC look-up index. The build and the browser both compute them with the shared IOC
// engine, so a pasted value and a writeup's value meet only if they are the same canonical indicator.
//
// A key is the canonical value *defanged* (`31[.]76[.]87[.]112:7716`): the emitted JSON then holds
// nothing live, stays readable when debugging, and needs no hashing. (Hashing would need
// crypto.subtle, which browsers only offer on https or localhost, and an internal static host is
// often plain http.)
import { defangIoc } from '../ioc/defang.ts';
import type { IocType } from '../ioc/ioc-types.ts';
import { splitHostPort, splitUrl } from '../ioc/url-parts.ts';

/** Look-up key of a canonical indicator. */
export function lookupKey(type: IocType, canonical: string): string {
  return defangIoc(canonical, type);
}

/** The machine an indicator points at. */
export interface HostRef {
  type: 'ip' | 'domain';
  key: string;
}

/** The host of an ip, ip:port, domain or url indicator; undefined for hashes, ranges and e-mail. */
export function hostOf(type: IocType, canonical: string): HostRef | undefined {
  if (type === 'ip' || type === 'domain') return { type, key: lookupKey(type, canonical) };
  let host: string | undefined;
  if (type === 'ip:port') host = splitHostPort(canonical).host;
  if (type === 'url') host = splitUrl(canonical)?.host;
  if (!host) return undefined;
  if (host.startsWith('[')) return { type: 'ip', key: lookupKey('ip', host.slice(1, -1)) };
  const hostType = /^[\d.]+$/.test(host) ? 'ip' : 'domain';
  return { type: hostType, key: lookupKey(hostType, host) };
}

/** Keys of the parent domains of a domain key, nearest first, stopping at two labels (`a[.]b[.]c` → `b[.]c`). */
export function parentDomainKeys(domainKey: string): string[] {
  const labels = domainKey.split('[.]');
  const parents: string[] = [];
  for (let start = 1; labels.length - start >= 2; start++) parents.push(labels.slice(start).join('[.]'));
  return parents;
}
