import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defangIoc, defangText, findIocs, normaliseIoc } from '../../../src/lib/ioc/index.ts';
import type { FoundIoc, IocType } from '../../../src/lib/ioc/index.ts';
import { hash, ipv4, ipv6, port } from './arbitraries.ts';

const RUNS = { numRuns: 400 };

/** One piece of a generated paragraph; `planted` is set for indicators, with the expected type and canonical value. */
interface Fragment {
  text: string;
  planted?: { type: IocType; value: string };
}

const word = fc.stringMatching(/^[A-Za-z]{1,8}$/);
const punctuation = fc.constantFrom(',', '.', ';', ':', '(', ')', '!', '—', 'e.g.', '1.2.3', 'setup.exe', 'dead::beef');
const knownDomain = fc
  .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,6}[a-z0-9]$/), fc.constantFrom('com', 'net', 'example', 'ru', 'io'))
  .map(([label, tld]) => `${label}.${tld}`);
const textUrl = fc
  .tuple(
    fc.constantFrom('http', 'https', 'tcp', 'ftp'),
    fc.oneof(knownDomain, ipv4),
    fc.option(port, { nil: undefined }),
    fc.stringMatching(/^(\/[a-z0-9._-]*[a-z0-9])?$/),
  )
  .map(([scheme, h, p, path]) => `${scheme}://${h}${p ? `:${p}` : ''}${path}`);

/** Canonical form of a value known to be valid. */
function canonical(raw: string, type: IocType): string {
  const result = normaliseIoc(raw, type);
  if (!result.ok) throw new Error(`${raw} rejected: ${result.message}`);
  return result.value;
}

const plant =
  (type: IocType) =>
  (raw: string): Fragment => ({ text: raw, planted: { type, value: canonical(raw, type) } });

/** Indicators as an analyst pastes them: fanged, or defanged with defangIoc. */
const indicator = fc.tuple(
  fc.oneof(
    ipv4.map(plant('ip')),
    fc.tuple(ipv4, port).map(([ip, p]) => plant('ip:port')(`${ip}:${p}`)),
    // Prose IPv6 needs a digit (so `dead::beef` stays a word), judged on the canonical text.
    ipv6
      .map((v6) => canonical(v6, 'ip'))
      .filter((v6) => /\d/.test(v6))
      .map(plant('ip')),
    knownDomain.map(plant('domain')),
    textUrl.map(plant('url')),
    knownDomain.map((d) => plant('email')(`alerts.team@${d}`)),
    hash(32).map(plant('md5')),
    hash(40).map(plant('sha1')),
    hash(64).map(plant('sha256')),
  ),
  fc.boolean(),
);
const fragment = fc.oneof(
  word.map((text): Fragment => ({ text })),
  punctuation.map((text): Fragment => ({ text })),
  indicator.map(([f, defanged]): Fragment => {
    if (!defanged || !f.planted) return f;
    return { ...f, text: defangIoc(f.planted.value, f.planted.type) };
  }),
);
const paragraph = fc.array(fragment, { maxLength: 12 });

/** The text, and where each fragment starts in it. */
function join(fragments: readonly Fragment[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const f of fragments) {
    if (text !== '') text += ' ';
    starts.push(text.length);
    text += f.text;
  }
  return { text, starts };
}

/** Every defangText rewrite, as the found live token with the text it becomes; other text must be untouched. */
function rebuildDefanged(text: string, found: readonly FoundIoc[]): string {
  let out = '';
  let from = 0;
  for (const f of found) {
    out += text.slice(from, f.start) + (f.live ? defangText(f.raw) : f.raw);
    from = f.end;
  }
  return out + text.slice(from);
}

describe('findIocs properties', () => {
  it('finds every planted indicator at its offset, with its type and canonical value', () => {
    fc.assert(
      fc.property(paragraph, (fragments) => {
        const { text, starts } = join(fragments);
        const found = findIocs(text);
        for (const [i, f] of fragments.entries()) {
          if (!f.planted) continue;
          const hit = found.find((ioc) => ioc.start === starts[i]);
          expect(hit).toMatchObject({ raw: f.text, type: f.planted.type, value: f.planted.value });
        }
      }),
      RUNS,
    );
  });

  it('every token defangText changes is found with live: true, and only those', () => {
    fc.assert(
      fc.property(paragraph, (fragments) => {
        const { text } = join(fragments);
        const found = findIocs(text);
        expect(rebuildDefanged(text, found)).toBe(defangText(text));
        for (const f of found) expect(f.live).toBe(defangText(f.raw) !== f.raw);
      }),
      RUNS,
    );
  });

  it('findIocs(defangText(t)) has no live entry, and still finds every planted indicator', () => {
    fc.assert(
      fc.property(paragraph, (fragments) => {
        const { text } = join(fragments);
        const before = findIocs(text);
        const after = findIocs(defangText(text));
        expect(after.filter((f) => f.live)).toEqual([]);
        expect(after.map((f) => f.value)).toEqual(before.map((f) => f.value));
      }),
      RUNS,
    );
  });

  it('raw is the text at start..end, and each entry has either type and value or a rejection', () => {
    const unit = fc.constantFrom(
      ...'.:/@[](){}hxtpsdoa019fe -,'.split(''),
      '[.]',
      '[:]',
      '[://]',
      '](',
      'evil',
      '.com',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 30 }), (text) => {
        for (const f of findIocs(text)) {
          expect(text.slice(f.start, f.end)).toBe(f.raw);
          expect(f.rejection === undefined).toBe(f.type !== undefined && f.value !== undefined);
        }
        expect(findIocs(defangText(text)).filter((f) => f.live)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
