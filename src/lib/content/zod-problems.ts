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
export function convertZodIssues(
  issues: readonly Issue[],
  file: string,
  locate: (path: readonly PropertyKey[]) => number,
  data?: unknown,
): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') return describeUnknownKeys(issue, file, locate);
    const field = formatFieldPath(issue.path);
    const params = (issue as { params?: { hint?: string } }).params;
    return [createError({ file, line: locate(issue.path), field: field || 'frontmatter', message: describeIssue(issue, readAt(data, issue.path)), hint: params?.hint ?? hintForField(field) })];
  });
}

/** The value the author wrote at `path`; zod issues do not carry it. */
function readAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    // A single value where a list belongs is read as a one-item list, as the schema does.
    if (typeof key === 'number' && !Array.isArray(value)) value = key === 0 ? value : undefined;
    else value = value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return value;
}

function describeValue(value: unknown): string {
  return Array.isArray(value) ? 'a list' : value !== null && typeof value === 'object' ? 'a map' : `"${String(value)}"`;
}

function describeIssue(issue: Issue, written: unknown): string {
  if (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && written === undefined)) {
    if (written === undefined) return 'required';
    const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
    if (expected === 'object') return `must be a map of \`field: value\` entries, not ${describeValue(written)}`;
    if (expected === 'array') return `must be a list, not ${describeValue(written)}`;
    return `must be text, not ${describeValue(written)}`;
  }
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
