// Pages pasted from chat tools or exported from notebooks carry structure without Markdown:
// a KQL query as bare lines, a pipe table without its leading `|`, `Scenario:` / `Description:`
// lines. Markdown reads all of that as one paragraph; this splits such text back into blocks.

/** A run of lines recognised as one kind of content. */
export type LooseBlock =
  | { kind: 'prose'; lines: string[] }
  | { kind: 'query'; lines: string[] }
  | { kind: 'table'; header: string[]; rows: string[][] }
  | { kind: 'field'; name: string; value: string };

const SEPARATOR_ROW = /^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const FIELD = /^(Scenario|Description|Filter\/Exclusion|Exclusion|Filter|Malware Family)\s*:\s*(.*)$/i;
const QUERY_START = /^\s*(\/\/|let\s+\w+\s*=|union\b|search\b|datatable\b|externaldata\b|print\b)/;
const TABLE_NAME = /^\s*[A-Z][A-Za-z0-9_]*\s*$/;
const QUERY_CONTINUE = /^\s*(\||\/\/|let\s|\)|\(|,|and\b|or\b|on\b|\$left|\]|\[)|^\s{2,}\S/;

/** Cells of a pipe-table row, with or without the outer pipes. */
export function splitTableRow(line: string): string[] {
  return line
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map((cell) => cell.trim());
}

function isTableStart(lines: readonly string[], index: number): boolean {
  return lines[index].includes('|') && SEPARATOR_ROW.test(lines[index + 1] ?? '') && !SEPARATOR_ROW.test(lines[index]);
}

/** A table name on its own line starts a query only when the next line is a pipe operator. */
function isQueryStart(lines: readonly string[], index: number): boolean {
  if (QUERY_START.test(lines[index])) return true;
  return (
    TABLE_NAME.test(lines[index]) && /^\s*\|\s*[a-z-]+/.test(lines[index + 1] ?? '') && !isTableStart(lines, index + 1)
  );
}

/** Splits loose lines into prose, bare queries, pipe tables and `Name: value` fields. */
export function splitLooseLines(lines: readonly string[]): LooseBlock[] {
  const blocks: LooseBlock[] = [];
  let index = 0;
  const pushProse = (line: string) => {
    const last = blocks[blocks.length - 1];
    if (last?.kind === 'prose') last.lines.push(line);
    else blocks.push({ kind: 'prose', lines: [line] });
  };
  while (index < lines.length) {
    const line = lines[index];
    if (isTableStart(lines, index)) {
      const header = splitTableRow(line);
      const rows: string[][] = [];
      index += 2;
      // A row has as many cells as the header; a KQL `| where …` line has one and ends the table.
      while (
        index < lines.length &&
        lines[index].includes('|') &&
        splitTableRow(lines[index]).length >= header.length - 1 &&
        splitTableRow(lines[index]).length > 1
      ) {
        rows.push(splitTableRow(lines[index]));
        index++;
      }
      blocks.push({ kind: 'table', header, rows });
      continue;
    }
    const field = FIELD.exec(line);
    if (field) {
      blocks.push({ kind: 'field', name: field[1].toLowerCase(), value: field[2].trim() });
      index++;
      continue;
    }
    if (isQueryStart(lines, index)) {
      const query: string[] = [line];
      index++;
      let sawStatement = !/^\s*\/\//.test(line);
      while (index < lines.length && !isTableStart(lines, index) && !FIELD.test(lines[index])) {
        const next = lines[index];
        // A comment after the query body opens the next query, as in pasted multi-query notes.
        if (/^\s*\/\//.test(next) && sawStatement) break;
        if (!(QUERY_CONTINUE.test(next) || isQueryStart(lines, index) || (!sawStatement && TABLE_NAME.test(next))))
          break;
        if (!/^\s*\/\//.test(next)) sawStatement = true;
        query.push(next);
        index++;
      }
      blocks.push({ kind: 'query', lines: query });
      continue;
    }
    pushProse(line);
    index++;
  }
  return blocks;
}
