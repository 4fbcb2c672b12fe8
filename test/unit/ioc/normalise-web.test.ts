import { describe, expect, it } from 'vitest';
import { classifyIoc, displayDomain, normaliseIoc } from '../../../src/lib/ioc/index.ts';
import type { NormaliseResult } from '../../../src/lib/ioc/index.ts';

/** Assert a rejection and return it, so message and hint can be checked. */
function expectRejected(result: NormaliseResult): { message: string; hint: string } {
  if (result.ok) throw new Error(`expected a rejection, got ${result.type} ${result.value}`);
  return result;
}

describe('normaliseIoc — domain', () => {
  it.each([
    ['evil.example', 'evil.example'],
    ['EVIL.Example', 'evil.example'],
    ['evil.example.', 'evil.example'],
    ['  evil.example  ', 'evil.example'],
    ['_dmarc.evil.example', '_dmarc.evil.example'],
    ['r3---sn-abc.googlevideo.com', 'r3---sn-abc.googlevideo.com'],
    ['1.2.3.example', '1.2.3.example'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['BÜCHER.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
    [`${'a'.repeat(63)}.example`, `${'a'.repeat(63)}.example`],
  ])('accepts %s → %s', (input, canonical) => {
    expect(normaliseIoc(input, 'domain')).toEqual({ ok: true, type: 'domain', value: canonical });
    expect(classifyIoc(input)).toBe('domain');
  });

  it.each([
    ['evil..example', 'empty label'],
    ['.evil.example', 'empty label'],
    ['-evil.example', 'starts or ends with a hyphen'],
    ['evil-.example', 'starts or ends with a hyphen'],
    ['evil.exa_mple', 'contains "_"'],
    ['evil$.example', 'contains "$"'],
    ['evil.123', 'all digits'],
    ['localhost', 'single label'],
    [`${'a'.repeat(64)}.example`, '64 characters, max 63'],
    [`${'abcdefghi.'.repeat(26)}example`, 'max 253'],
    ['xn--zz.example', 'not valid punycode'],
    ['evil.example/pay', 'it has a path'],
    ['evil.example:8080', 'it has a port'],
  ])('rejects %s (%s)', (input, reason) => {
    const { message, hint } = expectRejected(normaliseIoc(input, 'domain'));
    expect(message).toContain(reason);
    expect(hint).not.toBe('');
  });

  it('says how to turn a host with a path into a url', () => {
    expect(expectRejected(normaliseIoc('evil.example/pay', 'domain')).hint).toContain('http://evil.example/pay');
  });

  it('displays punycode domains in Unicode and leaves ASCII names alone', () => {
    expect(displayDomain('xn--bcher-kva.example')).toBe('bücher.example');
    expect(displayDomain('evil.example')).toBe('evil.example');
  });
});

describe('normaliseIoc — url', () => {
  it.each([
    ['https://evil.example/a', 'https://evil.example/a'],
    ['HTTP://EVIL.EXAMPLE/Pay?ID=A%2fB#Top', 'http://evil.example/Pay?ID=A%2fB#Top'],
    ['http://evil.example', 'http://evil.example'],
    ['http://evil.example?x=1', 'http://evil.example?x=1'],
    ['http://evil.example/a/../b/./c', 'http://evil.example/a/../b/./c'],
    ['http://evil.example/ä?q=ü', 'http://evil.example/ä?q=ü'],
    ['http://User:Pass@evil.example:8080/x', 'http://User:Pass@evil.example:8080/x'],
    ['http://bank.example@203.0.113.5/login', 'http://bank.example@203.0.113.5/login'],
    ['http://[2001:DB8::1]:8443/a', 'http://[2001:db8::1]:8443/a'],
    ['tcp://c2.example.net:8989/x', 'tcp://c2.example.net:8989/x'],
    ['SMB://FileServer.Evil.Example/Share', 'smb://fileserver.evil.example/Share'],
    ['wss://evil.example/socket', 'wss://evil.example/socket'],
    ['git+ssh://evil.example/repo.git', 'git+ssh://evil.example/repo.git'],
    ['http://bücher.example/Ä', 'http://xn--bcher-kva.example/Ä'],
    ['hxxps[://]evil[.]example/a', 'https://evil.example/a'],
  ])('accepts %s → %s', (input, canonical) => {
    expect(normaliseIoc(input, 'url')).toEqual({ ok: true, type: 'url', value: canonical });
    expect(classifyIoc(input)).toBe('url');
  });

  it.each([
    ['evil.example/pay', 'has no scheme'],
    ['mailto:x', 'has no // after the scheme mailto:'],
    ['http://evil.example/a b', 'whitespace'],
    ['http:///etc/passwd', 'has no host'],
    ['http://evil.example:0/', 'outside 1–65535'],
    ['http://evil.example:/', 'empty port'],
    ['http://203.0.113.300/', 'octet 300 > 255'],
    ['http://1.2.3/', 'not a valid IPv4 address'],
    ['http://[2001:db8::g]/', 'not a valid IPv6 address'],
    ['http://localhost:8080/', 'single label'],
    ['http://evil_host.example_/', 'contains "_"'],
    ['http://[::1]x/', 'unexpected text after the IPv6 host'],
  ])('rejects %s (%s)', (input, reason) => {
    const { message } = expectRejected(normaliseIoc(input, 'url'));
    expect(message).toContain(input);
    expect(message).toContain(reason);
  });

  it('suggests a scheme for a schemeless URL', () => {
    expect(expectRejected(normaliseIoc('evil.example/pay')).hint).toContain('http://evil.example/pay');
  });
});

describe('normaliseIoc — email', () => {
  it.each([
    ['billing@evil.example', 'billing@evil.example'],
    ['Billing.Dept@EVIL.EXAMPLE', 'Billing.Dept@evil.example'],
    ['httpalerts@example.com', 'httpalerts@example.com'],
    ["o'brien+tag@evil.example", "o'brien+tag@evil.example"],
    ['billing[at]evil[.]example', 'billing@evil.example'],
    ['jürgen@bücher.example', 'jürgen@xn--bcher-kva.example'],
  ])('accepts %s → %s', (input, canonical) => {
    expect(normaliseIoc(input, 'email')).toEqual({ ok: true, type: 'email', value: canonical });
    expect(classifyIoc(input)).toBe('email');
  });

  it.each([
    ['@evil.example', 'nothing before the @'],
    ['mailto:billing@evil.example', 'starts with mailto:'],
    ['.billing@evil.example', 'misplaced dot'],
    ['bill..ing@evil.example', 'misplaced dot'],
    ['bill ing@evil.example', 'contains " "'],
    ['billing@localhost', 'single label'],
    ['billing@[192.0.2.1]', 'not a valid domain'],
    [`${'a'.repeat(65)}@evil.example`, 'local part of 65 characters'],
  ])('rejects %s (%s)', (input, reason) => {
    const { message } = expectRejected(normaliseIoc(input, 'email'));
    expect(message).toContain(reason);
  });
});

describe('normaliseIoc — hashes', () => {
  const md5 = 'D41D8CD98F00B204E9800998ECF8427E';
  const sha1 = 'DA39A3EE5E6B4B0D3255BFEF95601890AFD80709';
  const sha256 = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';

  it.each([
    ['md5', md5],
    ['sha1', sha1],
    ['sha256', sha256],
  ])('lowercases a %s and infers its type from the length', (type, hash) => {
    expect(normaliseIoc(hash, type)).toEqual({ ok: true, type, value: hash.toLowerCase() });
    expect(classifyIoc(hash)).toBe(type);
  });

  it.each([
    ['md5_hash', md5, 'md5'],
    ['SHA1_HASH', sha1, 'sha1'],
    [' sha256_hash ', sha256, 'sha256'],
  ])('accepts the alias %s', (alias, hash, type) => {
    expect(normaliseIoc(hash, alias)).toEqual({ ok: true, type, value: hash.toLowerCase() });
  });

  it('names the length found and expected, and the type that length fits', () => {
    const { message, hint } = expectRejected(normaliseIoc(sha1, 'md5'));
    expect(message).toBe(`${sha1} has 40 hex digits, but an md5 has 32`);
    expect(hint).toContain('change the type to sha1');
  });

  it('reports a truncated hash that fits no type', () => {
    const cut = sha256.slice(0, 63);
    expect(expectRejected(normaliseIoc(cut, 'sha256')).message).toBe(`${cut} has 63 hex digits, but a sha256 has 64`);
    expect(expectRejected(normaliseIoc(cut)).message).toContain('63 hex digits, which fits no hash type');
  });

  it('names the first non-hex character', () => {
    const bad = `${md5.slice(0, 31)}G`;
    expect(expectRejected(normaliseIoc(bad, 'md5')).message).toBe(`${bad} is not a valid md5 ("G" is not a hex digit)`);
  });
});

describe('normaliseIoc — declared types', () => {
  it('rejects an unknown type and lists the valid ones', () => {
    const { message, hint } = expectRejected(normaliseIoc('evil.example', 'hostname'));
    expect(message).toBe('"hostname" is not a known indicator type');
    for (const type of ['ip:port', 'ip', 'cidr', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'md5_hash']) {
      expect(hint).toContain(type);
    }
  });

  it('accepts declared types in any case', () => {
    expect(normaliseIoc('1.2.3.4', 'IP')).toEqual({ ok: true, type: 'ip', value: '1.2.3.4' });
  });

  it.each([
    ['evil.example', 'ip', 'evil.example is a domain, not an ip', 'change the type to domain'],
    ['1.2.3.4:80', 'ip', '1.2.3.4:80 is an ip:port, not an ip', 'drop the port'],
    ['1.2.3.4', 'ip:port', '1.2.3.4 is an ip, not an ip:port', '1.2.3.4:443'],
    ['2001:db8::5', 'ip:port', '2001:db8::5 is an ip, not an ip:port', '[2001:db8::5]:443'],
    ['10.0.0.1', 'cidr', '10.0.0.1 is an ip, not a cidr', '10.0.0.1/32'],
    ['10.0.0.0/8', 'ip', '10.0.0.0/8 is a cidr, not an ip', 'change the type to cidr'],
    ['http://evil.example/x', 'domain', 'http://evil.example/x is a url, not a domain', 'keep only the host name'],
    ['evil.example', 'url', 'evil.example is a domain, not a url', 'http://evil.example'],
    ['a@evil.example', 'domain', 'a@evil.example is an email, not a domain', 'part after @'],
    ['1.2.3.4', 'domain', '1.2.3.4 is an ip, not a domain', 'change the type to ip'],
  ])('%s declared as %s is a type mismatch', (value, declared, message, hintPart) => {
    const rejection = expectRejected(normaliseIoc(value, declared));
    expect(rejection.message).toBe(message);
    expect(rejection.hint).toContain(hintPart);
  });

  it('explains a broken value in terms of the declared type when it fits no other', () => {
    expect(expectRejected(normaliseIoc('203.0.113.300', 'domain')).message).toContain('all digits');
  });

  it('rejects empty values and values it cannot place', () => {
    expect(expectRejected(normaliseIoc('   ')).message).toBe('the value is empty');
    const unknown = expectRejected(normaliseIoc('just-words'));
    expect(unknown.message).toBe('cannot tell what kind of indicator just-words is');
    expect(unknown.hint).toContain('declare its type');
  });

  it('does not classify invalid values', () => {
    for (const value of ['203.0.113.300', 'evil..example', 'localhost', 'http://1.2.3/', 'deadbeef', '']) {
      expect(classifyIoc(value)).toBeUndefined();
    }
  });
});

describe('normaliseIoc — lookalike characters', () => {
  it.each([
    ['evil\u3002example', 'domain', 'evil.example'],
    ['evil\uFF0Eexample', 'domain', 'evil.example'],
    ['evil\uFF61example', 'domain', 'evil.example'],
    ['ｅｖｉｌ．ｅｘａｍｐｌｅ', 'domain', 'evil.example'],
    ['münchen\u3002example', 'domain', 'xn--mnchen-3ya.example'],
    ['１９８．５１．１００．７', 'ip', '198.51.100.7'],
    ['198.51.100.7\u00AD', 'ip', '198.51.100.7'],
    ['203.0.113.10：449', 'ip:port', '203.0.113.10:449'],
    ['198.51.100.0／24', 'cidr', '198.51.100.0/24'],
    ['user＠evil\u3002example', 'email', 'user@evil.example'],
    ['hxxps[://]evil\u200B[.]example/a', 'url', 'https://evil.example/a'],
    ['3395856CE81F2B7382DE\u200DE72602F798B642F14140', 'sha1', '3395856ce81f2b7382dee72602f798b642f14140'],
    ['\uFEFFevil.example\u2060', 'domain', 'evil.example'],
  ])('reads %j as the %s %s', (raw, type, value) => {
    expect(normaliseIoc(raw)).toEqual({ ok: true, type, value });
  });

  it('folds a URL host but sends its path as written, as browsers do', () => {
    expect(normaliseIoc('http://evil\u3002example/ｐａｙ\u3002php')).toEqual({
      ok: true,
      type: 'url',
      value: 'http://evil.example/ｐａｙ\u3002php',
    });
  });

  it('finds where the host ends before folding: a // in the query or a full-width slash', () => {
    expect(normaliseIoc('hxxp://evil\u3002example/a\u3002b?u=http://x.example/')).toEqual({
      ok: true,
      type: 'url',
      value: 'http://evil.example/a\u3002b?u=http://x.example/',
    });
    expect(normaliseIoc('http://evil\u3002example／ｐａｔｈ')).toEqual({
      ok: true,
      type: 'url',
      value: 'http://evil.example/ｐａｔｈ',
    });
  });

  it('gives a lookalike spelling and the plain one the same canonical value', () => {
    expect(normaliseIoc('evil\u3002example')).toEqual(normaliseIoc('evil.example'));
    expect(normaliseIoc('１９８．５１．１００．７', 'ip')).toEqual(normaliseIoc('198.51.100.7', 'ip'));
  });
});
