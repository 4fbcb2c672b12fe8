import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

const out = `.huntbook/import-cli-${process.pid}`;
const run = (script: string, ...args: string[]) =>
  spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8' });

afterAll(() => rmSync(join(ROOT, out), { recursive: true, force: true }));

describe('npm run import / new / check, end to end', () => {
  it('writes checked writeups, then keeps them unless --force, and the folder passes npm run check', () => {
    const args = ['threatfox', 'test/fixtures/import/threatfox-f21.csv', '--out', out, '--content', out];
    const first = run('import', ...args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote ${out}/example-rat-threatfox-hunt.md`);
    expect(first.stdout).toContain('IOCs written by type: 1 ip:port, 1 domain, 1 url, 1 sha1');
    const again = run('import', ...args);
    expect(again.stdout).toContain(`kept ${out}/example-rat-threatfox-hunt.md`);
    expect(run('import', ...args, '--force').stdout).toContain('replacing the existing file (--force)');
    const created = run('new', 'Beacon to a test C2', '--out', out, '--date', '2026-07-01');
    expect(created.status, created.stderr).toBe(0);
    expect(readFileSync(join(ROOT, out, 'beacon-to-a-test-c2.md'), 'utf8')).toContain('title: "Beacon to a test C2"');
    expect(run('new', 'Beacon to a test C2', '--out', out).status).toBe(2);
    // The scaffold's placeholders make the check fail, and the JSON report says where.
    const check = run('check', '--content', out, '--format', 'json');
    expect(check.status).toBe(1);
    const report = JSON.parse(check.stdout) as { writeups: number; problems: { file: string }[] };
    expect(report.writeups).toBe(3);
    expect(new Set(report.problems.map((p) => p.file))).toEqual(new Set([`${out}/beacon-to-a-test-c2.md`]));
    rmSync(join(ROOT, out, 'beacon-to-a-test-c2.md'));
    expect(run('check', '--content', out, '--format', 'github').status).toBe(0);
  }, 60_000);

  it('refuses unknown kinds and formats with a usage message', () => {
    const bad = run('import', 'csv', 'x.csv');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: npm run import --');
    expect(run('check', '--format', 'xml').stderr).toContain('unknown --format xml (one of text, github, json)');
    expect(existsSync(join(ROOT, 'x.csv'))).toBe(false);
  }, 30_000);
});
