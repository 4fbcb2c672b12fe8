import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { serveStatic } from '../helpers/serve-static.ts';

// The built site in dist/ (or HUNTBOOK_DIST) under its real Content-Security-Policy.
const site = resolve(process.env.HUNTBOOK_DIST ?? 'dist');
const pages = ['/', '/detections/', '/detections/remcos-threatfox-hunt/', '/lookup/', '/guides/writeup-format/'];
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let browser: Browser;
let server: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  server = await serveStatic(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and records every request off the site, console error and script error. */
async function openWatched(page: Page, path: string, problems: string[]): Promise<void> {
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin) && !request.url().startsWith('data:'))
      problems.push(`${path}: request to ${request.url()}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${path}: console: ${message.text().slice(0, 200)}`);
  });
  page.on('pageerror', (error) => problems.push(`${path}: ${error.message}`));
  await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
}

describe('hardening', () => {
  it('every page carries a strict CSP, loads nothing from another host and breaks no rule of it', async () => {
    const problems: string[] = [];
    for (const path of pages) {
      const page = await browser.newPage();
      await openWatched(page, path, problems);
      const policy = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(policy, path).toMatch(/default-src 'self'.*script-src 'self'/);
      expect(policy, path).not.toContain('unsafe-inline');
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('search still works under the policy', async () => {
    const problems: string[] = [];
    const page = await browser.newPage();
    await openWatched(page, '/detections/remcos-threatfox-hunt/', problems);
    await page.locator('button[data-open-modal]').first().click();
    await page.locator('.pagefind-ui__search-input').fill('Remcos');
    await expect.poll(() => page.locator('.pagefind-ui__result').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious or critical accessibility violation (axe-core), light and dark', async () => {
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      // axe is injected by the test, so this context alone bypasses the page's CSP.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      for (const path of pages) {
        const page = await context.newPage();
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        await page.addScriptTag({ content: axeSource });
        const found = await page.evaluate(async () => {
          const axe = (
            window as unknown as {
              axe: {
                run: (
                  context: Document,
                  options: object,
                ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
              };
            }
          ).axe;
          const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'best-practice'] });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
            .map(
              (v) =>
                `${v.id} (${v.impact}): ${v.nodes
                  .slice(0, 3)
                  .map((n) => n.target.join(' '))
                  .join(', ')}`,
            );
        });
        violations.push(...found.map((v) => `${colorScheme} ${path}: ${v}`));
        await page.close();
      }
      await context.close();
    }
    expect(violations).toEqual([]);
  });
});
