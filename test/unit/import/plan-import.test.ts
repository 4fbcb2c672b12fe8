import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WriteupDraft } from '../../../src/lib/import/import-types.ts';
import { planImport } from '../../../src/lib/import/plan-import.ts';
import { formatImportSummary } from '../../../src/lib/import/format-import-summary.ts';
import { catalog, FIXTURES, importPaths } from './helpers.ts';

const drafts = importPaths('threatfox', [join(FIXTURES, 'threatfox-f21.csv')]).drafts;
const plan = (list: readonly WriteupDraft[], existing = new Map<string, string>(), force = false) =>
  planImport(list, { outDir: 'content/detections', existing, force, catalog });

describe('planImport', () => {
  it('writes new writeups into the output folder', () => {
    const planned = plan(drafts);
    expect(planned.map((file) => [file.action, file.path])).toEqual([
      ['write', 'content/detections/example-rat-threatfox-hunt.md'],
      ['write', 'content/detections/otherloader-threatfox-hunt.md'],
    ]);
  });

  it('never overwrites an existing writeup, wherever it lives, unless forced', () => {
    const existing = new Map([['example-rat-threatfox-hunt', 'content/detections/rat/example-rat-threatfox-hunt.md']]);
    const kept = plan(drafts, existing)[0];
    expect(kept).toMatchObject({
      action: 'exists',
      path: 'content/detections/rat/example-rat-threatfox-hunt.md',
      overwrites: false,
    });
    expect(plan(drafts, existing, true)[0]).toMatchObject({ action: 'write', overwrites: true });
  });

  it('gives each draft of one run its own id', () => {
    expect(plan([drafts[0], drafts[0]]).map((file) => file.draft.id)).toEqual([
      'example-rat-threatfox-hunt',
      'example-rat-threatfox-hunt-2',
    ]);
  });

  it('does not write a draft the checker rejects, and says why', () => {
    const broken: WriteupDraft = { ...drafts[0], frontmatter: { ...drafts[0].frontmatter, date: '2026-02-30' } };
    const [file] = plan([broken]);
    expect(file.action).toBe('invalid');
    const summary = formatImportSummary('threatfox', [file], [{ origin: 'x.csv:3', reason: 'no ioc_value' }]);
    expect(summary).toContain('not written content/detections/example-rat-threatfox-hunt.md: the checker found errors');
    expect(summary).toContain('date: "2026-02-30" is not a valid date');
    expect(summary).toContain('skipped x.csv:3: no ioc_value');
    expect(summary.split('\n').pop()).toBe(
      'huntbook import threatfox: 0 writeups written, 0 kept, 1 failed the check, 1 skipped',
    );
  });

  it('summarises files written and IOCs per type', () => {
    const summary = formatImportSummary('threatfox', plan(drafts), []);
    expect(summary).toContain(
      'wrote content/detections/example-rat-threatfox-hunt.md (3 IOCs: 1 ip:port, 1 domain, 1 sha1; 4 queries; 3 tables)',
    );
    expect(summary).toContain('IOCs written by type: 1 ip:port, 1 domain, 1 url, 1 sha1');
  });
});
