// The report `npm run import` prints: what was written, what was kept, what failed the checker,
// what was skipped and why, and how many indicators of each type went into the written files.
import { formatProblem, sortProblems } from '../problems/format-problems.ts';
import { countIocTypes } from './build-feed-writeups.ts';
import type { Skipped } from './import-types.ts';
import type { PlannedFile } from './plan-import.ts';

function plural(count: number, word: string, words = `${word}s`): string {
  return `${count} ${count === 1 ? word : words}`;
}

function describeFile(file: PlannedFile): string {
  const { iocs = [], connectors = [] } = file.draft.frontmatter;
  const queries = (file.text.match(/^(`{3,})kql\b/gm) ?? []).length;
  const iocText = iocs.length ? `${plural(iocs.length, 'IOC')}: ${countIocTypes(iocs)}` : 'no IOCs';
  return `${iocText}; ${plural(queries, 'query', 'queries')}; ${plural(connectors.length, 'table')}`;
}

/** The whole summary; `dryRun` words it as what would happen. */
export function formatImportSummary(
  kind: string,
  planned: readonly PlannedFile[],
  skipped: readonly Skipped[],
  dryRun = false,
): string {
  const lines: string[] = [];
  const verb = dryRun ? 'would write' : 'wrote';
  for (const file of planned) {
    if (file.action === 'write') {
      lines.push(
        `${verb} ${file.path} (${describeFile(file)})${file.overwrites ? ', replacing the existing file (--force)' : ''}`,
      );
      for (const note of file.draft.unmapped) lines.push(`  not mapped: ${note}`);
      for (const problem of file.problems) lines.push(`  ${formatProblem(problem)}`);
    } else if (file.action === 'exists') {
      lines.push(`kept ${file.path}: a writeup with id "${file.draft.id}" exists (pass --force to replace it)`);
    } else {
      lines.push(
        `not written ${file.path}: the checker found errors in the imported writeup (from ${file.draft.origin})`,
      );
      for (const problem of sortProblems(file.problems)) lines.push(`  ${formatProblem(problem)}`);
    }
  }
  for (const item of skipped) lines.push(`skipped ${item.origin}: ${item.reason}`);
  const written = planned.filter((file) => file.action === 'write');
  const iocs = written.flatMap((file) => file.draft.frontmatter.iocs ?? []);
  if (iocs.length) lines.push(`IOCs ${dryRun ? 'to write' : 'written'} by type: ${countIocTypes(iocs)}`);
  const kept = planned.filter((file) => file.action === 'exists').length;
  const failed = planned.filter((file) => file.action === 'invalid').length;
  lines.push(
    `huntbook import ${kind}: ${plural(written.length, 'writeup')} ${dryRun ? 'to write' : 'written'}, ${kept} kept, ${failed} failed the check, ${skipped.length} skipped`,
  );
  return lines.join('\n');
}
