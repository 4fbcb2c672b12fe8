// Validators for url and email: the structure is checked strictly, but only the
// parts whose case carries no meaning (scheme, host, mail domain) are rewritten.
import { canonicaliseDomain } from './domain-name.ts';
import { canonicaliseIpv4 } from './ipv4-address.ts';
import { canonicaliseIpv6 } from './ipv6-address.ts';
import { checkPort } from './network-validators.ts';
import { splitUrl } from './url-parts.ts';
import { fail, failWithin, pass } from './checked.ts';
import type { Checked } from './checked.ts';

const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~.-]+$/u;
const MAX_LOCAL = 64;

/** Validate a URL host: bracketed IPv6, dotted IPv4 or a domain. */
function checkUrlHost(url: string, host: string): Checked {
  if (host === '') return fail(`${url} has no host`, 'write the host after ://, e.g. http://evil.example/path');
  if (host.startsWith('[')) {
    if (!host.endsWith(']'))
      return fail(`${url} has an unclosed '[' in its host`, 'write an IPv6 host as [2001:db8::5]');
    const v6 = canonicaliseIpv6(host.slice(1, -1));
    return v6.ok ? pass(`[${v6.value}]`) : failWithin(url, v6);
  }
  // Anything made only of digits and dots is meant as IPv4, so `1.2.3` is refused rather than read WHATWG-style.
  const checked = /^[\d.]+$/.test(host) ? canonicaliseIpv4(host) : canonicaliseDomain(host);
  return checked.ok ? checked : failWithin(url, checked);
}

/** `url`: scheme and host are lowercased; user-info, port, path, query and fragment are kept exactly as written. */
export function checkUrl(value: string): Checked {
  const parts = splitUrl(value);
  if (!parts) {
    const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(value)?.[1];
    if (scheme) return fail(`${value} has no // after the scheme ${scheme}:`, `write it as ${scheme}://…`);
    return fail(
      `${value} has no scheme`,
      `add one, e.g. http://${value}, or declare the type as domain if it is only a host name`,
    );
  }
  if (/[\s\p{Cc}]/u.test(value)) {
    return fail(
      `${value} contains whitespace or control characters`,
      'percent-encode spaces as %20, and give one URL per entry',
    );
  }
  const host = checkUrlHost(value, parts.host);
  if (!host.ok) return host;
  if (parts.port !== '') {
    if (!parts.port.startsWith(':')) {
      return fail(
        `${value} has unexpected text after the IPv6 host (${parts.port})`,
        'write it as [2001:db8::5]:8443/path',
      );
    }
    const port = checkPort(parts.port.slice(1), value);
    if (!port.ok) return port;
  }
  return pass(`${parts.scheme.toLowerCase()}://${parts.userinfo}${host.value}${parts.port}${parts.rest}`);
}

/** Validate the part before `@`; it is case-sensitive in principle, so it is never rewritten. */
function checkLocalPart(value: string, local: string): Checked | undefined {
  if (local === '')
    return fail(`${value} has nothing before the @`, 'write the full address, e.g. billing@evil.example');
  if (/^mailto:/i.test(local)) return fail(`${value} starts with mailto:`, `drop the prefix: ${value.slice(7)}`);
  if (local.length > MAX_LOCAL)
    return fail(
      `${value} has a local part of ${local.length} characters (max ${MAX_LOCAL})`,
      'check the address was copied whole',
    );
  const bad = [...local].find((c) => !LOCAL_PART.test(c));
  if (bad !== undefined) {
    return fail(
      `${value} is not a valid email address (the local part contains "${bad}")`,
      'spaces, quotes, commas, colons and brackets are not allowed before the @',
    );
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    return fail(
      `${value} is not a valid email address (misplaced dot in the local part)`,
      'dots may not start, end or repeat in the part before the @',
    );
  }
  return undefined;
}

/** `email`: local part kept exactly, domain validated and lowercased. */
export function checkEmail(value: string): Checked {
  const at = value.lastIndexOf('@');
  if (at < 0)
    return fail(`${value} is not an email address (no @)`, 'write it as local@domain, e.g. billing@evil.example');
  const local = value.slice(0, at);
  const problem = checkLocalPart(value, local);
  if (problem) return problem;
  const domain = canonicaliseDomain(value.slice(at + 1));
  return domain.ok ? pass(`${local}@${domain.value}`) : failWithin(value, domain);
}
