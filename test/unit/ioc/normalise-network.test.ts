import { describe, expect, it } from 'vitest';
import { classifyIoc, normaliseIoc } from '../../../src/lib/ioc/index.ts';
import type { NormaliseResult } from '../../../src/lib/ioc/index.ts';

/** Assert a rejection and return it, so message and hint can be checked. */
function expectRejected(result: NormaliseResult): { message: string; hint: string } {
  if (result.ok) throw new Error(`expected a rejection, got ${result.type} ${result.value}`);
  return result;
}

describe('normaliseIoc — IPv4', () => {
  it.each(['0.0.0.0', '198.51.100.7', '255.255.255.255', '10.0.0.1'])('accepts %s unchanged', (ip) => {
    expect(normaliseIoc(ip, 'ip')).toEqual({ ok: true, type: 'ip', value: ip });
  });

  it.each([
    ['203.0.113.300', 'octet 300 > 255'],
    ['256.1.1.1', 'octet 256 > 255'],
    ['010.1.1.1', 'octet 010 has a leading zero'],
    ['1.2.3', 'expected four dot-separated numbers'],
    ['1.2.3.4.5', 'expected four dot-separated numbers'],
    ['1.2.3.-4', 'expected four dot-separated numbers'],
    ['1..3.4', 'expected four dot-separated numbers'],
  ])('rejects %s (%s)', (ip, reason) => {
    const { message, hint } = expectRejected(normaliseIoc(ip, 'ip'));
    expect(message).toBe(`${ip} is not a valid IPv4 address (${reason})`);
    expect(hint.length).toBeGreaterThan(10);
  });

  it('suggests the un-padded address for leading zeros and warns about octal', () => {
    const { hint } = expectRejected(normaliseIoc('010.001.1.1'));
    expect(hint).toContain('10.1.1.1');
    expect(hint).toContain('octal');
  });
});

describe('normaliseIoc — IPv6', () => {
  it.each([
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['0:0:0:0:0:0:0:0', '::'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['1:0:0:2:0:0:0:3', '1:0:0:2::3'],
    ['::FFFF:192.0.2.1', '::ffff:192.0.2.1'],
    ['::ffff:c000:201', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['fe80::a:b:c:d', 'fe80::a:b:c:d'],
  ])('canonicalises %s → %s (RFC 5952)', (input, canonical) => {
    expect(normaliseIoc(input, 'ip')).toEqual({ ok: true, type: 'ip', value: canonical });
    expect(normaliseIoc(input)).toEqual({ ok: true, type: 'ip', value: canonical });
  });

  it.each([
    ['fe80::1%eth0', 'zone id'],
    ['2001:db8::1::2', ':: appears more than once'],
    ['2001:db8:1:2:3:4:5', '7 groups instead of 8'],
    ['1:2:3:4:5:6:7:8:9', '9 groups instead of 8'],
    ['1::2:3:4:5:6:7:8', 'too many groups'],
    ['2001:db8::12345', 'group "12345" is not 1–4 hex digits'],
    ['2001:db8::g', "only hex digits, ':' and an IPv4 tail are allowed"],
    ['::ffff:192.0.2.256', 'embedded IPv4 192.0.2.256 is invalid'],
    ['1.2.3.4::', 'group "1.2.3.4" is not 1–4 hex digits'],
  ])('rejects %s (%s)', (input, reason) => {
    const { message } = expectRejected(normaliseIoc(input, 'ip'));
    expect(message).toContain(input);
    expect(message).toContain(reason);
  });

  it('tells how to drop a zone id', () => {
    expect(expectRejected(normaliseIoc('fe80::1%eth0')).hint).toContain('fe80::1');
  });
});

describe('normaliseIoc — ip:port', () => {
  it.each([
    ['203.0.113.10:449', '203.0.113.10:449'],
    ['1.2.3.4:1', '1.2.3.4:1'],
    ['1.2.3.4:65535', '1.2.3.4:65535'],
    ['[2001:DB8:0::5]:8443', '[2001:db8::5]:8443'],
    ['[::1]:80', '[::1]:80'],
  ])('accepts %s → %s', (input, canonical) => {
    expect(normaliseIoc(input, 'ip:port')).toEqual({ ok: true, type: 'ip:port', value: canonical });
    expect(classifyIoc(input)).toBe('ip:port');
  });

  it.each([
    ['1.2.3.4:0', 'outside 1–65535'],
    ['1.2.3.4:65536', 'outside 1–65535'],
    ['1.2.3.4:080', 'leading zero'],
    ['1.2.3.4:', 'empty port'],
    ['1.2.3.4:http', 'not a number'],
    ['[2001:db8::5]', 'no port after the brackets'],
    ['[2001:db8::5:8443', "unclosed '['"],
    ['evil.example:443', 'evil.example is not an IP address'],
  ])('rejects %s (%s)', (input, reason) => {
    const { message } = expectRejected(normaliseIoc(input, 'ip:port'));
    expect(message).toContain(input);
    expect(message).toContain(reason);
  });

  it('rejects a bare IPv6 address followed by a port as ambiguous', () => {
    const { message, hint } = expectRejected(normaliseIoc('2001:db8::5:8443', 'ip:port'));
    expect(message).toContain('2001:db8::5:8443 is ambiguous');
    expect(hint).toContain('[2001:db8::5]:8443');
    expect(hint).toContain('ip');
  });

  it('reads the same bare text as one IPv6 address when the type is ip', () => {
    expect(normaliseIoc('2001:db8::5:8443', 'ip')).toEqual({ ok: true, type: 'ip', value: '2001:db8::5:8443' });
  });

  it('asks for brackets when a bare IPv6 with port is not itself an address', () => {
    const { hint } = expectRejected(normaliseIoc('2001:db8:1:2:3:4:5:6:443', 'ip:port'));
    expect(hint).toContain('[2001:db8:1:2:3:4:5:6]:443');
  });

  it('points a host name with a port to the url type', () => {
    expect(expectRejected(normaliseIoc('evil.example:443', 'ip:port')).hint).toContain('tcp://evil.example:443');
  });
});

describe('normaliseIoc — cidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['198.51.100.7/32', '198.51.100.7/32'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:DB8:0:0::/48', '2001:db8::/48'],
    ['fe80::/10', 'fe80::/10'],
    ['::/0', '::/0'],
    ['2001:db8::1/128', '2001:db8::1/128'],
  ])('accepts %s → %s', (input, canonical) => {
    expect(normaliseIoc(input, 'cidr')).toEqual({ ok: true, type: 'cidr', value: canonical });
    expect(classifyIoc(input)).toBe('cidr');
  });

  it('keeps host bits instead of silently moving to the network address', () => {
    expect(normaliseIoc('192.0.2.77/24')).toEqual({ ok: true, type: 'cidr', value: '192.0.2.77/24' });
  });

  it.each([
    ['10.0.0.0/33', 'prefix /33, larger than /32'],
    ['2001:db8::/129', 'prefix /129, larger than /128'],
    ['10.0.0.0/08', 'invalid prefix length "08"'],
    ['10.0.0.0/', 'invalid prefix length ""'],
    ['10.0.0.256/8', 'octet 256 > 255'],
  ])('rejects %s (%s)', (input, reason) => {
    const { message } = expectRejected(normaliseIoc(input, 'cidr'));
    expect(message).toContain(reason);
  });
});
