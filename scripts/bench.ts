// `npm run bench -- <N> [--no-baseline] [--keep]`: generate N synthetic writeups, time
// `npm run check` and `npm run build` on them with /usr/bin/time -v (wall, peak RSS), count pages
// and dist size, and build the same Markdown with a bare Astro project as the baseline.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { generateWriteup } from './bench/generate-writeups.ts';

interface Measure {
  wall: number;
  rssMiB: number;
  ok: boolean;
}

/** Runs a command under GNU time and reads its wall-clock time and peak resident memory. */
function measure(command: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Measure {
  const run = spawnSync('/usr/bin/time', ['-v', ...command], { cwd, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const clock = /Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)/.exec(run.stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
  const wall = clock ? Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]) : Number.NaN;
  if (run.status !== 0) console.error(run.stdout.slice(-3000), run.stderr.slice(-3000));
  return { wall, rssMiB: rss ? Number(rss[1]) / 1024 : Number.NaN, ok: run.status === 0 };
}

function summariseDir(dir: string): { pages: number; mib: number } {
  let pages = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    bytes += statSync(file).size;
    if (entry.name.endsWith('.html')) pages++;
  }
  return { pages, mib: bytes / 1024 / 1024 };
}

/** A bare Astro project that renders the same Markdown files, one page each, nothing else. */
function writeBareProject(dir: string, content: string, root: string): void {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "type": "module", "private": true }\n');
  writeFileSync(join(dir, 'astro.config.mjs'), 'export default { devToolbar: { enabled: false } };\n');
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { detections: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(content)} }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('detections')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html><head><title>{Astro.props.entry.data.title}</title></head><body><Content /></body></html>\n`,
  );
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'no-baseline': { type: 'boolean' }, keep: { type: 'boolean' } },
});
const count = Number(positionals[0] ?? 100);
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const work = mkdtempSync(join(tmpdir(), `huntbook-bench-${count}-`));
const content = join(work, 'content');
mkdirSync(content);
for (let index = 0; index < count; index++) {
  const { id, text } = generateWriteup(index);
  writeFileSync(join(content, `${id}.md`), text);
}
const node = process.execPath;
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const check = measure([node, 'scripts/check.ts', '--content', content], root, env);
const build = measure([node, 'scripts/build.ts', '--content', content, '--out', join(work, 'dist')], root, env);
const site = build.ok ? summariseDir(join(work, 'dist')) : { pages: 0, mib: 0 };
let baseline: Measure | undefined;
if (!values['no-baseline']) {
  const bare = join(work, 'bare');
  writeBareProject(bare, content, root);
  baseline = measure([node, join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], bare, env);
}
const rows = [
  ['writeups', String(count)],
  [
    'check: wall s / peak RSS MiB',
    `${check.wall.toFixed(1)} / ${check.rssMiB.toFixed(0)}${check.ok ? '' : ' (FAILED)'}`,
  ],
  [
    'build: wall s / peak RSS MiB',
    `${build.wall.toFixed(1)} / ${build.rssMiB.toFixed(0)}${build.ok ? '' : ' (FAILED)'}`,
  ],
  ['pages / dist MiB', `${site.pages} / ${site.mib.toFixed(1)}`],
  ...(baseline
    ? [
        ['bare Astro: wall s / peak RSS MiB', `${baseline.wall.toFixed(1)} / ${baseline.rssMiB.toFixed(0)}`],
        ['ratio build / bare', (build.wall / baseline.wall).toFixed(2)],
      ]
    : []),
];
console.log(rows.map(([name, value]) => `${name.padEnd(36)} ${value}`).join('\n'));
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
process.exitCode = check.ok && build.ok ? 0 : 1;
