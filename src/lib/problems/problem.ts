/** How bad a problem is: errors stop `npm run check` and the build, warnings are printed only. */
export type Severity = 'error' | 'warning';

/**
 * One thing wrong with the content. Problems stay data until `format-problems.ts` prints them,
 * so tests compare fields, not strings, and every caller reports the same way.
 */
export interface Problem {
  /** Path of the content file, relative to the project root, with `/` separators. */
  file: string;
  /** 1-based line in the file (frontmatter lines count from the opening `---`). */
  line: number;
  /** 1-based column, when the problem points inside a line. */
  column?: number;
  /** Dotted field path such as `iocs[2].value`, or a pseudo-field like `body` or `yaml`. */
  field: string;
  /** What is wrong, naming the offending value where there is one. */
  message: string;
  /** How to fix it, in the author's terms. */
  hint?: string;
  /** Errors fail the build; warnings do not. */
  severity: Severity;
}

/** Builds an error problem; the common case reads shorter at call sites. */
export function createError(problem: Omit<Problem, 'severity'>): Problem {
  return { ...problem, severity: 'error' };
}

/** Builds a warning problem. */
export function createWarning(problem: Omit<Problem, 'severity'>): Problem {
  return { ...problem, severity: 'warning' };
}

/** True when any problem in the list must stop the build. */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}
