import { describe, expect, it } from 'vitest';
import { parseCsv, readCsvRecords } from '../../../src/lib/import/parse-csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\nx,,z\n')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['x', '', 'z'],
    ]);
  });

  it('keeps an empty last field and adds no row for a final newline', () => {
    expect(parseCsv('a,b,\n')).toEqual([['a', 'b', '']]);
    expect(parseCsv('')).toEqual([]);
  });

  it('ignores layout before an opening quote, as in a commented header', () => {
    expect(parseCsv(' "a", "b"')).toEqual([['a', 'b']]);
  });
});

describe('readCsvRecords', () => {
  it('pairs fields with header names, whatever the column order (F21)', () => {
    const header = ['ioc_value', 'new_column', 'ioc_type'];
    expect(readCsvRecords(header, [['203.0.113.10:449', 'x', 'ip:port']])).toEqual([
      { ioc_value: '203.0.113.10:449', new_column: 'x', ioc_type: 'ip:port' },
    ]);
  });
});
