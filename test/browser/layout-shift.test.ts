import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/launch-browser.ts';
import { serveStatic } from '../helpers/serve-static.ts';

// Runs against the built site in dist/ (or HUNTBOOK_DIST), as a reader's browser would load it.
const site = resolve(process.env.HUNTBOOK_DIST ?? 'dist');
const SEED = '/detections/remcos-threatfox-hunt/';
const PAGES = [
  ['home', '/'],
  ['catalog', '/detections/'],
  ['seed', SEED],
  ['lookup', '/lookup/'],
  ['guide', '/guides/start-here/'],
] as const;
const DEVICES = [
  ['desktop', { width: 1280, height: 800 }],
  ['phone', { width: 390, height: 844 }],
] as const;
const SCHEMES = ['light', 'dark'] as const;
// Lighthouse's "good" CLS, and the page budget of a writeup page (KB of 1,024 bytes, as sent, uncompressed).
const GOOD_CLS = 0.1;
const HTML_BUDGET = 60 * 1024;
const JS_BUDGET = 25 * 1024;
// Long enough for Starlight's idle-time work (search box, table of contents) to have run.
const SETTLE_MS = 700;

type Viewport = (typeof DEVICES)[number][1];
type ColorScheme = (typeof SCHEMES)[number];

/** What one load of a page measured: layout shift, each shift and what moved, and the bytes it cost. */
interface Measurement {
  cls: number;
  shifts: string[];
  htmlBytes: number;
  /** Script fetched or inlined before the page finished loading. */
  jsBytes: number;
  /** Script fetched after the load event, when the browser is idle: Starlight's search UI. */
  idleJsBytes: number;
  /** Each script file and the inline scripts together, with their bytes, to show where a budget went. */
  scripts: string[];
}

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

/**
 * Runs before any page script. It adds up every shift not caused by input; that sum is never below the
 * windowed CLS Lighthouse reports, so staying under its threshold here is the stricter test.
 */
function observeLayoutShifts(): void {
  interface Shift extends PerformanceEntry {
    value: number;
    hadRecentInput: boolean;
    sources?: { node?: Node | null; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[];
  }
  const box = ({ x, y, width, height }: DOMRectReadOnly) => `${x},${y} ${width}x${height}`;
  const name = (node?: Node | null) =>
    node instanceof Element
      ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${[...node.classList].map((c) => `.${c}`).join('')}`
      : String(node?.nodeName);
  const record = {
    supported: PerformanceObserver.supportedEntryTypes.includes('layout-shift'),
    cls: 0,
    shifts: [] as string[],
  };
  (window as unknown as { hbLayoutShift: typeof record }).hbLayoutShift = record;
  if (!record.supported) return;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Shift[]) {
      if (entry.hadRecentInput) continue;
      record.cls += entry.value;
      const moves = (entry.sources ?? []).map(
        (source) => `${name(source.node)} ${box(source.previousRect)} -> ${box(source.currentRect)}`,
      );
      record.shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moves.join('; ')}`);
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * The HTML's size on the wire and every byte of script the page ran without being touched, split
 * at the load event: Starlight fetches Pagefind's search UI only once the browser is idle.
 */
function readPageWeight(): Pick<Measurement, 'htmlBytes' | 'jsBytes' | 'idleJsBytes' | 'scripts'> {
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  const all = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((entry) =>
    /\.m?js$/.test(new URL(entry.name).pathname),
  );
  const idle = all.filter((entry) => entry.startTime >= navigation.loadEventEnd);
  const files = all
    .filter((entry) => !idle.includes(entry))
    .map((entry): [string, number] => [new URL(entry.name).pathname, entry.transferSize]);
  const encoder = new TextEncoder();
  const inline = [...document.querySelectorAll('script:not([src])')]
    .filter((script) => ['', 'module', 'text/javascript'].includes(script.getAttribute('type') ?? ''))
    .reduce((sum, script) => sum + encoder.encode(script.textContent ?? '').length, 0);
  const scripts: [string, number][] = [...files, ['(inline scripts)', inline]];
  return {
    htmlBytes: navigation.transferSize,
    jsBytes: scripts.reduce((sum, [, bytes]) => sum + bytes, 0),
    idleJsBytes: idle.reduce((sum, entry) => sum + entry.transferSize, 0),
    scripts: [
      ...scripts.map(([name, bytes]) => `${name} ${bytes}`),
      ...idle.map((entry) => `after load: ${new URL(entry.name).pathname} ${entry.transferSize}`),
    ],
  };
}

/** Scrolls to the bottom and back the way a reader skims, letting each position paint. */
async function skimPage(page: Page): Promise<void> {
  for (const top of ['bottom', 'top'] as const) {
    await page.evaluate((to) => window.scrollTo(0, to === 'bottom' ? document.documentElement.scrollHeight : 0), top);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await page.waitForTimeout(300);
  }
}

/** Loads a page in a fresh context (so nothing comes from cache), skims it and reads what it measured. */
async function measurePage(path: string, viewport: Viewport, colorScheme: ColorScheme): Promise<Measurement> {
  const context = await browser.newContext({ viewport, colorScheme, deviceScaleFactor: 1 });
  try {
    await context.addInitScript(observeLayoutShifts);
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
    await page.waitForTimeout(SETTLE_MS);
    const weight = await page.evaluate(readPageWeight);
    await skimPage(page);
    const shift = await page.evaluate(
      () =>
        (window as unknown as { hbLayoutShift: { supported: boolean; cls: number; shifts: string[] } }).hbLayoutShift,
    );
    if (!shift.supported) throw new Error('this Chromium reports no layout-shift entries');
    return { cls: shift.cls, shifts: shift.shifts, ...weight };
  } finally {
    await context.close();
  }
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

describe('layout shift', () => {
  for (const [name, path] of PAGES) {
    it(`${name} (${path}) stays put while loading and scrolling, desktop and phone, light and dark`, async () => {
      const unstable: string[] = [];
      for (const colorScheme of SCHEMES) {
        for (const [device, viewport] of DEVICES) {
          const { cls, shifts, htmlBytes, jsBytes } = await measurePage(path, viewport, colorScheme);
          console.log(
            `${name} ${device} ${colorScheme}: CLS ${cls.toFixed(4)}, HTML ${kilobytes(htmlBytes)}, JS ${kilobytes(jsBytes)}`,
          );
          expect(htmlBytes, 'HTML came from the network, not a cache').toBeGreaterThan(0);
          if (cls >= GOOD_CLS)
            unstable.push(`${device} ${colorScheme}: CLS ${cls.toFixed(4)}\n  ${shifts.join('\n  ')}`);
        }
      }
      expect(unstable).toEqual([]);
    });
  }
});

describe('page weight', () => {
  it(`a writeup page stays within ${kilobytes(HTML_BUDGET)} of HTML and ${kilobytes(JS_BUDGET)} of script`, async () => {
    for (const [, viewport] of DEVICES) {
      const { htmlBytes, jsBytes, idleJsBytes, scripts } = await measurePage(SEED, viewport, 'light');
      console.log(
        `seed ${viewport.width}px: HTML ${htmlBytes} B, script ${jsBytes} B, after load ${idleJsBytes} B: ${scripts.join(', ')}`,
      );
      expect(htmlBytes).toBeGreaterThan(0);
      expect(jsBytes).toBeGreaterThan(0);
      expect(htmlBytes, `HTML of ${SEED} at ${viewport.width}px`).toBeLessThan(HTML_BUDGET);
      expect(jsBytes, `script of ${SEED} at ${viewport.width}px: ${scripts.join(', ')}`).toBeLessThan(JS_BUDGET);
      // What comes after the load event is Pagefind's UI alone (Starlight's search preloads it when idle).
      const later = scripts.filter((script) => script.startsWith('after load: '));
      expect(
        later.every((script) => /\/(ui-core|pagefind)[^/]*\.js /.test(script)),
        later.join(', '),
      ).toBe(true);
    }
  });
});
