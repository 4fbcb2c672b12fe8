import { normaliseIoc, type IocType } from '../ioc/index.ts';
import { isProseHostName } from '../ioc/known-tlds.ts';

/** An indicator in canonical form: a frontmatter IOC, or a query literal that looks like one. */
export interface CanonicalIndicator {
  /** Indicator type. */
  type: IocType;
  /** Canonical value (refanged, hosts and hashes lowercased). */
  value: string;
}

/** The indicator a query literal would be, or undefined when it parses as none. */
export function readLiteralIndicator(literal: string): CanonicalIndicator | undefined {
  const text = literal.trim();
  if (text === '' || /\s/.test(text)) return undefined;
  const result = normaliseIoc(text);
  return result.ok ? { type: result.type, value: result.value } : undefined;
}

/**
 * True when an indicator read from a literal is worth reporting on its own. File names such as
 * rundll32.exe or perfc.dat parse as host names, so a domain needs a well-known TLD; any value
 * still counts when it matches a frontmatter IOC (sbmsa.wiki).
 */
export function isPlausibleIndicator(indicator: CanonicalIndicator): boolean {
  return indicator.type !== 'domain' || isProseHostName(indicator.value);
}

/** The address of a canonical `ip:port`, without brackets or port. */
export function splitAddress(ipPort: string): { address: string; port: string } {
  const match = /^\[?(.*?)\]?:(\d+)$/.exec(ipPort);
  return match ? { address: match[1], port: match[2] } : { address: ipPort, port: '' };
}

/**
 * Keys under which an indicator counts as hunted. Two indicators match when they share a key:
 * an `ip:port` also stands for its address, so listing the address hunts it (F05), and case never
 * matters, so `EVIL.example` hunts `evil.example` (F19).
 */
export function listHuntKeys(indicator: CanonicalIndicator): string[] {
  const value = indicator.value.toLowerCase();
  if (indicator.type === 'ip:port') return [`ip:port ${value}`, `ip ${splitAddress(value).address}`];
  return [`${indicator.type} ${value}`];
}

/** True for an address-like indicator: ip, ip:port, cidr. */
export function isAddressType(type: IocType): boolean {
  return type === 'ip' || type === 'ip:port' || type === 'cidr';
}

/** True when the indicator is an IPv6 address or range. */
export function isIpv6(indicator: CanonicalIndicator): boolean {
  if (indicator.type === 'ip:port') return splitAddress(indicator.value).address.includes(':');
  return isAddressType(indicator.type) && indicator.value.includes(':');
}
