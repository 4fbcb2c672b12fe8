import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { gunzipSync } from 'node:zlib';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../src/lib/catalog/index.ts';
import { loadCollection } from '../../src/lib/content/load-collection.ts';
import { auditSite } from '../../src/lib/audit/audit-site.ts';
import { collectIndicatorValues } from '../../src/lib/derive/indicator-set.ts';
import { presentWriteup } from '../../src/lib/derive/present-writeup.ts';
import { formatProblem } from '../../src/lib/problems/format-problems.ts';

// Builds the valid fixtures into a real site (with TZ west of Greenwich, F12) and reads the HTML.
const root = process.cwd();
const content = 'test/fixtures/valid';
const out = join(root, `.huntbook/test-site-${process.pid}`);
const collection = loadCollection(join(root, content), root, loadConnectorCatalog());
const page = (id: string) => readFileSync(join(out, 'detections', id, 'index.html'), 'utf8');

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** Processes whose environment holds `entry` (Linux /proc): a build's Astro is known by its out dir. */
function listProcessesWithEnv(entry: string): string[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1')
          .split('\0')
          .some((line) => line.startsWith(entry));
      } catch {
        return false;
      }
    });
}

// One row per group page, so the fixtures' groups of two or more show the link to the rest.
const buildEnv = { ...process.env, TZ: 'America/New_York', HUNTBOOK_GROUP_PAGE_ROWS: '1' };

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', out], {
    stdio: 'pipe',
    env: buildEnv,
  });
}, 240_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('fixture site build', () => {
  it('renders every writeup page', () => {
    expect(collection.writeups.length).toBeGreaterThanOrEqual(3);
    for (const { id } of collection.writeups) expect(page(id)).toContain('<h1');
  });

  it('writes every export file its pages link to, with each query byte-exact', () => {
    for (const writeup of collection.writeups) {
      const links = selectAll('a[href^="/exports/"]', fromHtml(page(writeup.id)))
        .map((a) => String(a.properties.href))
        .filter((href) => !href.endsWith('/'));
      expect(links.length).toBeGreaterThanOrEqual(1 + writeup.queries.length);
      for (const link of links) expect(readFileSync(join(out, link), 'utf8').length).toBeGreaterThan(0);
      writeup.queries.forEach((query, index) => {
        const file = join(out, 'exports', writeup.id, `${writeup.id}-query-${index + 1}.kql`);
        expect(readFileSync(file, 'utf8')).toBe(`${query.text}\n`);
      });
    }
  });

  it('lists a group page up to its row limit, then links to the catalog filtered to the group', () => {
    const catalog = fromHtml(readFileSync(join(out, 'detections/index.html'), 'utf8'));
    const rows = selectAll('tr[data-id]', catalog);
    // hast names data attributes in camel case: data-threat-type is dataThreatType.
    const groups = [
      ['families', 'family', 'dataFamily'],
      ['tags', 'tag', 'dataTag'],
      ['threat-types', 'threat-type', 'dataThreatType'],
    ] as const;
    let cut = 0;
    for (const [dir, facet, property] of groups) {
      for (const slug of readdirSync(join(out, dir), { withFileTypes: true }).filter((e) => e.isDirectory())) {
        const size = rows.filter((row) =>
          String(row.properties[property] ?? '')
            .split(' ')
            .includes(slug.name),
        ).length;
        const tree = fromHtml(readFileSync(join(out, dir, slug.name, 'index.html'), 'utf8'));
        expect(selectAll('.hb-writeup-table tbody tr', tree).length, `${dir}/${slug.name}`).toBe(Math.min(size, 1));
        const more = selectAll('.hb-more a', tree).map((a) => [String(a.properties.href), toString(a)]);
        expect(more, `${dir}/${slug.name}`).toEqual(
          size > 1 ? [[`/detections/?${facet}=${slug.name}`, `Open all ${size} in the catalog`]] : [],
        );
        if (size > 1) cut++;
      }
    }
    expect(cut).toBeGreaterThan(0);
  });

  it('shows each IOC defanged, once, in the IOC table', () => {
    const tree = fromHtml(page('mixed-fanging'));
    const values = selectAll('.hb-ioc-table code.hb-ioc', tree).map((node) => toString(node));
    expect(values).toEqual([
      'hxxp[://]192[.]0[.]2[.]130/img.cgi',
      'evil[.]example',
      'hxxps[://]login[.]evil[.]example/a?b=c',
      'httpalerts@example[.]com',
      '3395856ce81f2b7382dee72602f798b642f14140',
      '2001[:]db8[:][:]/32',
      '[2001[:]db8[:][:]5]:8443',
      'mirror[.]zip',
    ]);
  });

  it('keeps every query verbatim in code and in the copy button', () => {
    for (const writeup of collection.writeups) {
      const tree = fromHtml(page(writeup.id));
      const blocks = selectAll('.hb-body [data-query]', tree);
      expect(blocks).toHaveLength(writeup.queries.length);
      blocks.forEach((block, index) => {
        const query = writeup.queries[index].text;
        const lines = selectAll('pre .ec-line', block).map((line) => toString(line));
        expect(lines.join('\n')).toBe(query);
        const button = selectAll('button[data-code]', block)[0];
        expect(String(button.properties.dataCode).replace(/\u007f/g, '\n')).toBe(query);
      });
    }
  });

  it('shows a generated hunt per IOC type as copyable, search-ignored KQL', () => {
    const views = collection.writeups.map((writeup) => presentWriteup(writeup, loadConnectorCatalog()));
    for (const view of views) {
      const blocks = selectAll('.hb-hunt [data-query]', fromHtml(page(view.writeup.id)));
      expect(blocks).toHaveLength(view.hunts.length);
      blocks.forEach((block, index) => {
        expect(block.properties.dataPagefindIgnore).toBe('all');
        expect(selectAll('button[data-copy-query]', block)).toHaveLength(1);
        expect(toString(selectAll('pre code', block)[0])).toBe(view.hunts[index].code);
      });
    }
    expect(views.some((view) => view.hunts.length > 0)).toBe(true);
  });

  it('links each writeup to the connector pages that list it', () => {
    const html = readFileSync(join(out, 'connectors', 'microsoftthreatprotection', 'index.html'), 'utf8');
    expect(html).toContain('DeviceNetworkEvents');
    expect(html).toContain('href="/detections/mixed-fanging/"');
    expect(page('mixed-fanging')).toContain('href="/connectors/microsoftthreatprotection/"');
  });

  it('has no live indicator outside KQL code, on any page or in the search index', () => {
    expect(auditSite(out, collectIndicatorValues(collection.writeups)).map(formatProblem)).toEqual([]);
  });

  it('keeps live indicators out of the search index', () => {
    const fragments = listFiles(join(out, 'pagefind')).filter((file) => file.includes('fragment'));
    expect(fragments.length).toBeGreaterThan(0);
    const text = fragments.map((file) => gunzipSync(readFileSync(file)).toString('utf8')).join('\n');
    expect(text).toContain('evil[.]example');
    for (const value of ['192.0.2.130', 'evil.example', 'httpalerts@example.com', '203.0.113.10'])
      expect(text).not.toContain(value);
  });

  it('defangs indicators in the prose body and never links to them', () => {
    const tree = fromHtml(page('mixed-fanging'));
    const body = toString(selectAll('.hb-body', tree)[0]);
    expect(body).toContain('evil[.]example fetched hxxp[://]192[.]0[.]2[.]130/img.cgi');
    expect(body).toContain('the second stage (hxxps[://]login[.]evil[.]example/a?b=c)');
    expect(body).toContain('httpalerts@example[.]com');
    expect(body).toContain('curl hxxp[://]192[.]0[.]2[.]130/img.cgi');
    const hrefs = selectAll('.hb-body a[href]', tree).map((a) => String(a.properties.href));
    expect(hrefs).toContain('https://www.example.org/report');
    expect(hrefs.filter((href) => /evil|192\.0\.2|attacker|mirror/.test(href))).toEqual([]);
    expect(body).toContain(
      'dl-www[.]attacker[.]zip, x&www[.]mirror[.]zip and\nwww[.]evil[.]example-31[.]76[.]87[.]112.',
    );
    // A declared host is defanged whatever its TLD; a file name with the same TLD is not.
    expect(body).toContain('The payload also sat on mirror[.]zip itself, next to archive.zip files.');
    expect(toString(tree)).toContain('browses mirror[.]zip');
  });

  it('defangs indicators written with lookalike dots or full-width digits, and leaves the prose around them', () => {
    const body = toString(selectAll('.hb-body', fromHtml(page('lookalike-characters')))[0]);
    expect(body).toContain(
      '中継サーバーはrelay[.]exampleと203[.]0[.]113[.]22に接続した。接続先は203[.]0[.]113[.]22です。',
    );
    expect(body).not.toMatch(/relay\u3002example|２０３/);
  });

  it('lists connectors and false positives', () => {
    const html = page('mixed-fanging');
    expect(html).toContain('Microsoft Defender XDR');
    expect(html).toContain('Needs Defender for Endpoint onboarding');
    expect(html).toContain('Sandbox detonations');
    expect(html).toContain('Exclude DeviceName startswith');
  });

  it('stops on bad content with every problem listed, and keeps the previous site', () => {
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    const run = spawnSync(
      process.execPath,
      ['scripts/build.ts', '--content', 'test/fixtures/invalid/duplicate-id', '--out', out],
      // A build that forgot its Astro would wait for it for ever.
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'test/fixtures/invalid/duplicate-id/endpoint/cve-2024-0001.md:1: id: duplicate id "cve-2024-0001"',
    );
    expect(run.stderr).toContain(
      'test/fixtures/invalid/duplicate-id/network/cve-2024-0001.md:1: id: duplicate id "cve-2024-0001"',
    );
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
    // Astro, started while the check ran, was stopped: no process, none of its output or folders.
    expect(listProcessesWithEnv(`HUNTBOOK_OUT_DIR=${out}.staging-`)).toEqual([]);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\[(content|build)\]/);
    expect(readdirSync(dirname(out)).filter((name) => name.startsWith(`${basename(out)}.`))).toEqual([]);
  });

  it('keeps the previous site, and leaves nothing behind, when a build is interrupted', async () => {
    const snapshot = () => listFiles(out).map((file) => [file, readFileSync(file).toString('base64')]);
    const before = snapshot();
    const child = spawn(process.execPath, ['scripts/build.ts', '--content', content, '--out', out], {
      env: buildEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    // The collection file is written just before Astro starts; interrupt Astro mid-build.
    while (!existsSync(`${out}.staging-${child.pid}-collection.json`) && child.exitCode === null) await delay(100);
    await delay(1000);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toContain('huntbook build: interrupted (SIGINT); the previous site is untouched.');
    // Astro and Pagefind went with it: nothing writes the staging folder back.
    await delay(2000);
    const leftovers = readdirSync(dirname(out)).filter((name) => name.startsWith(`${basename(out)}.`));
    expect(leftovers).toEqual([]);
    expect(snapshot()).toEqual(before);
  }, 120_000);

  it('keeps the previous site when the command that started the build stops (npm killed alone)', async () => {
    const before = readFileSync(join(out, 'index.html'), 'utf8');
    const log = `${out}-orphan.log`;
    // The shell stands for npm: it starts the build, lives two seconds, and exits without it.
    const command = `"${process.execPath}" scripts/build.ts --content ${content} --out "${out}" > "${log}" 2>&1 & sleep 2`;
    spawnSync('sh', ['-c', command], { env: buildEnv });
    let output = '';
    for (let waited = 0; waited < 90_000 && !/has stopped|site written/.test(output); waited += 250) {
      await delay(250);
      output = existsSync(log) ? readFileSync(log, 'utf8') : '';
    }
    rmSync(log, { force: true });
    expect(output).toContain(
      'huntbook build: the command that started this build has stopped; the previous site is untouched.',
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(before);
  }, 120_000);

  it('builds two sites at once into folders outside the project', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'huntbook-outside-'));
    try {
      const build = (name: string) =>
        new Promise<number | null>((resolve) => {
          const child = spawn(
            process.execPath,
            ['scripts/build.ts', '--content', content, '--out', join(outside, name)],
            { env: buildEnv, stdio: 'ignore' },
          );
          child.once('exit', resolve);
        });
      // Astro would put both server bundles in the project's one `.astro/.prerender`.
      expect(await Promise.all([build('a'), build('b')])).toEqual([0, 0]);
      for (const name of ['a', 'b'])
        expect(readFileSync(join(outside, name, 'index.html'), 'utf8')).toBe(
          readFileSync(join(out, 'index.html'), 'utf8'),
        );
      expect(readdirSync(outside).sort()).toEqual(['a', 'b']);
      expect(
        existsSync(join(root, '.huntbook'))
          ? readdirSync(join(root, '.huntbook')).filter((n) => n.startsWith('build-'))
          : [],
      ).toEqual([]);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  }, 240_000);

  it('gives byte-identical output when the same content is built twice', () => {
    const again = `${out}-again`;
    try {
      execFileSync(process.execPath, ['scripts/build.ts', '--content', content, '--out', again], {
        stdio: 'pipe',
        env: buildEnv,
      });
      const files = listFiles(out).map((file) => file.slice(out.length));
      expect(listFiles(again).map((file) => file.slice(again.length))).toEqual(files);
      const differing = files.filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(again, file))));
      expect(differing).toEqual([]);
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  }, 240_000);

  it('escapes frontmatter strings and body references: hostile text stays text on every page', () => {
    const pages = listFiles(out).filter((file) => file.endsWith('.html'));
    for (const file of pages) {
      const tree = fromHtml(readFileSync(file, 'utf8'));
      expect(
        selectAll('script', tree).filter((node) => toString(node).includes('alert(')),
        file,
      ).toEqual([]);
      expect(selectAll('[onerror], [onload], [onmouseover], iframe', tree), file).toEqual([]);
    }
    expect(page('hostile-frontmatter')).toContain(
      '&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Hostile frontmatter',
    );
    // An unknown directive stays text: its classes are never joined into `.203.0.113.10`.
    expect(page('hostile-frontmatter')).not.toMatch(/\.203\.0\.113\.1\d|\.c2-panel\.ru|href="https:\/\/attacker/);
    expect(page('hostile-frontmatter')).toMatch(/:w\{class=.203 0 113 10.\}/);
  });

  it('renders dates exactly as written in a western time zone (F12)', () => {
    expect(page('yaml-traps')).toContain('<time datetime="2024-03-01">2024-03-01</time>');
    expect(page('yaml-traps')).toContain('2024-02-28');
  });
});
