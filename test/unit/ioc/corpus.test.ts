// The engine over real content: every Markdown page, Sentinel rule, feed CSV and ThreatFox file in
// ../shared/corpus. Writes test-results/ioc-corpus.txt so rejections and odd finds can be reviewed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defangIoc, defangText, findIocs, normaliseIoc } from '../../../src/lib/ioc/index.ts';
import { buildReport } from './corpus-report.ts';
import type { Hit } from './corpus-report.ts';
import { hasCorpus, readCorpus } from './corpus-sources.ts';
import type { Segment } from './corpus-sources.ts';

const REPORT = resolve(import.meta.dirname, '../../../test-results/ioc-corpus.txt');

describe.skipIf(!hasCorpus())('IOC engine over ../shared/corpus', () => {
  let segments: Segment[] = [];
  const hits: Hit[] = [];

  beforeAll(() => {
    segments = readCorpus();
    for (const segment of segments) for (const ioc of findIocs(segment.text)) hits.push({ segment, ioc });
  });

  it('reads prose, KQL blocks, rule queries and descriptions, feed CSVs and ThreatFox files', () => {
    const parts = new Set(segments.map((s) => s.part));
    for (const part of ['markdown prose', 'markdown code (kql)', 'yaml query', 'yaml description', 'csv']) {
      expect(parts).toContain(part);
    }
    expect(segments.some((s) => s.file.startsWith('threatfox/'))).toBe(true);
    expect(hits.length).toBeGreaterThan(0);
  });

  it('reports each token at its offset, with either a canonical value or a rejection', () => {
    for (const { segment, ioc } of hits) {
      expect(segment.text.slice(ioc.start, ioc.end)).toBe(ioc.raw);
      if (ioc.rejection) {
        expect(ioc.type ?? ioc.value).toBeUndefined();
        expect(ioc.rejection.message && ioc.rejection.hint).toBeTruthy();
      } else {
        expect(ioc.type && ioc.value).toBeTruthy();
      }
    }
  });

  it('every accepted value survives defangIoc and normaliseIoc unchanged', () => {
    for (const { ioc } of hits) {
      if (!ioc.type || ioc.value === undefined) continue;
      expect(normaliseIoc(defangIoc(ioc.value, ioc.type))).toEqual({ ok: true, type: ioc.type, value: ioc.value });
    }
  });

  it('nothing is left live after defangText', () => {
    for (const { text, file } of segments) {
      const live = findIocs(defangText(text)).filter((f) => f.live);
      expect(live, file).toEqual([]);
    }
  });

  it('writes the report', () => {
    const { text, summary } = buildReport(segments, hits);
    mkdirSync(resolve(REPORT, '..'), { recursive: true });
    writeFileSync(REPORT, text);
    console.log(`${summary}\nreport: ${REPORT}`);
  });
});
