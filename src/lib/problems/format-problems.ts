import type { Problem } from './problem.ts';

/** Orders problems the way an author fixes them: by file, then top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      (a.column ?? 0) - (b.column ?? 0) ||
      a.field.localeCompare(b.field) ||
      a.message.localeCompare(b.message),
  );
}

/** `path:line[:col]: field: message (hint)`, with `warning: ` in front of warnings. */
export function formatProblem(problem: Problem): string {
  const place = problem.column ? `${problem.line}:${problem.column}` : `${problem.line}`;
  const hint = problem.hint ? ` (${problem.hint})` : '';
  const level = problem.severity === 'warning' ? 'warning: ' : '';
  return `${problem.file}:${place}: ${level}${problem.field}: ${problem.message}${hint}`;
}

/** The whole report: one line per problem, then a count line an author can grep for. */
export function formatProblemReport(problems: readonly Problem[], fileCount: number): string {
  const lines = sortProblems(problems).map(formatProblem);
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = `${fileCount} writeup${fileCount === 1 ? '' : 's'}`;
  lines.push(
    errors + warnings === 0
      ? `huntbook: ${files} checked, no problems`
      : `huntbook: ${files} checked, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return lines.join('\n');
}
