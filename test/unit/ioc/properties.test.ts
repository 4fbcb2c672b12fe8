import { isIPv4, isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defangIoc, defangText, defangValue, normaliseIoc, refangText } from '../../../src/lib/ioc/index.ts';
import type { IocType } from '../../../src/lib/ioc/index.ts';
import { RAW_BY_TYPE, anyIoc, ipv4, ipv6, port } from './arbitraries.ts';

const LIVE_IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/;
/** `://` that is not the defanged `[://]`. */
const LIVE_SEPARATOR = /(?<!\[):\/\//;
const DOUBLE_BRACKETED = /\[\[(?:\.|:|:\/\/)\]\]/;
const RUNS = { numRuns: 400 };

/** Canonical value of a raw input that must validate as `type`. */
function canonical(raw: string, type: IocType): string {
  const result = normaliseIoc(raw, type);
  if (!result.ok) throw new Error(`${type} ${raw} rejected: ${result.message}`);
  return result.value;
}

describe.each(RAW_BY_TYPE)('%s properties', (type, raw) => {
  it('accepts generated values, and the canonical form is a fixed point', () => {
    fc.assert(
      fc.property(raw, (value) => {
        const v = canonical(value, type);
        expect(normaliseIoc(v, type)).toEqual({ ok: true, type, value: v });
        expect(normaliseIoc(v)).toEqual({ ok: true, type, value: v });
      }),
      RUNS,
    );
  });

  it('normaliseIoc(defangIoc(v)) gives back v and its type', () => {
    fc.assert(
      fc.property(raw, (value) => {
        const v = canonical(value, type);
        expect(normaliseIoc(defangIoc(v, type))).toEqual({ ok: true, type, value: v });
        expect(refangText(defangIoc(v, type))).toBe(v);
      }),
      RUNS,
    );
  });

  it('a defanged value has no live dotted IPv4 and no ://', () => {
    fc.assert(
      fc.property(raw, (value) => {
        const shown = defangValue(value, type);
        expect(shown).not.toMatch(LIVE_IPV4);
        expect(shown).not.toMatch(LIVE_SEPARATOR);
        expect(shown).not.toMatch(DOUBLE_BRACKETED);
      }),
      RUNS,
    );
  });
});

describe('defangValue', () => {
  it('is idempotent on indicators and on their defanged forms', () => {
    fc.assert(
      fc.property(anyIoc, ({ value }) => {
        const once = defangValue(value);
        expect(defangValue(once)).toBe(once);
      }),
      RUNS,
    );
  });

  it('is idempotent on arbitrary text made of defang-prone characters', () => {
    const unit = fc.constantFrom(
      ...'.:/@[](){}hxtpsdoa019 -'.split(''),
      'dot',
      'at',
      'hxxp',
      '[.]',
      '[:]',
      '[://]',
      'evil',
      'example',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 24 }), (text) => {
        const once = defangValue(text);
        expect(defangValue(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('address parsing agrees with Node', () => {
  it('IPv4 validity matches net.isIPv4 on dotted digit strings', () => {
    const octet = fc.oneof(fc.integer({ min: 0, max: 300 }).map(String), fc.stringMatching(/^0\d{1,2}$/));
    const dotted = fc.array(octet, { minLength: 3, maxLength: 5 }).map((parts) => parts.join('.'));
    fc.assert(
      fc.property(dotted, (text) => {
        expect(normaliseIoc(text, 'ip').ok).toBe(isIPv4(text));
      }),
      { numRuns: 1000 },
    );
  });

  it('IPv6 validity matches net.isIPv6 on strings of hex digits, colons and dots', () => {
    const unit = fc.constantFrom(...'0123456789abcdefABCDEF'.split(''), ':', ':', ':', '::', '.');
    const text = fc.oneof(
      ipv6,
      fc.string({ unit, minLength: 2, maxLength: 40 }).filter((s) => s.includes(':')),
    );
    fc.assert(
      fc.property(text, (candidate) => {
        expect(normaliseIoc(candidate, 'ip').ok).toBe(isIPv6(candidate));
      }),
      { numRuns: 3000 },
    );
  });

  it('IPv6 canonical form matches the WHATWG URL serialiser (RFC 5952) outside IPv4-mapped addresses', () => {
    fc.assert(
      fc.property(ipv6, (text) => {
        const v = canonical(text, 'ip');
        const whatwg = new URL(`http://[${text}]/`).hostname.slice(1, -1);
        if (v.startsWith('::ffff:') && v.includes('.')) {
          expect(canonical(whatwg, 'ip')).toBe(v);
        } else {
          expect(v).toBe(whatwg);
        }
      }),
      RUNS,
    );
  });
});

describe('defangText properties', () => {
  const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
  const punctuation = fc.constantFrom(',', '.', ';', ':', '(', ')', '!', '—');
  const host = fc.tuple(
    fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/),
    fc.constantFrom('com', 'net', 'example', 'ru', 'io', 'xyz'),
  );
  const knownDomain = host.map(([label, tld]) => `${label}.${tld}`);
  const textUrl = fc
    .tuple(
      fc.constantFrom('http', 'https', 'tcp', 'ftp'),
      fc.oneof(knownDomain, ipv4),
      fc.option(port, { nil: undefined }),
      fc.stringMatching(/^(\/[a-z0-9._-]*[a-z0-9])?$/),
    )
    .map(([scheme, h, p, path]) => `${scheme}://${h}${p ? `:${p}` : ''}${path}`);
  const tagged =
    (type: IocType) =>
    (value: string): { type: IocType; value: string } => ({ type, value });
  const indicator = fc.oneof(
    ipv4.map(tagged('ip')),
    fc.tuple(ipv4, port).map(([ip, p]) => tagged('ip:port')(`${ip}:${p}`)),
    // Prose IPv6 needs a digit (so `dead::beef` stays a word); judge that on the canonical text that is embedded.
    ipv6
      .map((v6) => canonical(v6, 'ip'))
      .filter((v6) => /\d/.test(v6))
      .map(tagged('ip')),
    knownDomain.map(tagged('domain')),
    textUrl.map(tagged('url')),
    knownDomain.map((d) => tagged('email')(`alerts.team@${d}`)),
  );
  const fragment = fc.oneof(
    word.map((text) => ({ text, shown: undefined as string | undefined })),
    punctuation.map((text) => ({ text, shown: undefined as string | undefined })),
    indicator.map(({ type, value }) => ({ text: value, shown: defangIoc(value, type) })),
  );
  const paragraph = fc.array(fragment, { maxLength: 12 });

  it('defangs every embedded indicator, changes nothing else, and is idempotent', () => {
    fc.assert(
      fc.property(paragraph, (fragments) => {
        const text = fragments.map((f) => f.text).join(' ');
        const once = defangText(text);
        expect(defangText(once)).toBe(once);
        expect(refangText(once)).toBe(text);
        expect(once).not.toMatch(LIVE_SEPARATOR);
        expect(once).not.toMatch(LIVE_IPV4);
        for (const { shown } of fragments) if (shown) expect(once).toContain(shown);
      }),
      RUNS,
    );
  });
});
