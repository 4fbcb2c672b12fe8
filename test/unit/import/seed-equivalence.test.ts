import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateWriteup, type Writeup } from '../../../src/lib/content/validate-writeup.ts';
import { catalog, checkDraft, HAS_SHARED, importPaths, ROOT, SHARED } from './helpers.ts';

// The seed is the note Huntbook was born from; content/detections/remcos-threatfox-hunt.md is its
// hand-made writeup. Importing the note must give the same facts.
describe.skipIf(!HAS_SHARED)('importing the seed note', () => {
  const handMadeFile = 'content/detections/remcos-threatfox-hunt.md';
  const handMade = validateWriteup(handMadeFile, readFileSync(join(ROOT, handMadeFile), 'utf8'), catalog).writeup!;
  const [draft] = importPaths('markdown', [join(SHARED, 'seed/remcos-threatfox-hunt.txt')]).drafts;
  const imported = checkDraft(draft);
  const writeup = imported.writeup as Writeup;

  it('gives a writeup that passes the checker, under the same id', () => {
    expect(imported.problems).toEqual([]);
    expect(writeup.id).toBe(handMade.id);
  });

  it('has the same IOCs, with type, threat type, first-seen day and confidence', () => {
    const facts = (w: Writeup) =>
      w.iocs.map(({ type, value, threat_type, first_seen, confidence }) => ({
        type,
        value,
        threat_type,
        first_seen,
        confidence,
      }));
    expect(facts(writeup)).toEqual(facts(handMade));
  });

  it('has the same queries, byte for byte, with the same titles', () => {
    expect(writeup.queries.map((q) => [q.title, q.text])).toEqual(handMade.queries.map((q) => [q.title, q.text]));
  });

  it('has the same tables with the same notes, and the same false positives', () => {
    expect(writeup.connectors).toEqual(handMade.connectors);
    expect(writeup.tables).toEqual(handMade.tables);
    expect(writeup.false_positives).toEqual(handMade.false_positives);
  });

  it('has the same title, summary, family, severity, source and date', () => {
    const pick = (w: Writeup) => ({
      title: w.title,
      summary: w.summary,
      malware: w.malware,
      severity: w.severity,
      source: w.source?.name,
      date: w.date,
    });
    expect(pick(writeup)).toEqual(pick(handMade));
  });
});
