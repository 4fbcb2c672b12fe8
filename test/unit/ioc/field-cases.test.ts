// Regressions from real writeups (F-numbers are the field-case ids).
import { describe, expect, it } from 'vitest';
import { classifyIoc, defangIoc, defangValue, normaliseIoc, refangText } from '../../../src/lib/ioc/index.ts';

describe('field cases', () => {
  it('F01: every dot of an IPv4 address is defanged', () => {
    expect(defangIoc('198.51.100.7', 'ip')).toBe('198[.]51[.]100[.]7');
    expect(defangValue('198.51.100.7')).toBe('198[.]51[.]100[.]7');
  });

  it('F02: an e-mail local part starting with "http" is never rewritten', () => {
    expect(normaliseIoc('httpalerts@example.com')).toEqual({
      ok: true,
      type: 'email',
      value: 'httpalerts@example.com',
    });
    expect(defangIoc('httpalerts@example.com', 'email')).toBe('httpalerts@example[.]com');
    expect(refangText('httpalerts@example[.]com')).toBe('httpalerts@example.com');
  });

  it('F03: "dot" inside a label is not a defanged dot', () => {
    expect(refangText('hxxp://login[.]dot-cdn[.]example')).toBe('http://login.dot-cdn.example');
    expect(refangText('WWW[.]MDOT[.]EXAMPLE/pay')).toBe('WWW.MDOT.EXAMPLE/pay');
  });

  it('F04: IPv6 ranges and defanged IPv6 survive refanging', () => {
    expect(normaliseIoc('2001:db8::/32')).toEqual({ ok: true, type: 'cidr', value: '2001:db8::/32' });
    expect(refangText('2001:db8::/32')).toBe('2001:db8::/32');
    expect(refangText('2001[:]db8[:][:]1')).toBe('2001:db8::1');
    for (const v6 of ['2001:db8::1', '::1', 'fe80::a:b:c:d', '2001:db8:0:1:1:1:1:1', '::ffff:192.0.2.1']) {
      expect(refangText(defangIoc(v6, 'ip'))).toBe(v6);
    }
  });

  it('F05: ip:port is classified as such and never gets a scheme', () => {
    expect(classifyIoc('203.0.113.10:449')).toBe('ip:port');
    const shown = defangIoc('203.0.113.10:449', 'ip:port');
    expect(shown).toBe('203[.]0[.]113[.]10:449');
    expect(shown).not.toMatch(/hxxp/i);
  });

  it('F06: HXXPS is refanged to https, and non-http schemes keep their name', () => {
    expect(normaliseIoc('HXXPS[://]evil[.]example/a')).toEqual({
      ok: true,
      type: 'url',
      value: 'https://evil.example/a',
    });
    expect(defangIoc('tcp://c2.example.net:8989/x', 'url')).toBe('tcp[://]c2[.]example[.]net:8989/x');
  });

  it('F07: partly defanged input is completed, never double-bracketed', () => {
    const result = normaliseIoc('hxxp://192.0.2[.]130/img.cgi');
    expect(result).toEqual({ ok: true, type: 'url', value: 'http://192.0.2.130/img.cgi' });
    expect(defangValue('hxxp://192.0.2[.]130/img.cgi')).toBe('hxxp[://]192[.]0[.]2[.]130/img.cgi');
    expect(defangValue('evil[.]example')).toBe('evil[.]example');
    expect(defangValue('evil[.]example')).not.toContain('[[');
  });

  it('F08: an octet above 255 is rejected as an invalid IPv4 address', () => {
    const result = normaliseIoc('203.0.113.300', 'ip');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/not a valid IPv4 address/);
      expect(result.message).toContain('203.0.113.300');
      expect(result.message).toContain('300 > 255');
      expect(result.hint).toContain('0–255');
    }
  });

  it('F09: the trailing root dot does not make a different domain', () => {
    const withDot = normaliseIoc('evil.example.');
    const without = normaliseIoc('evil.example');
    expect(withDot).toEqual({ ok: true, type: 'domain', value: 'evil.example' });
    expect(withDot).toEqual(without);
  });

  it('F19: hashes and domains are lowercased', () => {
    expect(normaliseIoc('3395856CE81F2B7382DEE72602F798B642F14140', 'sha1')).toEqual({
      ok: true,
      type: 'sha1',
      value: '3395856ce81f2b7382dee72602f798b642f14140',
    });
    expect(normaliseIoc('EVIL.EXAMPLE')).toEqual({ ok: true, type: 'domain', value: 'evil.example' });
  });
});
