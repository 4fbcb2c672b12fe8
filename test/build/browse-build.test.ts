import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLiveInText } from '../../src/lib/audit/audit-html.ts';
import { auditSite } from '../../src/lib/audit/audit-site.ts';
import { loadConnectorCatalog } from '../../src/lib/catalog/index.ts';
import { loadCollection } from '../../src/lib/content/load-collection.ts';
import { collectIndicatorValues } from '../../src/lib/derive/indicator-set.ts';
import type { LookupIndex } from '../../src/lib/derive/lookup-index.ts';
import { lookupKey } from '../../src/lib/derive/lookup-keys.ts';
import { slugifyName } from '../../src/lib/derive/slugify-name.ts';

// Builds the valid fixtures with "today" pinned, and checks the browse pages, freshness and the
// look-up index as a reader without JavaScript (or a crawler) would see them. The output folder is
// inside the project so concurrent test builds never share Astro's fallback server folder.
const root = process.cwd();
const content = 'test/fixtures/valid';
const out = join(root, `.huntbook/browse-site-${process.pid}`);
const TODAY = '2026-12-03';
const { writeups } = loadCollection(join(root, content), root, loadConnectorCatalog());
const read = (path: string) => readFileSync(join(out, path), 'utf8');
const tree = (path: string) => fromHtml(read(path));
const texts = (path: string, selector: string) => selectAll(selector, tree(path)).map((node) => toString(node).trim());

/** Site path of an internal link, as the static server resolves it. */
function builtFile(href: string): string {
  const path = decodeURIComponent(href.split(/[?#]/)[0] ?? '');
  return join(out, path, path.endsWith('/') ? 'index.html' : '');
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', out], {
    stdio: 'pipe',
    env: { ...process.env, TZ: 'America/Los_Angeles', HUNTBOOK_TODAY: TODAY, HUNTBOOK_STALE_DAYS: '' },
  });
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('catalog', () => {
  it('lists every writeup without JavaScript, and sends the filters from the first paint', () => {
    const rows = selectAll('table[data-writeup-table] tbody tr', tree('detections/index.html'));
    expect(rows.map((row) => row.properties.dataId).sort()).toEqual(writeups.map((w) => w.id).sort());
    // Not `hidden` then shown by the script, which pushed the table down (the browser tests check
    // that CSS hides the form when scripting is off).
    expect(select('form[data-catalog-filters]', tree('detections/index.html'))?.properties.hidden).toBeUndefined();
  });

  it('gives each row the facet values the filters read', () => {
    const row = select('tr[data-id="yaml-traps"]', tree('detections/index.html'))!;
    expect(row.properties).toMatchObject({
      dataSeverity: 'medium',
      dataStatus: 'test',
      dataFamily: 'remcos',
      dataTechnique: 'T1071.001 T1071',
      dataTactic: 'command-and-control',
      dataFreshness: 'stale',
      dataAge: 'older',
    });
  });

  it('offers every facet value with its count', () => {
    const options = texts('detections/index.html', 'select[name="technique"] option');
    expect(options).toEqual([
      'Any',
      'T1071 Application Layer Protocol (1)',
      'T1071.001 Application Layer Protocol: Web Protocols (1)',
    ]);
    const families = texts('detections/index.html', 'select[name="family"] option');
    expect(families).toContain('Remcos (2)');
  });
});

describe('index pages', () => {
  const families = [...new Set(writeups.flatMap((w) => w.malware))];
  const tags = [...new Set(writeups.flatMap((w) => w.tags))];
  const threatTypes = [
    ...new Set(writeups.flatMap((w) => w.iocs.flatMap((ioc) => (ioc.threat_type ? [ioc.threat_type] : [])))),
  ];

  it('has a page per family, tag and threat type, each listing its writeups', () => {
    for (const [base, names, pick] of [
      ['families', families, (w: (typeof writeups)[number]) => w.malware],
      ['tags', tags, (w: (typeof writeups)[number]) => w.tags],
      ['threat-types', threatTypes, (w: (typeof writeups)[number]) => w.iocs.flatMap((ioc) => ioc.threat_type ?? [])],
    ] as const) {
      expect(names.length, base).toBeGreaterThan(0);
      for (const name of names) {
        const links = selectAll('.hb-writeup-table a.hb-writeup-link', tree(`${base}/${slugifyName(name)}/index.html`));
        const expected = writeups.filter((w) => pick(w).includes(name)).map((w) => `/detections/${w.id}/`);
        expect(links.map((a) => a.properties.href).sort(), `${base}/${name}`).toEqual(expected.sort());
      }
      const counts = texts(`${base}/index.html`, '.hb-facet-table tbody tr');
      expect(counts).toHaveLength(names.length);
    }
  });

  it('names each technique and its tactic from the reference data, parents included', () => {
    expect(texts('techniques/T1071.001/index.html', 'h1')).toEqual([
      'T1071.001 Application Layer Protocol: Web Protocols',
    ]);
    expect(texts('techniques/T1071.001/index.html', '.hb-meta .hb-chip')).toEqual(['Command and Control']);
    expect(read('techniques/T1071/index.html')).toContain('href="/detections/yaml-traps/"');
    expect(texts('techniques/index.html', 'h2')).toContain('Command and Control TA0011');
  });

  it('links every chip on a writeup page to a page that exists', () => {
    for (const { id } of writeups) {
      const hrefs = selectAll('.hb-meta a', tree(`detections/${id}/index.html`)).map((a) => String(a.properties.href));
      for (const href of hrefs) expect(existsSync(builtFile(href)), `${id}: ${href}`).toBe(true);
    }
  });

  it('has no broken internal link on any browse page or guide', () => {
    const pages = [
      'index.html',
      'detections/index.html',
      'lookup/index.html',
      'families/index.html',
      'tags/index.html',
      'threat-types/index.html',
      'techniques/index.html',
      'techniques/T1071/index.html',
      ...['start-here', 'reading-a-writeup', 'ioc-types-and-defanging', 'sentinel-tables-and-connectors']
        .concat(['false-positives-and-exclusions', 'submitting-a-writeup', 'glossary'])
        .map((slug) => `guides/${slug}/index.html`),
    ];
    for (const page of pages) {
      const hrefs = selectAll('main a[href^="/"]', tree(page)).map((a) => String(a.properties.href));
      // The seed writeup is not part of the fixtures; guides may name it.
      const broken = hrefs.filter(
        (href) => !href.startsWith('/detections/remcos-threatfox-hunt/') && !existsSync(builtFile(href)),
      );
      expect(broken, page).toEqual([]);
    }
  });
});

describe('freshness', () => {
  it('shows ages from the pinned day, a stale badge, the last commit day and a first-seen timeline', () => {
    const page = 'detections/yaml-traps/index.html';
    expect(texts(page, '.hb-ioc-table .hb-age')).toEqual(['2 years ago', '2 years ago']);
    expect(texts(page, '.hb-meta .hb-fresh--stale')).toEqual(['Stale IOCs']);
    const lastCommit = execFileSync('git', ['log', '-1', '--format=%cs', '--', `${content}/yaml-traps.md`], {
      encoding: 'utf8',
    }).trim();
    if (lastCommit) expect(read(page)).toContain(`<time datetime="${lastCommit}">${lastCommit}</time>`);
    expect(selectAll('svg.hb-timeline__chart rect.hb-timeline__bar', tree(page))).toHaveLength(2);
    expect(texts(page, '.hb-timeline figcaption')[0]).toMatch(/^2 IOCs first seen between 2024-02-28 and 2024-03-01/);
  });

  it('draws no timeline and no badge for a writeup without dated indicators', () => {
    expect(select('.hb-timeline', tree('detections/minimal/index.html'))).toBeUndefined();
    expect(select('.hb-fresh', tree('detections/minimal/index.html'))).toBeUndefined();
  });
});

describe('IOC look-up index and search', () => {
  const readIndex = () => JSON.parse(read('lookup/iocs.json')) as LookupIndex;

  it('keys every indicator by its canonical value, defanged', () => {
    const index = readIndex();
    for (const writeup of writeups) {
      for (const ioc of writeup.iocs) {
        const entries = index.indicators[lookupKey(ioc.type, ioc.value)] ?? [];
        expect(
          entries.map((entry) => index.writeups[entry.writeup]?.id),
          ioc.value,
        ).toContain(writeup.id);
      }
    }
  });

  it('holds no live indicator, and neither does any page or the search index', () => {
    const indicators = collectIndicatorValues(writeups);
    expect(findLiveInText(read('lookup/iocs.json'), indicators)).toEqual([]);
    expect(auditSite(out, indicators)).toEqual([]);
  });

  it('keeps the catalog, the look-up and the list pages out of the search index', () => {
    for (const page of [
      'index.html',
      'detections/index.html',
      'lookup/index.html',
      'families/index.html',
      'tags/index.html',
    ]) {
      expect(read(page), page).not.toContain('data-pagefind-body');
    }
    expect(read('detections/mixed-fanging/index.html')).toContain('data-pagefind-body');
  });

  it('indexes the words of a live URL without any live URL', () => {
    const words = selectAll('[data-search-words]', tree('detections/mixed-fanging/index.html')).map((node) =>
      String(node.properties.dataSearchWords),
    );
    expect(words.length).toBeGreaterThan(0);
    for (const text of words) expect(text).not.toMatch(/[.:/@[\]]/);
  });
});
