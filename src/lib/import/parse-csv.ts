// A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks.
// Feeds are read by header name afterwards, never by position (field case F21).

/** Splits CSV text into rows of fields; CRLF and LF both end a row, a final newline adds no row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let index = 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (index < text.length) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
      index += 1;
      continue;
    }
    if (char === '"' && field.trim() === '') {
      // Whitespace before an opening quote is layout, as in `# "a","b"` header lines.
      field = '';
      quoted = true;
    } else if (char === ',') endField();
    else if (char === '\n' || char === '\r') {
      endRow();
      if (char === '\r' && text[index + 1] === '\n') index += 1;
    } else field += char;
    index += 1;
  }
  if (field !== '' || row.length > 0) endRow();
  return rows;
}

/** Pairs each row with the header by name; extra columns are kept under their names, missing ones stay undefined. */
export function readCsvRecords(header: readonly string[], rows: readonly string[][]): Record<string, string>[] {
  const names = header.map((name) => name.trim().toLowerCase());
  return rows.map((row) => {
    const record: Record<string, string> = {};
    names.forEach((name, column) => {
      if (name !== '' && row[column] !== undefined) record[name] = row[column];
    });
    return record;
  });
}
