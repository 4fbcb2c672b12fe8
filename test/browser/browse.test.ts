import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexFacets } from '../../src/lib/derive/facet-index.ts';
import { loadAttackReference } from '../../src/lib/derive/attack-reference.ts';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { serveStatic } from '../helpers/serve-static.ts';
import { shootPages } from '../helpers/shoot-pages.ts';
import { loadEntries } from '../unit/derive/load-views.ts';

// Runs against a built site of the bundled content: dist/ by default (CI runs `npm run build`
// first), or HUNTBOOK_DIST (e.g. after `npm run build -- --out /tmp/browse-site`).
const root = process.cwd();
const dist = process.env.HUNTBOOK_DIST ?? join(root, 'dist');
const shots = join(root, 'test-results/screenshots');
const entries = loadEntries('content/detections');
const facets = indexFacets(entries, loadAttackReference());
const SEED = '/detections/remcos-threatfox-hunt/';

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(dist);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Ids of the catalog rows a reader can see, in display order. */
const visibleRows = (page: Page) =>
  page
    .locator('table[data-writeup-table] tbody tr:not([hidden])')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));

/** Ids of the writeups carrying both values, from the same data the build used. */
function expectedIds(first: [keyof typeof facets, string], second: [keyof typeof facets, string]): string[] {
  const ids = (facet: keyof typeof facets, slug: string) =>
    facets[facet].find((value) => value.slug === slug)?.ids ?? [];
  return ids(...first).filter((id) => ids(...second).includes(id));
}

/** Presses Tab until the focused element matches, as a keyboard-only reader would. */
async function tabTo(page: Page, selector: string): Promise<void> {
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function lookUp(page: Page, text: string): Promise<void> {
  await page.locator('#hb-lookup-input').fill(text);
  await page.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect.poll(() => page.locator('[data-lookup-summary]').textContent()).toMatch(/^(Read|No indicator)/);
}

/** Status and covering writeups of each indicator in the results, by its defanged form. */
const lookupResults = (page: Page): Promise<Record<string, { status: string | null; writeups: (string | null)[] }>> =>
  page.locator('[data-lookup-indicator]').evaluateAll((nodes) =>
    Object.fromEntries(
      nodes.map((node): [string, { status: string | null; writeups: (string | null)[] }] => [
        node.getAttribute('data-lookup-indicator') ?? '',
        {
          status: node.getAttribute('data-lookup-status'),
          writeups: [...node.querySelectorAll('[data-lookup-writeup]')].map((li) =>
            li.getAttribute('data-lookup-writeup'),
          ),
        },
      ]),
    ),
  );

describe('catalog', () => {
  it('filters by two facets, keeps them in the URL, and undoes them with the back button', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/detections/`);
    await page.locator('select[name="tag"]').selectOption('supply-chain');
    await page.locator('select[name="severity"]').selectOption('critical');
    const both = expectedIds(['tag', 'supply-chain'], ['severity', 'critical']);
    expect(both.length).toBeGreaterThan(0);
    expect((await visibleRows(page)).sort()).toEqual([...both].sort());
    expect(new URL(page.url()).search).toBe('?severity=critical&tag=supply-chain');
    await expect
      .poll(() => page.locator('[data-catalog-status]').textContent())
      .toBe(`Showing ${both.length} of ${entries.length} writeups`);

    await page.goBack();
    expect(new URL(page.url()).search).toBe('?tag=supply-chain');
    expect((await visibleRows(page)).sort()).toEqual(
      [...(facets.tag.find((t) => t.slug === 'supply-chain')?.ids ?? [])].sort(),
    );

    // A shared link opens already filtered and sorted.
    await page.goto(`${server.origin}/detections/?tactic=command-and-control&ioc-type=ip:port&sort=title`);
    const shared = expectedIds(['tactic', 'command-and-control'], ['iocType', 'ip:port']);
    const titles = entries
      .filter((e) => shared.includes(e.id))
      .sort((a, b) => a.view.title.toLowerCase().localeCompare(b.view.title.toLowerCase()));
    expect(await visibleRows(page)).toEqual(titles.map((e) => e.id));
    await expect.poll(() => page.locator('select[name="tactic"]').inputValue()).toBe('command-and-control');
    await page.close();
  });

  it('lists every writeup with JavaScript off', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${server.origin}/detections/?severity=critical`);
    expect((await visibleRows(page)).length).toBe(entries.length);
    expect(await page.locator('form[data-catalog-filters]').isVisible()).toBe(false);
    await context.close();
  });

  it('can be filtered and opened with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/detections/`);
    await tabTo(page, 'select[name="severity"]');
    await page.keyboard.press('ArrowDown');
    const first = facets.severity[0];
    await expect.poll(() => visibleRows(page)).toEqual(first.ids);
    expect(new URL(page.url()).searchParams.get('severity')).toBe(first.slug);
    await tabTo(page, 'table[data-writeup-table] a.hb-writeup-link');
    const href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
    expect(href).toBe(`/detections/${first.ids[0]}/`);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${href}`);
    await page.close();
  });
});

describe('IOC look-up', () => {
  it('finds a defanged and a fanged indicator exactly', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/lookup/`);
    await lookUp(page, '31[.]76[.]87[.]112:7716');
    expect(await lookupResults(page)).toEqual({
      '31[.]76[.]87[.]112:7716': { status: 'found', writeups: ['remcos-threatfox-hunt'] },
    });
    await lookUp(page, '5.230.69.118:8930');
    expect(await lookupResults(page)).toEqual({
      '5[.]230[.]69[.]118:8930': { status: 'found', writeups: ['remcos-threatfox-hunt'] },
    });
    // The result names the queries that cover it.
    expect(await page.locator('[data-lookup-writeup]').innerText()).toContain(
      'Hunt in Defender for Endpoint network events',
    );
    await page.close();
  });

  it('reads three indicators out of a pasted paragraph, and says which are in no writeup', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/lookup/`);
    await lookUp(
      page,
      'From the FW team: host WS-114 beaconed to 182.23.2[.]163:26972 overnight, proxy shows ' +
        'hxxp://www.iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea[.]com, and EDR flagged ' +
        '71B6A493388E7D0B40C83CE903BC6B04 (perfc.dat). Also 198.51.100.7 - probably nothing?',
    );
    expect(await lookupResults(page)).toEqual({
      '182[.]23[.]2[.]163:26972': { status: 'found', writeups: ['remcos-threatfox-hunt'] },
      'hxxp[://]www[.]iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea[.]com': {
        status: 'found',
        writeups: ['wannacry-kill-switch-and-worm-dropper', 'wannacry-kill-switch-and-worm-dropper'],
      },
      '71b6a493388e7d0b40c83ce903bc6b04': { status: 'found', writeups: ['notpetya-perfc-payload-and-ransom-mailbox'] },
      '198[.]51[.]100[.]7': { status: 'missing', writeups: [] },
    });
    expect(await page.locator('[data-lookup-summary]').textContent()).toBe(
      'Read 4 indicators: 3 found in 3 writeups, 1 in no writeup.',
    );
    // Results show indicators defanged only.
    const shown = await page.locator('[data-lookup-results]').innerText();
    expect(shown).not.toMatch(/\d+\.\d+\.\d+\.\d+|http:\/\//);
    await page.close();
  });

  it('reads internationalised names in the browser with the build’s rules', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/lookup/`);
    await lookUp(page, 'bücher.example and 31[.]76[.]87[.]112:7716');
    expect(await page.locator('[data-lookup-summary]').textContent()).toBe(
      'Read 2 indicators: 1 found in 1 writeup, 1 in no writeup.',
    );
    expect(await page.locator('.hb-lookup-missing').innerText()).toContain('xn--bcher-kva[.]example');
    await page.close();
  });

  it('works with the keyboard alone', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/lookup/`);
    await tabTo(page, '#hb-lookup-input');
    await page.keyboard.type('5[.]230[.]69[.]118:8930');
    await tabTo(page, 'button[type="submit"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-lookup-summary]').textContent()).toMatch(/^Read 1 indicator/);
    await tabTo(page, '[data-lookup-results] a');
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${SEED}`);
    await page.close();
  });
});

describe('search', () => {
  /** Types into Starlight's search dialog and returns the result links, best first. */
  async function search(page: Page, query: string): Promise<string[]> {
    await page.goto(`${server.origin}/`);
    // Starlight builds the search box once the page is idle; open the dialog only then.
    const input = page.locator('#starlight__search input');
    await input.waitFor({ state: 'attached' });
    await page.keyboard.press('Control+k');
    await input.fill(query);
    const links = page.locator('#starlight__search .pagefind-ui__result-link');
    await expect.poll(() => links.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    return links.evaluateAll((nodes) => nodes.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  }

  it('finds the seed first by an IOC value, typed fanged or defanged', async () => {
    const page = await browser.newPage();
    for (const query of ['31.76.87.112', '31[.]76[.]87[.]112:7716', '144.31.236.224:4509']) {
      expect((await search(page, query))[0], query).toBe(SEED);
    }
    // A live URL finds its writeup through the words indexed beside its defanged form.
    expect((await search(page, 'http://www.iuqerfsodp9ifjaposdfjhgosurijfaewrwergwea.com'))[0]).toBe(
      '/detections/wannacry-kill-switch-and-worm-dropper/',
    );
    expect((await search(page, 'Remcos'))[0]).toBe(SEED);
    await page.close();
  });
});

describe('screenshots', () => {
  it('of the catalog, the look-up, an index page and a guide, light and dark, desktop and phone', async () => {
    const { foreign, errors } = await shootPages(browser, server.origin, shots, [
      { name: 'catalog', path: '/detections/?severity=high' },
      {
        name: 'lookup',
        path: '/lookup/',
        prepare: async (page) => {
          await page.locator('[data-lookup-example]').click();
          await expect.poll(() => page.locator('[data-lookup-summary]').textContent()).toMatch(/^Read/);
        },
      },
      { name: 'technique', path: '/techniques/T1071/' },
      { name: 'guide', path: '/guides/start-here/' },
    ]);
    expect(foreign).toEqual([]);
    expect(errors).toEqual([]);
  });
});
