import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCollection } from '../../../src/lib/content/load-collection.ts';
import { countIocTypes } from '../../../src/lib/import/build-feed-writeups.ts';
import type { ImportKind } from '../../../src/lib/import/import-files.ts';
import { planImport, type PlannedFile } from '../../../src/lib/import/plan-import.ts';
import { formatProblem } from '../../../src/lib/problems/format-problems.ts';
import { catalog, HAS_SHARED, importPaths, listFiles, ROOT, SHARED } from './helpers.ts';

// Every real file in ../shared goes through the importer; each result must pass the checker or
// be left out with a stated reason. The counts go to test-results/import-corpus.txt.
const out = `.huntbook/import-corpus-${process.pid}`;
const report: string[] = [];

afterAll(() => {
  rmSync(join(ROOT, out), { recursive: true, force: true });
  if (report.length === 0) return;
  mkdirSync(join(ROOT, 'test-results'), { recursive: true });
  writeFileSync(
    join(ROOT, 'test-results/import-corpus.txt'),
    `${['Huntbook import over ../shared/corpus (test/unit/import/corpus.test.ts)', ...report].join('\n')}\n`,
  );
});

function runKind(kind: ImportKind, files: string[]): PlannedFile[] {
  const result = importPaths(kind, files);
  const planned = planImport(result.drafts, { outDir: `${out}/${kind}`, existing: new Map(), force: false, catalog });
  for (const file of planned.filter((item) => item.action === 'write')) {
    mkdirSync(dirname(join(ROOT, file.path)), { recursive: true });
    writeFileSync(join(ROOT, file.path), file.text);
  }
  const written = planned.filter((file) => file.action === 'write');
  const failed = planned.filter((file) => file.action === 'invalid');
  const label = (origin: string) => relative(join(SHARED, 'corpus'), join(ROOT, origin));
  report.push(
    '',
    `${kind}: ${files.length} input files -> ${written.length} writeups written and passing the check, ${failed.length} not written (checker errors), ${result.skipped.length} skipped`,
  );
  const iocs = written.flatMap((file) => file.draft.frontmatter.iocs ?? []);
  if (iocs.length) report.push(`  IOCs written: ${countIocTypes(iocs)}`);
  for (const file of failed) {
    const errors = file.problems.filter((problem) => problem.severity === 'error');
    report.push(
      `  not written ${label(file.draft.origin)}: ${errors.map((p) => formatProblem(p).replace(`${file.path}:`, 'line ')).join('; ')}`,
    );
  }
  for (const item of result.skipped) report.push(`  skipped ${label(item.origin)}: ${item.reason}`);
  const notes = new Map<string, number>();
  for (const note of written.flatMap((file) => file.draft.unmapped)) {
    const kindOfNote = note
      .replace(/ [A-Z][\w()]*(?=[,:]| \(| which)/g, ' X')
      .replace(/"[^"]*"/g, '"…"')
      .replace(/\{.*\}/g, '{…}');
    notes.set(kindOfNote, (notes.get(kindOfNote) ?? 0) + 1);
  }
  for (const [note, count] of notes) report.push(`  not mapped (${count}x): ${note}`);
  return planned;
}

function expectCheckedOrExplained(kind: ImportKind, planned: readonly PlannedFile[]): void {
  for (const file of planned) {
    if (file.action === 'invalid')
      expect(
        file.problems.some((p) => p.severity === 'error'),
        file.path,
      ).toBe(true);
    else expect(file.action).toBe('write');
  }
  const collection = loadCollection(join(ROOT, out, kind), ROOT, catalog);
  expect(collection.problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
}

describe.skipIf(!HAS_SHARED)('importing the shared corpus', () => {
  it('imports every Sentinel rule and hunting query: checked, or not written with the checker errors', () => {
    const files = listFiles(join(SHARED, 'corpus/sentinel'), /\.ya?ml$/i);
    expect(files.length).toBeGreaterThanOrEqual(33);
    const planned = runKind('sentinel', files);
    expectCheckedOrExplained('sentinel', planned);
    expect(planned.filter((file) => file.action === 'write').length).toBeGreaterThanOrEqual(25);
  }, 60_000);

  it('imports every Markdown hunting page and the seed', () => {
    const files = [
      ...listFiles(join(SHARED, 'corpus/markdown'), /\.md$/i),
      relative(ROOT, join(SHARED, 'seed/remcos-threatfox-hunt.txt')),
    ];
    expect(files.length).toBeGreaterThanOrEqual(28);
    const planned = runKind('markdown', files);
    expectCheckedOrExplained('markdown', planned);
    expect(planned.filter((file) => file.action === 'write').length).toBeGreaterThanOrEqual(22);
  }, 60_000);

  it('imports the ThreatFox files', () => {
    const planned = runKind('threatfox', listFiles(join(SHARED, 'corpus/threatfox'), /\.(json|csv)$/i));
    expectCheckedOrExplained('threatfox', planned);
    expect(planned.map((file) => file.action)).toEqual(['write']);
  });
});
