import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { checkSplitIndicators } from '../../../src/lib/markdown/check-split-indicators.ts';
import { defangMarkdown } from '../../../src/lib/markdown/defang-markdown.ts';

const own = new Set(['evil.example', 'mal@evil.example']);
const messages = (body: string) =>
  checkSplitIndicators(fromMarkdown(body), 10, 'x.md', own).map((p) => `${p.line}: ${p.message.split(' is split')[0]}`);

describe('checkSplitIndicators', () => {
  it.each([
    ['emphasis', 'seen on 31.76.87.*112* daily', ['10: indicator 31[.]76[.]87[.]112']],
    ['strong in a heading', '# C2 at 198.51.**100.7**', ['10: indicator 198[.]51[.]100[.]7']],
    ['inline code', 'host 203.0.113.`9`', ['10: indicator 203[.]0[.]113[.]9']],
    ['inline HTML', 'evil<em>.example</em> again', ['10: indicator evil[.]example']],
    ['a comment', 'evil<!-- -->.example again', ['10: indicator evil[.]example']],
    ['a link label', 'see [evil](/x).example', ['10: indicator evil[.]example']],
    ['a table row', 'a | b\n--- | ---\n1 | mal@*evil*.example', ['10: indicator mal@evil[.]example']],
    ['the second paragraph', 'fine\n\n192.0.*2.1*', ['12: indicator 192[.]0[.]2[.]1']],
    [
      'an image with no alt text',
      'IP 31.76.87.<img alt="">112 and 198.51.100.![](#)7',
      ['10: indicator 31[.]76[.]87[.]112', '10: indicator 198[.]51[.]100[.]7'],
    ],
    [
      'inline tags in a raw HTML block',
      '<p>31.76.87.<em>112</em> and evil<b>.example</b></p>',
      ['10: indicator 31[.]76[.]87[.]112', '10: indicator evil[.]example'],
    ],
  ])('reports an indicator split by %s', (_name, body, expected) => {
    expect(messages(body)).toEqual(expected);
  });

  it.each([
    ['a whole indicator', 'seen on 31.76.87.112 and evil.example'],
    ['a whole indicator in bold', 'seen on **31.76.87.112** and *evil.example*'],
    ['a part defanged already', 'seen on evil[.]*example* and 31[.]76[.]87[.]*112*'],
    ['a split name that is no indicator', 'open **README**.md and main.*zip*'],
    ['words a break keeps apart', 'the host 10.0.0<br>.1 and 10.0.0.1<br>0'],
    ['a query fence', '```kql\nT | where A == "31.76.87.112"\n```'],
    [
      'blocks of raw HTML that keep the pieces apart',
      '<p>31.76.87.1</p><p>12</p>\n\n<div>31.76.87.112 in one piece</div>',
    ],
    ['a version number', 'version 1.2.*3* and 4.5.6.*7*x'],
  ])('leaves %s alone', (_name, body) => {
    expect(messages(body)).toEqual([]);
  });

  it('reports a half-defanged split indicator: the dots left are live', () => {
    expect(messages('seen on 31[.]76.87.*112*')).toEqual(['10: indicator 31[.]76[.]87[.]112']);
  });

  it('reports every piece the defanger leaves live, and none it defangs', () => {
    const body = 'a 31.76.87.*112* b 31.76.87.112 c';
    expect(messages(body)).toHaveLength(1);
    // The whole one is defanged; the split one stays live: that is what the check is for.
    expect(defangMarkdown(body)).toBe('a 31.76.87.*112* b 31\\[.\\]76\\[.\\]87\\[.\\]112 c');
  });
});
