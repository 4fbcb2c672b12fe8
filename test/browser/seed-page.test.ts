import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../src/lib/catalog/index.ts';
import { validateWriteup } from '../../src/lib/content/validate-writeup.ts';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { serveStatic } from '../helpers/serve-static.ts';

// Runs against the built site in dist/ (`npm run build` first), as a reader would use it.
const root = process.cwd();
const seedFile = 'content/detections/remcos-threatfox-hunt.md';
const seed = validateWriteup(seedFile, readFileSync(join(root, seedFile), 'utf8'), loadConnectorCatalog()).writeup!;
const shots = join(root, 'test-results/screenshots');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await serveStatic(join(root, 'dist'));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('seed writeup page', () => {
  it('copies every query exactly, with no trailing newline, CR, NBSP or entity', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.origin}/detections/${seed.id}/`);
    const buttons = page.locator('[data-query] button[data-code]');
    await expect.poll(() => buttons.count()).toBe(seed.queries.length);
    for (const [index, query] of seed.queries.entries()) {
      await page.evaluate(() => navigator.clipboard.writeText('(empty)'));
      await buttons.nth(index).click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('(empty)');
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(query.text);
      expect(copied).not.toMatch(/\r|\u00a0|&amp;|&quot;|&lt;|\n$/);
    }
    await context.close();
  });

  it('copies IOC values defanged by default, and fanged only from the labelled blocklist action', async () => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.goto(`${server.origin}/detections/${seed.id}/`);
    const readClipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await page.getByRole('button', { name: `Copy ${seed.iocs[0]!.defanged} (defanged)` }).click();
    await expect.poll(readClipboard).toBe(seed.iocs[0]!.defanged);
    await page.getByRole('button', { name: 'Copy all (defanged)' }).click();
    await expect.poll(readClipboard).toBe(seed.iocs.map((ioc) => ioc.defanged).join('\n'));
    await page.getByRole('button', { name: 'Copy all fanged, for blocklist' }).click();
    await expect.poll(readClipboard).toBe(seed.iocs.map((ioc) => ioc.value).join('\n'));
    await context.close();
  });

  it('shows every fact of the seed', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.origin}/detections/${seed.id}/`);
    const text = await page.locator('main').innerText();
    for (const ioc of seed.iocs) expect(text).toContain(ioc.defanged);
    for (const fp of seed.false_positives) {
      expect(text).toContain(fp.scenario);
      expect(text).toContain(fp.description!);
      expect(text).toContain(fp.exclusion!);
    }
    for (const table of ['CommonSecurityLog', 'DeviceNetworkEvents']) expect(text).toContain(table);
    expect(text).toContain('Ensure this data connector is enabled');
    expect(text).toContain('botnet_cc');
    expect(text).toContain('75%');
    expect(text).toContain('ThreatFox');
    expect(
      await page
        .locator('a[href^="http"]:not([href*="127.0.0.1"])')
        .evaluateAll((links) => links.map((a) => a.textContent)),
    ).not.toContainEqual(expect.stringMatching(/\d+\.\d+\.\d+\.\d+/));
    await page.close();
  });

  it('makes no request outside the site and saves screenshots (desktop and phone, light and dark)', async () => {
    const foreign: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const [name, viewport] of [
        ['desktop', { width: 1280, height: 900 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
        const page = await context.newPage();
        page.on('request', (request) => {
          if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:'))
            foreign.push(request.url());
        });
        await page.goto(`${server.origin}/detections/${seed.id}/`, { waitUntil: 'networkidle' });
        await page.screenshot({ path: join(shots, `seed-${name}-${colorScheme}.png`), fullPage: true });
        await page.goto(`${server.origin}/`, { waitUntil: 'networkidle' });
        await page.screenshot({ path: join(shots, `home-${name}-${colorScheme}.png`), fullPage: true });
        await context.close();
      }
    }
    expect(foreign).toEqual([]);
  });
});
