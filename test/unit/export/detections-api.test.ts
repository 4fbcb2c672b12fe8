import { describe, expect, it } from 'vitest';
import { buildDetectionsApi } from '../../../src/lib/export/detections-api.ts';
import { listExportFiles } from '../../../src/lib/export/export-paths.ts';
import { presentWriteup, sortByRecency } from '../../../src/lib/derive/present-writeup.ts';
import { catalog, loadSampleWriteups } from './helpers.ts';

describe('/api/detections.json', () => {
  const views = sortByRecency(loadSampleWriteups().map((writeup) => presentWriteup(writeup, catalog)));
  const api = JSON.parse(JSON.stringify(buildDetectionsApi(views))) as ReturnType<typeof buildDetectionsApi>;

  it('is versioned and says its indicators are live', () => {
    expect(api).toMatchObject({ format: 'huntbook-detections', version: 1, fanged: true, count: views.length });
    expect(api.detections.map((d) => d.id)).toEqual(views.map((view) => view.writeup.id));
  });

  it('carries what each page shows: metadata, IOCs, queries, tables with connectors, false positives', () => {
    const seed = api.detections.find((d) => d.id === 'remcos-threatfox-hunt')!;
    expect(seed).toMatchObject({
      url: '/detections/remcos-threatfox-hunt/',
      severity: 'high',
      malware: ['Remcos'],
      updated: '2026-06-15',
    });
    expect(seed.iocs[0]).toMatchObject({
      type: 'ip:port',
      value: '31.76.87.112:7716',
      defanged: '31[.]76[.]87[.]112:7716',
      confidence: 75,
    });
    expect(seed.queries.map((q) => q.file)).toEqual([
      '/exports/remcos-threatfox-hunt/remcos-threatfox-hunt-query-1.kql',
      '/exports/remcos-threatfox-hunt/remcos-threatfox-hunt-query-2.kql',
    ]);
    expect(seed.tables.map((t) => [t.table, t.connector?.id])).toEqual([
      ['CommonSecurityLog', views.find((v) => v.writeup.id === 'remcos-threatfox-hunt')!.tables[0].connector?.id],
      ['DeviceNetworkEvents', 'MicrosoftThreatProtection'],
    ]);
    expect(seed.false_positives).toHaveLength(5);
    expect(seed.exports.stix).toBe('/exports/remcos-threatfox-hunt/remcos-threatfox-hunt-stix-2.1.json');
  });

  it('matches the writeups: same queries byte for byte, same export paths', () => {
    for (const view of views) {
      const record = api.detections.find((d) => d.id === view.writeup.id)!;
      expect(record.queries.map((q) => q.text)).toEqual(view.writeup.queries.map((q) => q.text));
      const paths = listExportFiles(view.writeup).map((file) => file.path);
      for (const path of [record.exports.iocs_csv, record.exports.iocs_json, record.exports.stix].filter(Boolean))
        expect(paths).toContain(path);
      expect(Object.values(record).includes(null)).toBe(false);
    }
  });
});
