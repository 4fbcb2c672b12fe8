// STIX 2.1 indicator patterns for each Huntbook IOC type (STIX 2.1 §9). Values are canonical and
// fanged: a pattern must match the live observable.
import type { IocType } from '../ioc/ioc-types.ts';
import { splitHostPort } from '../ioc/url-parts.ts';

/** A STIX string literal: backslash and quote escaped (§9.2). */
export function quoteStixString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function addressType(address: string): 'ipv4-addr' | 'ipv6-addr' {
  return address.includes(':') ? 'ipv6-addr' : 'ipv4-addr';
}

/** The STIX pattern that matches one canonical indicator. */
export function buildStixPattern(type: IocType, value: string): string {
  switch (type) {
    case 'ip':
    case 'cidr':
      // ipv4-addr / ipv6-addr values may be single addresses or CIDR blocks (§6.4, §6.5).
      return `[${addressType(value)}:value = ${quoteStixString(value)}]`;
    case 'ip:port': {
      const { host, port } = splitHostPort(value);
      const address = host.replace(/^\[|\]$/g, '');
      const kind = addressType(address);
      return `[network-traffic:dst_ref.type = '${kind}' AND network-traffic:dst_ref.value = ${quoteStixString(address)} AND network-traffic:dst_port = ${Number(port.replace(/^:/, ''))}]`;
    }
    case 'domain':
      return `[domain-name:value = ${quoteStixString(value)}]`;
    case 'url':
      return `[url:value = ${quoteStixString(value)}]`;
    case 'email':
      return `[email-addr:value = ${quoteStixString(value)}]`;
    case 'md5':
      return `[file:hashes.MD5 = ${quoteStixString(value)}]`;
    case 'sha1':
      return `[file:hashes.'SHA-1' = ${quoteStixString(value)}]`;
    case 'sha256':
      return `[file:hashes.'SHA-256' = ${quoteStixString(value)}]`;
  }
}
