import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { findLiveIndicators } from '../../../src/lib/audit/audit-html.ts';
import { auditSite } from '../../../src/lib/audit/audit-site.ts';
import { formatProblem } from '../../../src/lib/problems/format-problems.ts';

const known = new Set(['evil.example', '203.0.113.10']);

describe('findLiveIndicators', () => {
  it('ignores KQL code and its copy button, and defanged text', () => {
    const html = `<p>evil[.]example</p><figure data-query><pre data-language="kql"><code>"evil.example"</code></pre><button data-code="203.0.113.10"></button></figure><pre data-language="kusto">203.0.113.10</pre>`;
    expect(findLiveIndicators(html, known)).toEqual([]);
  });

  it.each([
    ['text', '<p>beacon to evil.example</p>', 'text'],
    ['title', '<title>evil.example hunt</title>', 'text'],
    ['href', '<a href="http://evil.example/x">x</a>', 'attribute href'],
    ['meta', '<meta name="description" content="C2 203.0.113.10">', 'attribute content'],
    ['JSON-LD', '<script type="application/ld+json">{"name":"evil.example"}</script>', 'text'],
    ['non-query code', '<pre data-language="text">evil.example</pre>', 'text'],
    ['template', '<template><p>203.0.113.10</p></template>', 'text'],
    ['any fanged IPv4', '<p>seen 198.51.100.7 too</p>', 'text'],
    ['an address ended by a hyphen', '<p>range 198.51.100.7-198.51.100.9</p>', 'text'],
    ['a host ended by a hyphen', '<p>beacon to evil.example- daily</p>', 'text'],
    ['an address after @', '<p>ssh root@198.51.100.7</p>', 'text'],
    ['a host with a lookalike dot', '<p>beacon to evil。example</p>', 'text'],
    ['an address in full-width digits', '<p>接続先は２０３．０．１１３．１０です。</p>', 'text'],
    ['an address against CJK letters', '<p>接続先は203.0.113.10です。</p>', 'text'],
    ['a host against CJK letters', '<p>送信元はevil.exampleでした</p>', 'text'],
    ['addresses joined by an ideographic full stop', '<p>接続先は203.0.113.10。198.51.100.7も同様</p>', 'text'],
  ])('finds a live indicator in %s', (_name, html, where) => {
    expect(findLiveIndicators(html, known).map((finding) => finding.where)).toContain(where);
  });

  it('finds a declared host whatever its TLD, and leaves file names alone', () => {
    const declared = new Set(['attacker.zip']);
    expect(findLiveIndicators('<p>beacon to attacker.zip, unpack archive.zip</p>', declared)).toMatchObject([
      { indicator: 'attacker.zip' },
    ]);
  });

  it.each([
    ['a subdomain', '<p>cdn.attacker.zip</p>', 'attacker.zip'],
    ['a lookalike dot', '<p>attacker\u3002zip</p>', 'attacker.zip'],
    ['a mailbox in capitals', '<p>OPS@MAIL.ATTACKER.MOV</p>', 'ops@mail.attacker.mov'],
  ])('finds a declared indicator written as %s', (_name, html, indicator) => {
    const declared = new Set(['attacker.zip', 'ops@mail.attacker.mov']);
    expect(findLiveIndicators(html, declared).map((hit) => hit.indicator)).toEqual([indicator]);
  });

  it('matches whole tokens only', () => {
    expect(
      findLiveIndicators('<p>198.51.100.263 and notevil.example.org</p>', new Set(['198.51.100.2', 'evil.example'])),
    ).toEqual([]);
  });

  it('reads lookalikes as the defanger does: what it left alone is no hit', () => {
    const html = '<p>ｈｔｔｐ：／／evil[.]example と evil［.］example。次に v1。2。3</p>';
    expect(findLiveIndicators(html, known)).toEqual([]);
  });

  it('does not mistake SVG path data or versions for addresses', () => {
    expect(findLiveIndicators('<svg><path d="M1.42.998.998 0"/></svg><p>v1.2.3</p>', known)).toEqual([]);
  });
});

describe('auditSite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'huntbook-audit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names page, place and indicator, in pages and in the search index', () => {
    mkdirSync(join(dir, 'detections/x'), { recursive: true });
    mkdirSync(join(dir, 'pagefind/fragment'), { recursive: true });
    writeFileSync(
      join(dir, 'detections/x/index.html'),
      '<html><head><title>ok</title></head><body><p>evil.example</p></body></html>',
    );
    writeFileSync(join(dir, 'clean.html'), '<p>evil[.]example</p>');
    writeFileSync(
      join(dir, 'pagefind/fragment/en_1.pf_fragment'),
      gzipSync('pagefind_dcd{"content":"C2 203.0.113.10"}'),
    );
    const lines = auditSite(dir, known).map(formatProblem);
    expect(lines).toEqual([
      'detections/x/index.html:1: <p> text: live indicator evil.example in "evil.example" (defang it in the writeup, or move it into a ```kql block)',
      'pagefind/fragment/en_1.pf_fragment:1: search index: live indicator 203.0.113.10 in "pagefind_dcd{"content":"C2 203.0.113.10"}" (defang it in the writeup, or move it into a ```kql block)',
    ]);
  });

  // Each of these got past the audit once: the page showed or linked a live indicator, and
  // search did not index it (data-pagefind-ignore, or an attribute).
  it.each([
    [
      'a link target in character references',
      '<a href="https:&#47;&#47;evil&#46;example/gate.php">report</a>',
      'evil.example',
    ],
    ['a protocol-relative link', '<a href="//203&#46;0&#46;113&#46;10:7716/">panel</a>', '203.0.113.10'],
    ['text in character references', '<div data-pagefind-ignore="all">evil&#x2E;example</div>', 'evil.example'],
    ['text in named references', '<p>203&period;0&period;113&period;10</p>', '203.0.113.10'],
    ['text split by emphasis', '<p>beacon to 203.0.113.<em>10</em> and evil.<em>example</em></p>', '203.0.113.10'],
    ['text split by an empty element', '<p>evil<span></span>.example</p>', 'evil.example'],
    ['text split by a comment', '<p>evil<!-- -->.example</p>', 'evil.example'],
    ['text split by a line-break opportunity', '<p>203.0.113<wbr>.10</p>', '203.0.113.10'],
    ['a lookalike dot', '<p>中継先はevil。exampleです</p>', 'evil.example'],
    ['full-width digits kept out of search', '<p data-pagefind-ignore>２０３．０．１１３．１０</p>', '203.0.113.10'],
    ['an address ended by a hyphen', '<p>203.0.113.10-203.0.113.20</p>', '203.0.113.10'],
  ])('fails a page with %s', (_name, body, indicator) => {
    const site = mkdtempSync(join(dir, 'case-'));
    writeFileSync(join(site, 'index.html'), `<html><body>${body}</body></html>`);
    expect(auditSite(site, known).map((problem) => problem.message)).toContainEqual(
      expect.stringContaining(`live indicator ${indicator} in`),
    );
  });

  it('reads table cells and list items as separate words', () => {
    const site = mkdtempSync(join(dir, 'case-'));
    writeFileSync(
      join(site, 'index.html'),
      '<table><tr><td>203.0.113</td><td>.10</td></tr></table><ul><li>evil</li><li>.example</li></ul>',
    );
    expect(auditSite(site, known)).toEqual([]);
  });
});
