import { describe, expect, it } from 'vitest';
import { formatProblem, formatProblemReport } from '../../../src/lib/problems/format-problems.ts';
import { createError, createWarning } from '../../../src/lib/problems/problem.ts';

const missing = createError({
  file: 'content/detections/x.md',
  line: 2,
  field: 'severity',
  message: 'required',
  hint: 'one of informational, low, medium, high, critical',
});
const duplicate = createWarning({
  file: 'content/detections/a.md',
  line: 9,
  field: 'iocs[1].value',
  message: 'duplicate of iocs[0] on line 8 (evil[.]example)',
  hint: 'remove one of the two; the indicator is shown once',
});
const parse = createError({
  file: 'content/detections/x.md',
  line: 12,
  column: 7,
  field: 'queries[0]',
  message: 'unexpected token',
});

describe('formatProblem', () => {
  it('prints one readable line per problem (F15)', () => {
    expect(formatProblem(missing)).toMatchInlineSnapshot(
      `"content/detections/x.md:2: severity: required (one of informational, low, medium, high, critical)"`,
    );
    expect(formatProblem(duplicate)).toMatchInlineSnapshot(
      `"content/detections/a.md:9: warning: iocs[1].value: duplicate of iocs[0] on line 8 (evil[.]example) (remove one of the two; the indicator is shown once)"`,
    );
    expect(formatProblem(parse)).toMatchInlineSnapshot(`"content/detections/x.md:12:7: queries[0]: unexpected token"`);
  });
});

describe('formatProblemReport', () => {
  it('sorts by file and line and ends with a count', () => {
    expect(formatProblemReport([parse, missing, duplicate], 2)).toMatchInlineSnapshot(`
      "content/detections/a.md:9: warning: iocs[1].value: duplicate of iocs[0] on line 8 (evil[.]example) (remove one of the two; the indicator is shown once)
      content/detections/x.md:2: severity: required (one of informational, low, medium, high, critical)
      content/detections/x.md:12:7: queries[0]: unexpected token
      huntbook: 2 writeups checked, 2 errors, 1 warning"
    `);
  });

  it('says so when there is nothing to report', () => {
    expect(formatProblemReport([], 1)).toBe('huntbook: 1 writeup checked, no problems');
  });
});
