import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

// Runs `astro dev` on a copy of the valid fixtures and edits a writeup while it runs, as an author would.
// The copy lives under .huntbook/ because the loader resolves the content folder from the project root.
const root = process.cwd();
const work = `.huntbook/dev-test-${process.pid}`;
const content = `${work}/content`;
const file = `${content}/minimal.md`;
const page = '/detections/minimal/';
const original = readFileSync('test/fixtures/valid/minimal.md', 'utf8');
const title = 'Minimal writeup';
const renamed = 'Minimal writeup, renamed while the server runs';
const severity = /^severity: .*$/m.exec(original)?.[0] ?? '';

let server: ChildProcess | undefined;
let origin = '';
let output = '';

/** A port nobody listens on right now; the dev server takes it a moment later. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Starts `astro dev` in its own process group, so stopping it also stops whatever it spawned. */
function startDevServer(port: number): ChildProcess {
  // Inherited VITEST makes Astro skip its page middleware, and vitest's NODE_ENV=test is no mode of Astro's.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'),
  );
  const child = spawn(
    join(root, 'node_modules/node/bin/node'),
    // --ignore-lock: never clash with a dev server someone else runs in this project.
    ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port), '--ignore-lock'],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...env,
        HUNTBOOK_CONTENT: content,
        HUNTBOOK_CACHE_DIR: join(root, work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
        // Keeps Astro from detecting an AI agent and backgrounding itself or logging JSON.
        ASTRO_DEV_BACKGROUND: '1',
      },
    },
  );
  const capture = (chunk: Buffer) => (output += stripVTControlCharacters(chunk.toString('utf8')));
  child.stdout?.on('data', capture);
  child.stderr?.on('data', capture);
  return child;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function stopDevServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  process.kill(-child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
  if (!stopped) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

/** Status and HTML of a page; status 0 while the server does not answer yet. */
async function fetchPage(path: string): Promise<{ status: number; html: string }> {
  try {
    // The first request of each page compiles it; on two busy cores that takes a while.
    const response = await fetch(`${origin}${path}`, { signal: AbortSignal.timeout(30_000) });
    return { status: response.status, html: await response.text() };
  } catch {
    return { status: 0, html: '' };
  }
}

/** The writeup's title as the page shows it, or the status when there is no page. */
async function readTitle(path: string): Promise<string> {
  const { status, html } = await fetchPage(path);
  return /<h1\b[^>]*>([^<]*)<\/h1>/.exec(html)?.[1] ?? `(HTTP ${status}, no h1)`;
}

/** Problem lines the server printed about `file` after `from` characters of its output. */
function problemLines(from: number): string[] {
  return output
    .slice(from)
    .split('\n')
    .filter((line) => line.startsWith(`${file}:`));
}

function editWriteup(change: (text: string) => string): void {
  writeFileSync(join(root, file), change(readFileSync(join(root, file), 'utf8')));
}

beforeAll(async () => {
  mkdirSync(join(root, work), { recursive: true });
  cpSync(join(root, 'test/fixtures/valid'), join(root, content), { recursive: true });
  const port = await findFreePort();
  origin = `http://127.0.0.1:${port}`;
  server = startDevServer(port);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline && server.exitCode === null) {
    if ((await fetchPage(page)).status === 200) return;
    await delay(1_000);
  }
  throw new Error(`astro dev never served ${page}; its output:\n${output.slice(-4_000)}`);
}, 120_000);

afterAll(async () => {
  if (server) await stopDevServer(server);
  rmSync(join(root, work), { recursive: true, force: true });
});

describe('astro dev', () => {
  // What the server printed is the first thing to read when one of these fails.
  beforeEach(({ onTestFailed }) => onTestFailed(() => console.log(output.slice(-4_000))));

  it('serves a writeup page', async () => {
    expect(original).toContain(`title: ${title}\n`);
    expect(await readTitle(page)).toBe(title);
  });

  it('serves the export files that `npm run build` writes without Astro', async () => {
    const query = /```kql\n([\s\S]*?)\n```/.exec(original)?.[1];
    expect(query).toBeTruthy();
    const kql = await fetchPage('/exports/minimal/minimal-query-1.kql');
    expect(kql.status).toBe(200);
    expect(kql.html).toBe(`${query}\n`);
  });

  it('shows an edited writeup without a restart', async () => {
    editWriteup((text) => text.replace(`title: ${title}\n`, `title: ${renamed}\n`));
    await expect.poll(() => readTitle(page), { timeout: 30_000, interval: 500 }).toBe(renamed);
  });

  it('reports a broken writeup as path:line: field in the terminal and on its page, and keeps serving the others', async () => {
    const line = original.split('\n').indexOf(severity) + 1;
    expect(line).toBeGreaterThan(1);
    const from = output.length;
    editWriteup((text) => text.replace(severity, 'severity: urgent'));
    await expect.poll(() => problemLines(from), { timeout: 30_000, interval: 500 }).not.toEqual([]);
    const [problem] = problemLines(from);
    expect(problem.slice(file.length)).toMatch(new RegExp(`^:${line}: severity: unknown value "urgent"`));
    // The broken writeup's page lists its problems rather than showing its last good version (the
    // store is refilled just after the report is printed, hence the poll); the rest stay up.
    await expect.poll(() => readTitle(page), { timeout: 30_000, interval: 500 }).toBe('This writeup has errors');
    const shown = await fetchPage(page);
    expect(shown.html).toContain(`<strong>${file}</strong> is not on the site`);
    expect(shown.html).toContain(`${problem.replaceAll('"', '&quot;')}`);
    expect(await readTitle('/detections/yaml-traps/')).toBe('YAML traps stay strings');
    const catalog = await fetchPage('/detections/');
    expect(catalog.status).toBe(200);
    expect(catalog.html).toContain('data-id="mixed-fanging"');
    expect(catalog.html).not.toContain('data-id="minimal"');
    expect(catalog.html).not.toContain('This writeup has errors');
  });

  it('shows the writeup again once it is fixed', async () => {
    const from = output.length;
    editWriteup((text) => text.replace('severity: urgent', severity));
    await expect.poll(() => readTitle(page), { timeout: 30_000, interval: 500 }).toBe(renamed);
    expect(problemLines(from).filter((problem) => !problem.includes(': warning: '))).toEqual([]);
    expect((await fetchPage('/detections/')).html).toContain('data-id="minimal"');
  });

  it('keeps running when a broken file has no name to serve it at', async () => {
    const from = output.length;
    const nameless = `${content}/.md`;
    writeFileSync(join(root, nameless), 'title: no frontmatter fence\n');
    try {
      await expect
        .poll(() => output.slice(from).includes(`${nameless}:`), { timeout: 30_000, interval: 500 })
        .toBe(true);
      // The store is refilled just after the report; a crash there would take a moment to show.
      await delay(3_000);
      expect(server?.exitCode).toBeNull();
      expect((await fetchPage('/detections/')).status).toBe(200);
      expect(await readTitle(page)).toBe(renamed);
    } finally {
      rmSync(join(root, nameless), { force: true });
    }
  });
});
