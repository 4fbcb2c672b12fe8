import { describe, expect, it } from 'vitest';
import { loadCollection } from '../../../src/lib/content/load-collection.ts';
import { buildIocJson } from '../../../src/lib/export/ioc-exports.ts';
import { importFiles } from '../../../src/lib/import/import-files.ts';
import { catalog, checkDraft, ROOT } from './helpers.ts';
import { join } from 'node:path';

// Exports round-trip: a writeup's IOC JSON, imported back, gives the same indicators.
describe('importing a Huntbook IOC export', () => {
  const { writeups } = loadCollection(join(ROOT, 'content/detections'), ROOT, catalog);
  const withIocs = writeups.filter((writeup) => writeup.iocs.length > 0);

  it.each(withIocs.map((writeup) => [writeup.id, writeup] as const))('gives back the IOCs of %s', (_id, writeup) => {
    const text = JSON.stringify(buildIocJson(writeup), null, 2);
    const result = importFiles('huntbook', [{ file: `${writeup.id}-iocs-fanged.json`, text }], {
      catalog,
      grouping: 'all',
      today: '2026-07-01',
    });
    expect(result.skipped).toEqual([]);
    const [draft] = result.drafts;
    const facts = (
      iocs: readonly {
        type: string;
        value: string;
        threat_type?: string;
        first_seen?: string;
        last_seen?: string;
        confidence?: number;
        note?: string;
      }[],
    ) =>
      iocs.map(({ type, value, threat_type, first_seen, last_seen, confidence, note }) => ({
        type,
        value,
        threat_type,
        first_seen,
        last_seen,
        confidence,
        note,
      }));
    const checked = checkDraft(draft);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(draft.id).toBe(writeup.id);
    expect(facts(checked.writeup!.iocs)).toEqual(facts(writeup.iocs));
    expect(checked.writeup).toMatchObject({
      title: writeup.title,
      summary: writeup.summary,
      severity: writeup.severity,
      malware: writeup.malware,
    });
  });

  it('refuses a file that is not a Huntbook export', () => {
    const result = importFiles('huntbook', [{ file: 'x.json', text: '{"query_status":"ok"}' }], {
      catalog,
      grouping: 'all',
      today: '2026-07-01',
    });
    expect(result.skipped).toEqual([
      { origin: 'x.json', reason: 'x.json: not a Huntbook IOC export (expected "format": "huntbook-iocs")' },
    ]);
  });
});
