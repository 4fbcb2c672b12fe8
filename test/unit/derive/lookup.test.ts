import { describe, expect, it } from 'vitest';
import { findLiveInText } from '../../../src/lib/audit/audit-html.ts';
import { collectIndicatorValues } from '../../../src/lib/derive/indicator-set.ts';
import { buildLookupIndex, findNamingQueries } from '../../../src/lib/derive/lookup-index.ts';
import { hostOf, lookupKey, parentDomainKeys } from '../../../src/lib/derive/lookup-keys.ts';
import { matchIndicator } from '../../../src/lib/derive/lookup-match.ts';
import { readPastedIndicators } from '../../../src/lib/derive/read-pasted.ts';
import { normaliseIoc } from '../../../src/lib/ioc/index.ts';
import type { Ioc } from '../../../src/lib/schema/ioc-schema.ts';
import { loadViews } from './load-views.ts';

const views = loadViews('content/detections');
const index = buildLookupIndex(views);

/** Looks text up as the page does: read, normalise, match. */
function lookUp(text: string) {
  return readPastedIndicators(text).indicators.map((found) => matchIndicator(index, found.type, found.value));
}

describe('lookup keys', () => {
  it('are the canonical value, defanged', () => {
    expect(lookupKey('ip:port', '31.76.87.112:7716')).toBe('31[.]76[.]87[.]112:7716');
    expect(lookupKey('url', 'http://www.evil.example/a')).toBe('hxxp[://]www[.]evil[.]example/a');
    expect(lookupKey('sha256', 'ab'.repeat(32))).toBe('ab'.repeat(32));
  });

  it('name the host of addresses and URLs, and the parents of a domain', () => {
    expect(hostOf('ip:port', '[2001:db8::5]:8443')).toEqual({ type: 'ip', key: '2001[:]db8[:][:]5' });
    expect(hostOf('url', 'https://login.evil.example/a')).toEqual({ type: 'domain', key: 'login[.]evil[.]example' });
    expect(hostOf('url', 'http://192.0.2.130/x')).toEqual({ type: 'ip', key: '192[.]0[.]2[.]130' });
    expect(hostOf('md5', 'a'.repeat(32))).toBeUndefined();
    expect(parentDomainKeys('a[.]b[.]evil[.]example')).toEqual(['b[.]evil[.]example', 'evil[.]example']);
  });
});

describe('buildLookupIndex', () => {
  it('holds no live indicator, only defanged keys and values', () => {
    const json = JSON.stringify(index);
    const views2 = views.map((view) => view.writeup);
    expect(findLiveInText(json, collectIndicatorValues(views2))).toEqual([]);
    expect(Object.keys(index.indicators).length).toBe(views.reduce((n, v) => n + v.iocs.length, 0));
  });

  it('records every writeup and query that names an indicator', () => {
    const [entry] = index.indicators['31[.]76[.]87[.]112:7716'];
    expect(index.writeups[entry.writeup]?.id).toBe('remcos-threatfox-hunt');
    expect(entry).toMatchObject({ type: 'ip:port', queries: [0, 1], threatType: 'botnet_cc' });
    // The key already is the display form; only an IDN would carry its own.
    expect(entry).not.toHaveProperty('shown');
    expect(index.hosts['31[.]76[.]87[.]112']).toEqual(['31[.]76[.]87[.]112:7716']);
    const url = index.indicators['hxxp[://]www[.]iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea[.]com'][0];
    expect(url.queries).toEqual([0]);
  });

  it('matches a query only on the whole indicator, not inside a longer one', () => {
    const ioc = { type: 'ip', value: '5.252.177.2' } as Ioc;
    const query = (text: string) => [{ index: 0, text, line: 1 }];
    expect(findNamingQueries(ioc, query('dynamic(["5.252.177.25"])'))).toEqual([]);
    expect(findNamingQueries(ioc, query('dynamic(["5.252.177.2", "x"])'))).toEqual([0]);
    const host = { type: 'ip:port', value: '198.51.100.7:443' } as Ioc;
    expect(findNamingQueries(host, query('RemoteIP == "198.51.100.7"'))).toEqual([0]);
    const v6 = { type: 'ip', value: '2001:db8::1' } as Ioc;
    expect(findNamingQueries(v6, query('"2001:db8::10"'))).toEqual([]);
  });
});

describe('matchIndicator', () => {
  it('finds an indicator typed fanged, defanged or half-defanged', () => {
    for (const text of [
      '31.76.87.112:7716',
      '31[.]76[.]87[.]112:7716',
      '31[.]76.87[.]112:7716',
      '31(dot)76(dot)87(dot)112:7716',
    ]) {
      const [result] = lookUp(text);
      expect(
        result?.exact.map((hit) => hit.writeup.id),
        text,
      ).toEqual(['remcos-threatfox-hunt']);
    }
  });

  it('shows the same address with another port, or none, as related rather than exact', () => {
    const [bare] = lookUp('31.76.87.112');
    expect(bare?.exact).toEqual([]);
    expect(bare?.related.map((hit) => [hit.relation, hit.entry.shown])).toEqual([
      ['same-address', '31[.]76[.]87[.]112:7716'],
    ]);
    const [otherPort] = lookUp('31.76.87.112:443');
    expect(otherPort?.related.map((hit) => hit.entry.shown)).toEqual(['31[.]76[.]87[.]112:7716']);
  });

  it('finds a listed parent domain for a sub-domain, and the URLs on a host', () => {
    const [sub] = lookUp('cdn.akamaicontainer.com');
    expect(sub?.related.map((hit) => [hit.relation, hit.entry.shown])).toEqual([
      ['parent-domain', 'akamaicontainer[.]com'],
    ]);
    const [host] = lookUp('www.iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea.com');
    expect(host?.related.map((hit) => hit.relation)).toEqual(['same-host', 'parent-domain']);
  });

  it('reports a miss as a miss', () => {
    const [miss] = lookUp('198.51.100.7');
    expect(miss).toMatchObject({ type: 'ip', shown: '198[.]51[.]100[.]7', exact: [], related: [] });
  });
});

describe('readPastedIndicators', () => {
  it('reads every indicator in a paragraph from a chat, once each, in order', () => {
    const text =
      'FW-01 blocked 31[.]76[.]87[.]112:7716 (again!), then the host resolved AKAMAICONTAINER[.]com; ' +
      'hash 71B6A493388E7D0B40C83CE903BC6B04, see e.g. BackupService.exe. Also 31.76.87.112:7716.';
    expect(readPastedIndicators(text).indicators).toEqual([
      { type: 'ip:port', value: '31.76.87.112:7716' },
      { type: 'domain', value: 'akamaicontainer.com' },
      { type: 'md5', value: '71b6a493388e7d0b40c83ce903bc6b04' },
    ]);
  });

  it('takes a bare value alone on its line even where prose would not count it', () => {
    expect(readPastedIndicators('evil.zip\nhxxps://evil[.]example/gate').indicators).toEqual([
      { type: 'domain', value: 'evil.zip' },
      { type: 'url', value: 'https://evil.example/gate' },
    ]);
  });

  it('reads indicators pasted with lookalike dots or full-width digits, alone or in a sentence', () => {
    const text = 'relay\u3002example\n中継サーバーはrelay\uFF61exampleと２０３．０．１１３．２２に接続';
    expect(readPastedIndicators(text).indicators).toEqual([
      { type: 'domain', value: 'relay.example' },
      { type: 'ip', value: '203.0.113.22' },
    ]);
  });

  it('explains indicator-shaped text it cannot read, and never shows it live', () => {
    const { indicators, unread } = readPastedIndicators('198.51.100.263\n198[.]51[.]100[.]7:99999');
    expect(indicators).toEqual([]);
    // An octet over 255 is no address, so defanging leaves it as written; a valid host is defanged.
    expect(unread.map((token) => token.shown)).toEqual(['198.51.100.263', '198[.]51[.]100[.]7:99999']);
    expect(unread[0]?.reason).toMatch(/263/);
  });

  it('agrees with the build-time normaliser on every bundled indicator', () => {
    for (const view of views) {
      for (const ioc of view.iocs) {
        const [found] = readPastedIndicators(ioc.defanged).indicators;
        const direct = normaliseIoc(ioc.value, ioc.type);
        expect(found, ioc.defanged).toEqual({ type: ioc.type, value: direct.ok ? direct.value : '' });
      }
    }
  });
});
