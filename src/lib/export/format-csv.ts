// RFC 4180 CSV output: CRLF rows, fields quoted only when they must be.

/** One field, quoted when it holds a comma, quote, line break or edge whitespace. */
export function formatCsvField(value: string | number | undefined): string {
  const text = value === undefined ? '' : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Free text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading
 * apostrophe. Only for prose columns such as notes and titles: indicator values are never altered.
 */
export function guardCsvText(value: string | undefined): string | undefined {
  return value !== undefined && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** A header row and data rows as one CSV document with a final CRLF. */
export function formatCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | undefined)[])[],
): string {
  return [header, ...rows].map((row) => row.map(formatCsvField).join(',')).join('\r\n') + '\r\n';
}
