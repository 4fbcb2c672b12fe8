import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';

/** One screenshot: a name, a path on the site, and what to do before the shot (e.g. fill a form). */
export interface Shot {
  name: string;
  path: string;
  prepare?: (page: Page) => Promise<void>;
}

const DEVICES = [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const;

/**
 * Screenshots every shot in light and dark, on desktop and phone, into `dir` as
 * `<name>-<device>-<scheme>.png`, and returns the requests that left the site and the script errors.
 */
export async function shootPages(browser: Browser, origin: string, dir: string, shots: readonly Shot[]) {
  const foreign: string[] = [];
  const errors: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    for (const [device, viewport] of DEVICES) {
      const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      page.on('request', (request) => {
        if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) foreign.push(request.url());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      for (const shot of shots) {
        await page.goto(`${origin}${shot.path}`, { waitUntil: 'networkidle' });
        await shot.prepare?.(page);
        await page.screenshot({ path: join(dir, `${shot.name}-${device}-${colorScheme}.png`), fullPage: true });
      }
      await context.close();
    }
  }
  return { foreign, errors };
}
