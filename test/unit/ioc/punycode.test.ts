import { domainToASCII, domainToUnicode } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodePunycodeLabel, toAsciiDomain, toUnicodeDomain } from '../../../src/lib/ioc/punycode.ts';

describe('punycode without node:url', () => {
  it.each([
    ['bücher.example', 'xn--bcher-kva.example'],
    ['пример.испытание', 'xn--e1afmkfd.xn--80akhbyknj4f'],
    ['例え.テスト', 'xn--r8jz45g.xn--zckzah'],
  ])('%s ⇄ %s', (unicode, ascii) => {
    expect(toAsciiDomain(unicode)).toBe(ascii);
    expect(toUnicodeDomain(ascii)).toBe(unicode);
  });

  it('rejects labels that are not punycode', () => {
    expect(decodePunycodeLabel('xn--a')).toBeUndefined();
    expect(decodePunycodeLabel('xn--zz!')).toBeUndefined();
  });

  it('agrees with Node on generated Unicode labels', () => {
    const label = fc.string({ unit: fc.constantFrom(...'abcüöéßпрдмж例テス'), minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(label, (text) => {
        const name = `${text}.example`;
        const ascii = domainToASCII(name);
        if (ascii === '') return;
        expect(toAsciiDomain(name)).toBe(ascii);
        expect(toUnicodeDomain(ascii)).toBe(domainToUnicode(ascii));
      }),
      { numRuns: 300 },
    );
  });
});
