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

/** The count line an author can grep for: `huntbook: 12 writeups checked, 4 errors, 1 warning`. */
export function formatProblemCount(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = `${fileCount} writeup${fileCount === 1 ? '' : 's'}`;
  return errors + warnings === 0
    ? `huntbook: ${files} checked, no problems`
    : `huntbook: ${files} checked, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}

/** The whole report: one line per problem, then a count line an author can grep for. */
export function formatProblemReport(problems: readonly Problem[], fileCount: number): string {
  return [...sortProblems(problems).map(formatProblem), formatProblemCount(problems, fileCount)].join('\n');
}

/** Output formats of `npm run check -- --format`. */
export const PROBLEM_FORMATS = ['text', 'github', 'json'] as const;
/** One of {@link PROBLEM_FORMATS}. */
export type ProblemFormat = (typeof PROBLEM_FORMATS)[number];

/** Escapes a GitHub workflow-command message: `%`, CR and LF would end or corrupt the command. */
function escapeGithubData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property, where `:` and `,` are separators too. */
function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One GitHub Actions annotation: `::error file=…,line=…,col=…,title=…::message (hint)`. */
export function formatGithubAnnotation(problem: Problem): string {
  const properties = [
    `file=${escapeGithubProperty(problem.file)}`,
    `line=${problem.line}`,
    ...(problem.column ? [`col=${problem.column}`] : []),
    `title=${escapeGithubProperty(`huntbook: ${problem.field}`)}`,
  ];
  const hint = problem.hint ? ` (${problem.hint})` : '';
  return `::${problem.severity} ${properties.join(',')}::${escapeGithubData(`${problem.field}: ${problem.message}${hint}`)}`;
}

/** Annotations for a workflow log, then the same count line as the text report. */
export function formatGithubReport(problems: readonly Problem[], fileCount: number): string {
  return [...sortProblems(problems).map(formatGithubAnnotation), formatProblemCount(problems, fileCount)].join('\n');
}

/** Shape version of the JSON report; raised on any incompatible change. */
export const PROBLEM_JSON_VERSION = 1;

/** The `--format json` document: counts, then every problem as data, sorted like the text report. */
export function formatJsonReport(problems: readonly Problem[], fileCount: number): string {
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  const report = {
    version: PROBLEM_JSON_VERSION,
    writeups: fileCount,
    errors,
    warnings: problems.length - errors,
    problems: sortProblems(problems).map(({ file, line, column, field, message, hint, severity }) => ({
      file,
      line,
      ...(column ? { column } : {}),
      severity,
      field,
      message,
      ...(hint ? { hint } : {}),
    })),
  };
  return JSON.stringify(report, null, 2);
}

/** The report in the chosen format; `text` is exactly {@link formatProblemReport}. */
export function formatProblems(problems: readonly Problem[], fileCount: number, format: ProblemFormat): string {
  if (format === 'github') return formatGithubReport(problems, fileCount);
  if (format === 'json') return formatJsonReport(problems, fileCount);
  return formatProblemReport(problems, fileCount);
}
