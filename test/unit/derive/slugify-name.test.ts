import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { slugifyName } from '../../../src/lib/derive/slugify-name.ts';

describe('slugifyName', () => {
  it('lowercases and joins words with hyphens', () => {
    expect(slugifyName('Remcos')).toBe('remcos');
    expect(slugifyName('botnet_cc')).toBe('botnet-cc');
    expect(slugifyName('  Dead Drop -- Resolver ')).toBe('dead-drop-resolver');
    expect(slugifyName('ms17-010')).toBe('ms17-010');
  });

  it('folds accents and drops path and URL syntax', () => {
    expect(slugifyName('Žaba/Loader')).toBe('zaba-loader');
    expect(slugifyName('../../etc/passwd')).toBe('etc-passwd');
    expect(slugifyName('a%2Fb?c=d#e')).toBe('a-2fb-c-d-e');
    expect(slugifyName('C++ loader')).toBe('c-loader');
  });

  it('gives names without ASCII letters a stable fingerprint slug', () => {
    expect(slugifyName('木马')).toMatch(/^name-[0-9a-f]{8}$/);
    expect(slugifyName('木马')).toBe(slugifyName('木马'));
    expect(slugifyName('木马')).not.toBe(slugifyName('病毒'));
    expect(slugifyName('???')).toMatch(/^name-/);
  });

  it('always returns a short, URL-safe, non-empty segment', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (name) => {
        const slug = slugifyName(name);
        expect(slug).toMatch(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/);
        expect(slug.length).toBeLessThanOrEqual(64);
      }),
    );
  });
});
