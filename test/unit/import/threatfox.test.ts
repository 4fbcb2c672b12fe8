import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readThreatFox } from '../../../src/lib/import/read-threatfox.ts';
import { readFileSync } from 'node:fs';
import { checkDraft, FIXTURES, HAS_SHARED, importPaths, iocKeys, SHARED } from './helpers.ts';

const F21 = join(FIXTURES, 'threatfox-f21.csv');

describe('ThreatFox CSV export read by header name (F21)', () => {
  const read = readThreatFox(readFileSync(F21, 'utf8'), 'threatfox-f21.csv');

  it('reads an ip:port row despite an extra column: confidence 100, "None" as absent, pair split', () => {
    expect(read.shape).toBe('csv-export');
    const record = read.records.find((r) => r.type === 'ip:port');
    expect(record).toMatchObject({
      value: '203.0.113.10:449',
      address: '203.0.113.10',
      port: 449,
      confidence: 100,
      aliases: [],
      references: [],
      threat_type: 'botnet_cc',
      first_seen: '2025-03-02',
      malware: 'ExampleRAT',
      malwareKey: 'win.examplerat',
    });
  });

  it('makes values canonical and reads "None" confidence as absent', () => {
    const hash = read.records.find((r) => r.type === 'sha1');
    expect(hash?.value).toBe('3395856ce81f2b7382dee72602f798b642f14140');
    expect(hash?.confidence).toBeUndefined();
    expect(read.records.find((r) => r.type === 'url')?.value).toBe('https://dl.evil.example/a.bin');
  });

  it('skips a row that does not validate, saying why', () => {
    expect(read.skipped).toHaveLength(1);
    expect(read.skipped[0].origin).toMatch(/threatfox-f21\.csv:\d+/);
    expect(read.skipped[0].reason).toContain('203.0.113.300');
  });
});

describe('ThreatFox import', () => {
  it('writes one checked writeup per malware family, each IOC once', () => {
    const result = importPaths('threatfox', [F21]);
    expect(result.drafts.map((d) => d.id)).toEqual(['example-rat-threatfox-hunt', 'otherloader-threatfox-hunt']);
    const [rat] = result.drafts;
    expect(iocKeys(rat.frontmatter.iocs ?? [])).toEqual([
      'domain c2.evil.example',
      'ip:port 203.0.113.10:449',
      'sha1 3395856ce81f2b7382dee72602f798b642f14140',
    ]);
    expect(rat.frontmatter).toMatchObject({ malware: ['ExampleRAT'], severity: 'high', date: '2025-03-02' });
    expect(result.skipped.map((s) => s.reason)).toContainEqual(
      expect.stringMatching(
        /^duplicate domain c2\.evil\.example \(first read from .*threatfox-f21\.csv:\d+\), kept once$/,
      ),
    );
    for (const draft of result.drafts) {
      const checked = checkDraft(draft);
      expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });

  it('generates a query that lists the address and the port of an ip:port (F05)', () => {
    const [rat] = importPaths('threatfox', [F21]).drafts;
    expect(rat.body).toContain('let malicious_ips = dynamic(["203.0.113.10"]);');
    expect(rat.body).toContain('let c2_ports = dynamic([449]);');
    expect(rat.body).not.toContain('http://203.0.113.10');
    expect(rat.body).toMatch(/SHA1 in~ \(malicious_sha1\)/);
  });

  it('groups by threat type, or puts everything in one writeup', () => {
    expect(importPaths('threatfox', [F21], 'threat-type').drafts.map((d) => d.id)).toEqual([
      'botnet-cc-threatfox-hunt',
      'payload-threatfox-hunt',
      'payload-delivery-threatfox-hunt',
    ]);
    const [all] = importPaths('threatfox', [F21], 'all').drafts;
    expect(all.id).toBe('threatfox-hunt');
    expect(all.frontmatter.iocs).toHaveLength(4);
  });
});

describe.skipIf(!HAS_SHARED)('the three ThreatFox shapes and the seed', () => {
  const shapes = ['api.json', 'export.json', 'export.csv'].map((suffix) =>
    join(SHARED, `corpus/threatfox/remcos-2026-06.${suffix}`),
  );

  it('give the same IOCs, with the same threat type, first-seen day and confidence', () => {
    const imported = shapes.map((file) => importPaths('threatfox', [file]).drafts);
    for (const drafts of imported) expect(drafts.map((d) => d.id)).toEqual(['remcos-threatfox-hunt']);
    const iocs = imported.map(([draft]) => draft.frontmatter.iocs);
    expect(iocs[1]).toEqual(iocs[0]);
    expect(iocs[2]).toEqual(iocs[0]);
    expect(iocs[0]).toHaveLength(5);
    expect(iocs[0]?.[0]).toEqual({
      type: 'ip:port',
      value: '31.76.87.112:7716',
      threat_type: 'botnet_cc',
      first_seen: '2026-06-15',
      last_seen: undefined,
      confidence: 75,
      note: undefined,
    });
    const seed = importPaths('markdown', [join(SHARED, 'seed/remcos-threatfox-hunt.txt')]).drafts[0];
    expect(iocKeys(seed.frontmatter.iocs ?? [])).toEqual(iocKeys(iocs[0] ?? []));
    const metadata = (list: (typeof iocs)[0]) =>
      (list ?? []).map(({ value, threat_type, first_seen, confidence }) => ({
        value,
        threat_type,
        first_seen,
        confidence,
      }));
    expect(metadata(seed.frontmatter.iocs).sort((a, b) => a.value.localeCompare(b.value))).toEqual(
      metadata(iocs[0]).sort((a, b) => a.value.localeCompare(b.value)),
    );
  });

  it('each pass the checker', () => {
    for (const file of shapes) {
      const [draft] = importPaths('threatfox', [file]).drafts;
      expect(checkDraft(draft).problems).toEqual([]);
    }
  });
});
