import { describe, expect, it } from 'vitest';
import { refangText } from '../../../src/lib/ioc/index.ts';

describe('refangText', () => {
  it.each([
    ['evil[.]example', 'evil.example'],
    ['evil(.)example', 'evil.example'],
    ['evil{.}example', 'evil.example'],
    ['evil[dot]example', 'evil.example'],
    ['evil(DOT)example', 'evil.example'],
    ['evil{Dot}example', 'evil.example'],
    ['http[:]//evil.example', 'http://evil.example'],
    ['http[://]evil.example', 'http://evil.example'],
    ['hxxp://evil.example', 'http://evil.example'],
    ['hXXp://evil.example', 'http://evil.example'],
    ['hxxps://evil.example', 'https://evil.example'],
    ['HXXPS[://]evil[.]example', 'https://evil.example'],
    ['hXXps[:]//evil[.]example', 'https://evil.example'],
    ['billing[@]evil.example', 'billing@evil.example'],
    ['billing[at]evil[dot]example', 'billing@evil.example'],
    ['billing(at)evil(.)example', 'billing@evil.example'],
    ['billing(AT)evil[.]example', 'billing@evil.example'],
    ['2001[:]db8[:][:]1', '2001:db8::1'],
    ['[2001[:]db8[:][:]5]:8443', '[2001:db8::5]:8443'],
    ['192.0.2[.]130', '192.0.2.130'],
  ])('%s → %s', (input, expected) => {
    expect(refangText(input)).toBe(expected);
  });

  it.each([
    ['letters "dot" and "at" inside labels', 'login.dot-cdn.example', 'login.dot-cdn.example'],
    ['"at" inside a word', 'attack.atlas.example', 'attack.atlas.example'],
    ['"http" at the start of a local part', 'httpalerts@example.com', 'httpalerts@example.com'],
    ['hxxp not followed by ://', 'hxxpalerts@example.com', 'hxxpalerts@example.com'],
    ['hxxp inside a word', 'xhxxp://evil.example', 'xhxxp://evil.example'],
    ['IPv6 range ending in ::/', '2001:db8::/32', '2001:db8::/32'],
    ['IPv6 loopback in URL brackets', 'http://[::1]/', 'http://[::1]/'],
    ['unspecified IPv6 in brackets', '[::]:80', '[::]:80'],
    ['mismatched brackets', 'evil[.)example', 'evil[.)example'],
    ['plain text', 'nothing to see here', 'nothing to see here'],
  ])('leaves %s untouched', (_why, input, expected) => {
    expect(refangText(input)).toBe(expected);
  });

  it('keeps the case of everything except the hxxp scheme', () => {
    expect(refangText('WWW[.]MDOT[.]EXAMPLE/Pay?X=1')).toBe('WWW.MDOT.EXAMPLE/Pay?X=1');
    expect(refangText('HTTPS[://]EVIL[.]EXAMPLE')).toBe('HTTPS://EVIL.EXAMPLE');
  });

  it('never downgrades https', () => {
    for (const scheme of ['hxxps', 'HXXPS', 'hXXps', 'HxxPs']) {
      expect(refangText(`${scheme}[://]evil[.]example`)).toBe('https://evil.example');
    }
  });

  it('undoes defanging that was applied twice', () => {
    expect(refangText('evil[[.]]example')).toBe('evil.example');
  });

  it('is idempotent', () => {
    for (const input of ['hxxp[://]a[.]b[.]example/x', 'evil[[.]]example', '2001[:]db8[:][:]1', 'a[at]b[dot]example']) {
      const once = refangText(input);
      expect(refangText(once)).toBe(once);
    }
  });
});
