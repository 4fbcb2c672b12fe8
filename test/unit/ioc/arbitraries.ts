// fast-check generators for raw indicator values, shared by the property tests.
import fc from 'fast-check';
import type { IocType } from '../../../src/lib/ioc/index.ts';

const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF');

/** Randomly upper-case some characters, for inputs whose case must not matter. */
function mixCase(text: string, flips: boolean[]): string {
  return [...text].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c)).join('');
}

/** Dotted-quad IPv4 addresses. */
export const ipv4 = fc.ipV4();

/** IPv6 in the many spellings fast-check produces (compressed, padded, IPv4 tail), plus zero-heavy full forms. */
export const ipv6 = fc.oneof(
  fc.ipV6(),
  fc
    .array(fc.oneof(fc.constant(0), fc.constant(0xffff), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    })
    .map((words) => words.map((w) => w.toString(16).padStart(4, '0')).join(':')),
);

/** Valid port numbers as text. */
export const port = fc.integer({ min: 1, max: 65535 }).map(String);

/** `a.b.c.d:port` and `[v6]:port`. */
export const ipPort = fc.oneof(
  fc.tuple(ipv4, port).map(([ip, p]) => `${ip}:${p}`),
  fc.tuple(ipv6, port).map(([ip, p]) => `[${ip}]:${p}`),
);

/** IPv4 and IPv6 ranges. */
export const cidr = fc.oneof(
  fc.tuple(ipv4, fc.integer({ min: 0, max: 32 })).map(([ip, p]) => `${ip}/${p}`),
  fc.tuple(ipv6, fc.integer({ min: 0, max: 128 })).map(([ip, p]) => `${ip}/${p}`),
);

/** Host names, sometimes upper-cased, sometimes with an IDN label, sometimes with the root dot. */
export const domain = fc
  .tuple(
    fc.domain(),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    fc.option(fc.constantFrom('bücher', 'пример', '例え', 'ελληνικά'), { nil: undefined }),
    fc.boolean(),
  )
  .map(([name, flips, idn, rootDot]) => `${idn ? `${idn}.` : ''}${mixCase(name, flips)}${rootDot ? '.' : ''}`);

/** Path/query characters a URL may carry; brackets and braces are left out because `[.]`-like runs are defang tokens. */
const pathChar = fc.constantFrom(
  ..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'*+,;=:@%/".split(''),
);

/** Path, query and fragment, in any combination (possibly empty). */
export const urlTail = fc
  .tuple(
    fc.option(fc.string({ unit: pathChar, maxLength: 30 }), { nil: undefined }),
    fc.option(fc.string({ unit: pathChar, maxLength: 20 }), { nil: undefined }),
    fc.option(fc.string({ unit: pathChar, maxLength: 10 }), { nil: undefined }),
  )
  .map(
    ([path, query, fragment]) =>
      `${path === undefined ? '' : `/${path}`}${query === undefined ? '' : `?${query}`}${fragment === undefined ? '' : `#${fragment}`}`,
  )
  // A literal `hxxp://` inside a path would be read back as `http://` — the one spelling refanging cannot tell apart.
  .filter((tail) => !/hxxps?:\/\//i.test(tail));

/** URLs with assorted schemes, hosts of all three kinds, optional user-info and port. */
export const url = fc
  .tuple(
    fc.constantFrom('http', 'https', 'HTTPS', 'ftp', 'tcp', 'udp', 'ws', 'wss', 'smb', 'git+ssh'),
    fc.option(fc.constantFrom('user', 'User:Pa55', 'a.b'), { nil: undefined }),
    fc.oneof(
      domain.map((d) => d.replace(/\.$/, '')),
      ipv4,
      ipv6.map((v6) => `[${v6}]`),
    ),
    fc.option(port, { nil: undefined }),
    urlTail,
  )
  .map(([scheme, user, host, p, tail]) => `${scheme}://${user ? `${user}@` : ''}${host}${p ? `:${p}` : ''}${tail}`);

/** E-mail addresses; brace tokens like `{at}` are defang spellings, so they are left out of local parts. */
export const email = fc
  .tuple(fc.emailAddress(), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
  .filter(([address]) => !/\{(?:at|@|\.|dot)\}/i.test(address))
  .map(([address, flips]) => {
    const at = address.lastIndexOf('@');
    return `${address.slice(0, at)}@${mixCase(address.slice(at + 1), flips)}`;
  });

/** Hex digests of the exact length for each hash type, in mixed case. */
export const hash = (length: number): fc.Arbitrary<string> =>
  fc.string({ unit: hexDigit, minLength: length, maxLength: length });

/** One generator per indicator type. */
export const RAW_BY_TYPE: ReadonlyArray<readonly [IocType, fc.Arbitrary<string>]> = [
  ['ip', fc.oneof(ipv4, ipv6)],
  ['ip:port', ipPort],
  ['cidr', cidr],
  ['domain', domain],
  ['url', url],
  ['email', email],
  ['md5', hash(32)],
  ['sha1', hash(40)],
  ['sha256', hash(64)],
];

/** Any raw indicator, paired with its type. */
export const anyIoc = fc.oneof(...RAW_BY_TYPE.map(([type, raw]) => raw.map((value) => ({ type, value }))));
