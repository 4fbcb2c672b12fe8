import { describe, expect, it } from 'vitest';
import { listExportFiles } from '../../../src/lib/export/export-paths.ts';
import { formatCsv } from '../../../src/lib/export/format-csv.ts';
import { buildIocCsv, buildIocJson, FANGED_WARNING } from '../../../src/lib/export/ioc-exports.ts';
import { buildIocIndex, buildWatchlistCsv } from '../../../src/lib/export/site-ioc-exports.ts';
import { renderExportFile } from '../../../src/lib/export/render-export.ts';
import { parseCsv } from '../../../src/lib/import/parse-csv.ts';
import { loadSampleWriteups, readWriteup } from './helpers.ts';

const a = readWriteup(
  'alpha',
  `---\ntitle: Alpha\nsummary: First.\nseverity: high\ndate: 2025-01-01\niocs:\n  - { value: "203[.]0[.]113[.]10:449", threat_type: botnet_cc, first_seen: 2025-01-01, confidence: 60, note: "=HYPERLINK(\\"x\\"), with a comma" }\n  - { value: "evil[.]example" }\n---\n\n\`\`\`kql\nDeviceNetworkEvents\n| where RemoteIP in ("203.0.113.10") or RemoteUrl has_any ("evil.example")\n\`\`\`\n`,
);
const b = readWriteup(
  'beta',
  `---\ntitle: Beta\nsummary: Second.\nseverity: low\ndate: 2025-02-01\niocs:\n  - { value: "203.0.113.10:449", threat_type: payload_delivery, first_seen: 2024-12-30, last_seen: 2025-02-01, confidence: 90 }\n---\n\n\`\`\`kql title="Beta hunt"\nDeviceNetworkEvents\n| where RemoteIP in ("203.0.113.10")\n\`\`\`\n`,
);

describe('per-writeup IOC files', () => {
  it('CSV: fanged canonical values beside the defanged form, free text quoted and formula-guarded', () => {
    const rows = parseCsv(buildIocCsv(a));
    expect(rows[0]).toEqual([
      'type',
      'value',
      'defanged',
      'threat_type',
      'first_seen',
      'last_seen',
      'confidence',
      'note',
      'writeup_id',
    ]);
    expect(rows[1]).toEqual([
      'ip:port',
      '203.0.113.10:449',
      '203[.]0[.]113[.]10:449',
      'botnet_cc',
      '2025-01-01',
      '',
      '60',
      `'=HYPERLINK("x"), with a comma`,
      'alpha',
    ]);
    expect(rows[2]).toEqual(['domain', 'evil.example', 'evil[.]example', '', '', '', '', '', 'alpha']);
  });

  it('JSON: versioned, says it is fanged, and carries the writeup facts', () => {
    const json = buildIocJson(a);
    expect(json).toMatchObject({ format: 'huntbook-iocs', version: 1, fanged: true, warning: FANGED_WARNING });
    expect(json.writeup).toEqual({
      id: 'alpha',
      title: 'Alpha',
      summary: 'First.',
      severity: 'high',
      date: '2025-01-01',
      malware: [],
      url: '/detections/alpha/',
    });
    expect(json.iocs[1]).toEqual({ type: 'domain', value: 'evil.example', defanged: 'evil[.]example' });
  });

  it('lists the files of a writeup, and renders each query exactly with a final newline', () => {
    expect(listExportFiles(b).map((file) => file.path)).toEqual([
      '/exports/beta/beta-iocs-fanged.csv',
      '/exports/beta/beta-iocs-fanged.json',
      '/exports/beta/beta-stix-2.1.json',
      '/exports/beta/beta-query-1.kql',
    ]);
    const query = listExportFiles(b)[3];
    expect(query.label).toBe('Query 1: Beta hunt (.kql)');
    expect(renderExportFile(b, query).body).toBe(`${b.queries[0].text}\n`);
    expect(listExportFiles({ ...b, iocs: [] }).map((file) => file.kind)).toEqual(['stix', 'query']);
  });

  it('renders every file of every sample writeup', () => {
    for (const writeup of loadSampleWriteups()) {
      for (const file of listExportFiles(writeup))
        expect(renderExportFile(writeup, file).body.length, file.path).toBeGreaterThan(0);
    }
  });
});

describe('site-wide IOC files', () => {
  it('index: each indicator once, with every writeup that lists it', () => {
    const index = buildIocIndex([b, a]);
    expect(index).toMatchObject({ format: 'huntbook-ioc-index', version: 1, fanged: true, count: 2 });
    expect(index.iocs[1]).toEqual({
      type: 'ip:port',
      value: '203.0.113.10:449',
      defanged: '203[.]0[.]113[.]10:449',
      writeups: [
        {
          id: 'alpha',
          title: 'Alpha',
          url: '/detections/alpha/',
          threat_type: 'botnet_cc',
          first_seen: '2025-01-01',
          confidence: 60,
        },
        {
          id: 'beta',
          title: 'Beta',
          url: '/detections/beta/',
          threat_type: 'payload_delivery',
          first_seen: '2024-12-30',
          last_seen: '2025-02-01',
          confidence: 90,
        },
      ],
    });
  });

  it('watchlist: SearchKey first, ip:port split, writeup ids joined, widest dates and highest confidence', () => {
    const rows = parseCsv(buildWatchlistCsv([a, b]));
    expect(rows).toEqual([
      [
        'SearchKey',
        'IndicatorType',
        'Address',
        'Port',
        'Defanged',
        'WriteupIds',
        'ThreatTypes',
        'FirstSeen',
        'LastSeen',
        'MaxConfidence',
      ],
      ['evil.example', 'domain', '', '', 'evil[.]example', 'alpha', '', '', '', ''],
      [
        '203.0.113.10:449',
        'ip:port',
        '203.0.113.10',
        '449',
        '203[.]0[.]113[.]10:449',
        'alpha;beta',
        'botnet_cc;payload_delivery',
        '2024-12-30',
        '2025-02-01',
        '90',
      ],
    ]);
  });

  it('CSV output quotes only what must be quoted and ends rows with CRLF', () => {
    expect(
      formatCsv(
        ['a', 'b'],
        [
          ['x,y', ' lead'],
          [3, undefined],
        ],
      ),
    ).toBe('a,b\r\n"x,y"," lead"\r\n3,\r\n');
  });
});
