import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findLiveInText } from '../../../src/lib/audit/audit-html.ts';
import { selectCandidateWords } from '../../../src/lib/audit/audit-site.ts';
import { defangIoc } from '../../../src/lib/ioc/index.ts';
import { RAW_BY_TYPE } from '../ioc/arbitraries.ts';

// The prefilter is a speed-up of the last line of defence: it must never hide a live indicator.
const filler = fc.constantFrom(
  'beacon',
  'to',
  'e.g.',
  'v1.2.3',
  'M1.42.998.998',
  '--sl-icon-size:',
  'setup.exe',
  '(',
  '—',
);
const indicator = fc.oneof(...RAW_BY_TYPE.map(([type, raw]) => raw.map((value) => ({ type, value }))));
const piece = fc.oneof(
  filler,
  indicator.map(({ value }) => value),
  indicator.map(({ type, value }) => defangIoc(value, type)),
);
const separator = fc.constantFrom(' ', '\n', '"', "'", '<', '>', '`', '="', ' (', ', ');

describe('selectCandidateWords', () => {
  it('keeps every live indicator the scanner finds in the whole text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, separator), { maxLength: 12 }), (parts) => {
        const text = parts.map(([part, sep]) => part + sep).join('');
        // Every IPv4 is reported whatever the known set, so the set of hits must survive the filter.
        const known = new Set(findLiveInText(text, new Set()).map((hit) => hit.indicator));
        const all = findLiveInText(text, known).map((hit) => hit.indicator);
        const kept = findLiveInText(selectCandidateWords(text), known).map((hit) => hit.indicator);
        expect(new Set(kept)).toEqual(new Set(all));
      }),
      { numRuns: 500 },
    );
  });

  it('drops SVG path data, versions, CSS and defanged values', () => {
    expect(selectCandidateWords('M21.64 5.5a1 0-1.41 v1.2.3 --sl-icon-size: evil[.]example 203.0.113[.]10')).toBe('');
    expect(selectCandidateWords('<p>evil.example</p> <a href="http://203.0.113.10/x">')).toBe(
      'evil.example http://203.0.113.10/x',
    );
  });
});
