import { describe, expect, it } from 'vitest';
import type { Writeup } from '../../../src/lib/content/validate-writeup.ts';
import { createError, createWarning } from '../../../src/lib/problems/problem.ts';
import { describeBrokenFiles } from '../../../src/loader/detections-loader.ts';

const problem = (file: string, line = 3) =>
  createError({ file, line, field: 'severity', message: 'unknown value "urgent"', hint: 'one of low, high' });

describe('describeBrokenFiles', () => {
  it('keeps each broken file with all its problems, warnings included, in line order', () => {
    const warning = createWarning({
      file: 'c/a.md',
      line: 9,
      field: 'iocs[1].value',
      message: 'duplicate',
      hint: 'remove one',
    });
    expect(describeBrokenFiles([warning, problem('c/a.md')], [])).toEqual([
      {
        broken: true,
        file: 'c/a.md',
        problems: [
          'c/a.md:3: severity: unknown value "urgent" (one of low, high)',
          'c/a.md:9: warning: iocs[1].value: duplicate (remove one)',
        ],
        errorCount: 1,
      },
    ]);
  });

  it('leaves out files with warnings only, ids a valid writeup holds, and names with no address', () => {
    const valid = [{ id: 'taken' } as Writeup];
    const problems = [
      createWarning({ file: 'c/fine.md', line: 2, field: 'x', message: 'm', hint: 'h' }),
      problem('other/taken.md'),
      problem('c/.md'),
      problem('c/50%off.md'),
      problem('c/two words.md'),
    ];
    expect(describeBrokenFiles(problems, valid)).toEqual([]);
  });
});
