import { describe, expect, it } from 'vitest';
import { formatGithubAnnotation, formatProblems } from '../../../src/lib/problems/format-problems.ts';
import { createError, createWarning } from '../../../src/lib/problems/problem.ts';

const error = createError({
  file: 'content/detections/a,b.md',
  line: 4,
  column: 7,
  field: 'severity',
  message: 'unknown value "100%"',
  hint: 'one of low, high',
});
const warning = createWarning({
  file: 'content/detections/x.md',
  line: 9,
  field: 'iocs[1].value',
  message: 'duplicate\nof iocs[0]',
});

describe('npm run check -- --format github', () => {
  it('prints one annotation per problem with escaped properties and message', () => {
    expect(formatGithubAnnotation(error)).toBe(
      '::error file=content/detections/a%2Cb.md,line=4,col=7,title=huntbook%3A severity::severity: unknown value "100%25" (one of low, high)',
    );
    expect(formatGithubAnnotation(warning)).toBe(
      '::warning file=content/detections/x.md,line=9,title=huntbook%3A iocs[1].value::iocs[1].value: duplicate%0Aof iocs[0]',
    );
  });

  it('sorts like the text report and ends with its count line', () => {
    expect(formatProblems([warning, error], 2, 'github').split('\n')).toEqual([
      formatGithubAnnotation(error),
      formatGithubAnnotation(warning),
      'huntbook: 2 writeups checked, 1 error, 1 warning',
    ]);
  });
});

describe('npm run check -- --format json', () => {
  it('is a versioned document with counts and every problem as data', () => {
    expect(JSON.parse(formatProblems([warning, error], 2, 'json'))).toEqual({
      version: 1,
      writeups: 2,
      errors: 1,
      warnings: 1,
      problems: [
        {
          file: 'content/detections/a,b.md',
          line: 4,
          column: 7,
          severity: 'error',
          field: 'severity',
          message: 'unknown value "100%"',
          hint: 'one of low, high',
        },
        {
          file: 'content/detections/x.md',
          line: 9,
          severity: 'warning',
          field: 'iocs[1].value',
          message: 'duplicate\nof iocs[0]',
        },
      ],
    });
  });

  it('leaves the text format as it was', () => {
    expect(formatProblems([], 1, 'text')).toBe('huntbook: 1 writeup checked, no problems');
  });
});
