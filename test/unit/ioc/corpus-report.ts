// Building test-results/ioc-corpus.txt from what the engine found in ../shared/corpus.
import { findIocs } from '../../../src/lib/ioc/index.ts';
import type { FoundIoc } from '../../../src/lib/ioc/index.ts';
import { scanTokens } from '../../../src/lib/ioc/scan-tokens.ts';
import type { Segment } from './corpus-sources.ts';

/** One indicator found in one segment. */
export interface Hit {
  segment: Segment;
  ioc: FoundIoc;
}

/** Counts for one row of the report. */
interface Tally {
  accepted: number;
  rejected: number;
  live: number;
}

function bump(table: Map<string, Tally>, key: string, ioc: FoundIoc): void {
  const row = table.get(key) ?? { accepted: 0, rejected: 0, live: 0 };
  if (ioc.rejection) row.rejected++;
  else row.accepted++;
  if (ioc.live) row.live++;
  table.set(key, row);
}

function formatTable(title: string, table: Map<string, Tally>): string[] {
  const rows = [...table].sort(([a], [b]) => a.localeCompare(b));
  const width = Math.max(...rows.map(([key]) => key.length), 10);
  return [
    title,
    `  ${'source'.padEnd(width)}  accepted  rejected  live`,
    ...rows.map(
      ([key, t]) =>
        `  ${key.padEnd(width)}  ${String(t.accepted).padStart(8)}  ${String(t.rejected).padStart(8)}  ${String(t.live).padStart(4)}`,
    ),
    '',
  ];
}

/** Accepted indicators per type: occurrences and distinct canonical values. */
function countTypes(hits: readonly Hit[]): Map<string, { found: number; values: Set<string> }> {
  const types = new Map<string, { found: number; values: Set<string> }>();
  for (const { ioc } of hits) {
    if (!ioc.type || ioc.value === undefined) continue;
    const entry = types.get(ioc.type) ?? { found: 0, values: new Set<string>() };
    entry.found++;
    entry.values.add(ioc.value);
    types.set(ioc.type, entry);
  }
  return types;
}

/** Each rejected raw value once, with its reason and every file it came from. */
function collectRejections(hits: readonly Hit[]): Map<string, { reason: string; files: Set<string> }> {
  const rejected = new Map<string, { reason: string; files: Set<string> }>();
  for (const { segment, ioc } of hits) {
    if (!ioc.rejection) continue;
    const entry = rejected.get(ioc.raw) ?? {
      reason: `${ioc.rejection.message} (hint: ${ioc.rejection.hint})`,
      files: new Set<string>(),
    };
    entry.files.add(segment.file);
    rejected.set(ioc.raw, entry);
  }
  return rejected;
}

/** Tokens the scanner matched but findIocs set aside as prose (file names, fields, versions), per token kind. */
function collectSetAside(segments: readonly Segment[]): Map<string, Set<string>> {
  const setAside = new Map<string, Set<string>>();
  for (const { text } of segments) {
    const found = new Set(findIocs(text).map((ioc) => ioc.start));
    for (const token of scanTokens(text)) {
      if (found.has(token.start)) continue;
      const values = setAside.get(token.kind) ?? new Set<string>();
      values.add(token.core);
      setAside.set(token.kind, values);
    }
  }
  return setAside;
}

/** Distinct accepted values of the types most prone to false finds, for review. */
function listHosts(hits: readonly Hit[]): string[] {
  const values = new Set(
    hits.filter(({ ioc }) => ioc.type === 'domain' || ioc.type === 'email').map(({ ioc }) => ioc.value ?? ''),
  );
  return [...values].sort();
}

/** The report text, and a one-line summary for the test output. */
export function buildReport(segments: readonly Segment[], hits: readonly Hit[]): { text: string; summary: string } {
  const byFolder = new Map<string, Tally>();
  const byPart = new Map<string, Tally>();
  for (const { segment, ioc } of hits) {
    bump(byFolder, segment.folder, ioc);
    bump(byPart, segment.part, ioc);
  }
  const types = countTypes(hits);
  const rejected = collectRejections(hits);
  const files = new Set(segments.map((s) => s.file)).size;
  const accepted = hits.length - hits.filter((h) => h.ioc.rejection).length;
  const summary =
    `IOC corpus: ${files} files, ${segments.length} segments, ${hits.length} indicators found ` +
    `(${accepted} accepted, ${hits.length - accepted} rejected, ${rejected.size} distinct rejected values); ` +
    [...types].map(([type, t]) => `${type} ${t.found}/${t.values.size}`).join(', ');
  const lines = [
    'IOC engine over ../shared/corpus (written by test/unit/ioc/corpus.test.ts)',
    summary,
    '',
    'Accepted per type (occurrences / distinct values)',
    ...[...types]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([t, c]) => `  ${t.padEnd(8)} ${c.found} / ${c.values.size}`),
    '',
    ...formatTable('Per source folder', byFolder),
    ...formatTable('Per part of a file', byPart),
    `Rejected values (${rejected.size} distinct)`,
    ...[...rejected].map(([raw, r]) => `  ${raw}\n    ${r.reason}\n    from ${[...r.files].join('; ')}`),
    '',
    'Set aside as prose: scanned, but not indicators (distinct, per token kind)',
    ...[...collectSetAside(segments)].map(([kind, values]) => `  ${kind} (${values.size}): ${[...values].join('  ')}`),
    '',
    'Accepted domains and e-mail addresses (distinct), to review for false finds',
    ...listHosts(hits).map((value) => `  ${value}`),
    '',
  ];
  return { text: lines.join('\n'), summary };
}
