// Validators for the address-shaped types: ip, ip:port and cidr.
import { canonicaliseIpv4, looksLikeIpv4 } from './ipv4-address.ts';
import { canonicaliseIpv6, parseIpv6 } from './ipv6-address.ts';
import { fail, failWithin, pass } from './checked.ts';
import type { Checked } from './checked.ts';

const PORT_HINT = 'use a whole number from 1 to 65535 without leading zeros, e.g. 443';

/** Validate a TCP/UDP port written in decimal. */
export function checkPort(port: string, whole: string): Checked {
  if (port === '') return fail(`${whole} has an empty port after ':'`, PORT_HINT);
  if (!/^\d+$/.test(port)) return fail(`${whole} has a port that is not a number (${port})`, PORT_HINT);
  if (port.length > 1 && port.startsWith('0'))
    return fail(`${whole} has a port with a leading zero (${port})`, PORT_HINT);
  const n = Number(port);
  if (n < 1 || n > 65535) return fail(`${whole} has port ${port}, outside 1–65535`, PORT_HINT);
  return pass(port);
}

/** Validate one address of either family (no brackets, no port). */
export function checkIpAddress(text: string): Checked {
  return text.includes(':') ? canonicaliseIpv6(text) : canonicaliseIpv4(text);
}

/** `ip`: a single IPv4 or IPv6 address. */
export function checkIp(value: string): Checked {
  if (value.includes('/')) {
    return fail(`${value} is a range, not a single address`, 'declare it as cidr, or drop the /prefix');
  }
  if (value.startsWith('[')) {
    return fail(`${value} has brackets, which belong only around an IPv6 address with a port`, 'drop the brackets');
  }
  return checkIpAddress(value);
}

/** Bare `v6:port` — refuse, and say whether the text could also be read as an address. */
function rejectBareIpv6Port(value: string): Checked {
  const cut = value.lastIndexOf(':');
  const head = value.slice(0, cut);
  const tail = value.slice(cut + 1);
  const headIsAddress = parseIpv6(head).ok && checkPort(tail, value).ok;
  if (headIsAddress && parseIpv6(value).ok) {
    return fail(
      `${value} is ambiguous: it reads both as one IPv6 address and as ${head} with port ${tail}`,
      `write [${head}]:${tail} for an address with a port, or declare the type as ip`,
      true,
    );
  }
  const example = headIsAddress ? `[${head}]:${tail}` : '[2001:db8::5]:8443';
  return fail(`${value} is not a valid ip:port (an IPv6 address with a port needs brackets)`, `write it as ${example}`);
}

/** `ip:port`: `a.b.c.d:port` or `[v6]:port`. */
export function checkIpPort(value: string): Checked {
  if (value.startsWith('[')) {
    const match = /^\[([^\]]*)\](.*)$/.exec(value);
    if (!match) return fail(`${value} has an unclosed '['`, 'write it as [2001:db8::5]:8443');
    const [, address = '', rest = ''] = match;
    if (!rest.startsWith(':')) {
      return fail(
        `${value} has no port after the brackets`,
        `add one, e.g. [${address}]:443, or declare the type as ip`,
      );
    }
    const host = canonicaliseIpv6(address);
    if (!host.ok) return failWithin(value, host);
    const port = checkPort(rest.slice(1), value);
    return port.ok ? pass(`[${host.value}]:${port.value}`) : port;
  }
  const colons = value.split(':').length - 1;
  if (colons === 0) return fail(`${value} has no port`, `add one, e.g. ${value}:443, or declare the type as ip`);
  if (colons > 1) return rejectBareIpv6Port(value);
  const [address = '', portText = ''] = value.split(':');
  if (!looksLikeIpv4(address)) {
    return fail(
      `${value} is not an ip:port (${address} is not an IP address)`,
      `for a host name with a port use a url such as tcp://${value}, or declare the host as a domain`,
    );
  }
  const host = canonicaliseIpv4(address);
  if (!host.ok) return host;
  const port = checkPort(portText, value);
  return port.ok ? pass(`${host.value}:${port.value}`) : port;
}

/** `cidr`: address + `/prefix`; host bits are kept as written because the author may mean a specific host range. */
export function checkCidr(value: string): Checked {
  const slash = value.lastIndexOf('/');
  if (slash < 0) {
    return fail(
      `${value} has no /prefix`,
      `add the prefix length, e.g. ${value}/${value.includes(':') ? 128 : 32}, or declare the type as ip`,
    );
  }
  const address = value.slice(0, slash);
  const prefix = value.slice(slash + 1);
  const isV6 = address.includes(':');
  const max = isV6 ? 128 : 32;
  const prefixHint = `use a prefix length from 0 to ${max} without leading zeros, e.g. ${isV6 ? '2001:db8::/32' : '198.51.100.0/24'}`;
  if (!/^(?:0|[1-9]\d*)$/.test(prefix)) return fail(`${value} has an invalid prefix length "${prefix}"`, prefixHint);
  if (Number(prefix) > max) return fail(`${value} has prefix /${prefix}, larger than /${max}`, prefixHint);
  const host = checkIpAddress(address);
  return host.ok ? pass(`${host.value}/${prefix}`) : host;
}
