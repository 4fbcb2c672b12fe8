import type { YAMLError } from 'yaml';

// YAML's messages say what the parser saw; authors need to hear what to type instead. Hints are
// matched on the error code first and the message second, since one code covers several mistakes.
const HINTS: readonly { code?: string; message?: RegExp; hint: string }[] = [
  { message: /Comments must be separated/, hint: '`#` starts a comment; quote the value, e.g. tags: ["#c2"]' },
  { message: /Missing closing ["']quote/, hint: 'close the quote opened on this line' },
  { message: /Implicit map keys need to be followed by map values/, hint: 'put a space after the colon, e.g. author: me' },
  { message: /Unexpected scalar at node end/, hint: "a quote inside a quoted value ends it early: use the other quote kind outside, e.g. 'The \"Remcos\" hunt', or double a single quote ('Analyst''s hunt')" },
  { code: 'BAD_DQ_ESCAPE', hint: "backslashes in double quotes start escapes: use single quotes for Windows paths, e.g. 'C:\\Users\\x'" },
  { code: 'BAD_SCALAR_START', hint: 'quote values that start with @, ` or %, e.g. author: "@analyst"' },
  { code: 'BLOCK_AS_IMPLICIT_KEY', hint: 'a value that contains ": " must be quoted, e.g. note: "Source: ThreatFox"; if the next line starts a new field, indent it like its siblings' },
  { code: 'MULTILINE_IMPLICIT_KEY', hint: 'quote the value, or indent the next field like its siblings' },
  { code: 'DUPLICATE_KEY', hint: 'remove one of the two entries' },
  { code: 'TAB_AS_INDENT', hint: 'indent with spaces, not tabs' },
  { code: 'BAD_INDENT', message: /end with a [\]}]/, hint: 'close the [ or { opened on this line' },
  { code: 'BAD_INDENT', hint: 'align the entries of a list or map at the same indentation' },
  { code: 'UNEXPECTED_TOKEN', hint: 'check the quoting on this line' },
];

/** The advice for one parser error. */
export function hintForYamlError(error: YAMLError): string {
  const match = HINTS.find((entry) => (!entry.code || entry.code === error.code) && (!entry.message || entry.message.test(error.message)));
  return match?.hint ?? 'check the quoting and indentation of this line';
}

/** First line of a parser message, without the position the problem line already gives. */
export function describeYamlError(error: YAMLError): string {
  return error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/**
 * The 0-based YAML line where an unclosed quote or bracket was opened. The parser only notices at
 * the end of the value, often lines later, so the first line left unbalanced is the one to fix.
 */
export function findUnclosedLine(yamlText: string, error: YAMLError): number | undefined {
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  const bracket = /end with a ([\]}])/.exec(error.message)?.[1];
  if (!quote && !bracket) return undefined;
  const lines = yamlText.split('\n');
  let depth = 0;
  for (const [index, line] of lines.entries()) {
    if (quote) {
      if ((line.split(quote).length - 1) % 2 === 1) return index;
      continue;
    }
    const open = bracket === ']' ? '[' : '{';
    const before = depth;
    for (const char of line) depth += char === open ? 1 : char === bracket ? -1 : 0;
    if (before === 0 && depth > 0) return index;
  }
  return undefined;
}
