import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defangText } from '../../../src/lib/ioc/index.ts';
import { defangMarkdown } from '../../../src/lib/markdown/defang-markdown.ts';

// Folding lookalikes rewrites prose before it is rendered as Markdown: it must never make markup.
// A full-width `＜`, `（`, `［` or `＆` stays full-width; only the characters indicators are made of
// (letters, digits, `.`, `:`, `/`, `@`) may come out of a fold.
const pieces = fc.constantFrom(
  'evil',
  'example',
  'relay',
  '203',
  '0',
  '113',
  '22',
  'script',
  'alert',
  'javascript',
  'http',
  'x',
  '\u3002',
  '\uFF0E',
  '\uFF61',
  '\uFF1A',
  '\uFF0F',
  '\uFF20',
  '\u00AD',
  '\u200B',
  '＜',
  '＞',
  '（',
  '）',
  '［',
  '］',
  '＆',
  '＃',
  '；',
  '＊',
  '＿',
  '｀',
  '！',
  '＂',
  '＼',
  'ｅｖｉｌ',
  '２０３',
  'ｈｔｔｐ',
  ' ',
  '接続',
  '。',
);
const MARKUP = /[<>()&*_`!"\\#;]/g;
const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe('lookalike folding never makes markup', () => {
  it.each([
    'Note ＜script＞alert（1）//evil。example＜／script＞ end',
    '［evil。example］（javascript:alert（1））',
    '＆＃46；31．76．87．112',
    '＊evil。example＊ and ＿relay。example＿',
  ])('%j keeps its full-width punctuation', (input) => {
    const output = defangMarkdown(input);
    expect(output).not.toMatch(/<|\(|&|\*|_/);
    for (const mark of '＜＞（）［］＆＊＿')
      expect(count(output, new RegExp(mark, 'g'))).toBe(count(input, new RegExp(mark, 'g')));
  });

  it('adds no markup character around an indicator written with lookalikes', () => {
    const indicator = fc.constantFrom(
      'evil\u3002example',
      '２０３．０．１１３．２２',
      'ｈｔｔｐ：／／relay\uFF61example',
      'a＠evil\uFF0Eexample',
    );
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 12 }),
        indicator,
        fc.array(pieces, { maxLength: 12 }),
        (left, ioc, right) => {
          const input = [...left, ioc, ...right].join('');
          const output = defangText(input);
          expect(count(output, MARKUP)).toBe(count(input, MARKUP));
          expect(defangText(output)).toBe(output);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
