import type { z } from 'astro/zod';
import { createError, type Problem } from '../problems/problem.ts';
import { hintForField, knownFieldsAt } from '../schema/field-hints.ts';
import { rankSimilarNames } from '../catalog/index.ts';

type Issue = z.core.$ZodIssue;

/** `['iocs', 2, 'value']` → `iocs[2].value`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

/** Turns zod issues into problems, one readable line each, never a JSON dump (F15). */
export function convertZodIssues(issues: readonly Issue[], file: string, locate: (path: readonly PropertyKey[]) => number): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return describeUnknownKeys(issue, file, locate);
    const field = formatFieldPath(issue.path);
    const params = (issue as { params?: { hint?: string } }).params;
    return [createError({ file, line: locate(issue.path), field: field || 'frontmatter', message: describeIssue(issue), hint: params?.hint ?? hintForField(field) })];
  });
}

function describeIssue(issue: Issue): string {
  if (issue.code === 'invalid_type') {
    if (issue.input === undefined) return 'required';
    if (issue.expected === 'object') return 'must be a map of `field: value` entries';
    if (issue.expected === 'array') return 'must be a list';
  }
  if (issue.code === 'invalid_union' && issue.input === undefined) return 'required';
  return issue.message;
}

function describeUnknownKeys(issue: Extract<Issue, { code: 'unrecognized_keys' }>, file: string, locate: (path: readonly PropertyKey[]) => number): Problem[] {
  const known = knownFieldsAt(formatFieldPath(issue.path));
  return issue.keys.map((key) => {
    const [nearest] = rankSimilarNames(key, known, 1);
    const hint = nearest ? `did you mean \`${nearest}\`?` : `known fields: ${known.join(', ')}`;
    const path = [...issue.path, key];
    return createError({ file, line: locate(path), field: formatFieldPath(path), message: 'unknown field', hint });
  });
}
