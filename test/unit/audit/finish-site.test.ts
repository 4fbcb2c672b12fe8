import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dealFiles, finishSite } from '../../../src/lib/audit/finish-site.ts';

describe('dealFiles', () => {
  it('deals every file once, in turn, and never makes an empty hand', () => {
    expect(dealFiles(['a', 'b', 'c', 'd', 'e'], 2)).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
    expect(dealFiles(['a'], 4)).toEqual([['a']]);
  });
});

describe('finishSite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huntbook-finish-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports live indicators from every worker and gives clean pages their policy', async () => {
    const page = (body: string) =>
      `<html><head><title>t</title></head><body>${body}<script>go()</script></body></html>`;
    for (let index = 0; index < 6; index++) {
      mkdirSync(join(dir, `p${index}`), { recursive: true });
      writeFileSync(
        join(dir, `p${index}/index.html`),
        page(index % 3 === 0 ? `<p>C2 evil.example</p>` : '<p>evil[.]example</p>'),
      );
    }
    const problems = await finishSite(dir, new Set(['evil.example']), 2);
    expect(problems.map((problem) => problem.file)).toEqual(['p0/index.html', 'p3/index.html']);
    const clean = readFileSync(join(dir, 'p1/index.html'), 'utf8');
    expect(clean).toMatch(
      /^<html><head><meta http-equiv="content-security-policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/,
    );
    expect(readFileSync(join(dir, 'p0/index.html'), 'utf8')).not.toContain('content-security-policy');
  });
});
