import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { defangMarkdown } from '../../../src/lib/markdown/defang-markdown.ts';

const known = {
  indicators: new Set(['evil.example', '203.0.113.10', 'http://192.0.2.130/img.cgi']),
  references: ['https://learn.microsoft.com/en-us/defender/'],
};

describe('defangMarkdown', () => {
  it.each([
    [
      'prose',
      'C2 at 203.0.113.10:449 and evil.example.',
      'C2 at 203\\[.\\]0\\[.\\]113\\[.\\]10:449 and evil\\[.\\]example.',
    ],
    ['heading', '## Beacons to evil.example', '## Beacons to evil\\[.\\]example'],
    ['table cell', '| host |\n|---|\n| evil.example |', '| host |\n|---|\n| evil\\[.\\]example |'],
    ['inline code', 'Block `evil.example` now', 'Block `evil[.]example` now'],
    ['text fence', '```text\nhttp://evil.example/a\n```', '```text\nhxxp[://]evil[.]example/a\n```'],
    ['untagged fence', '```\n198.51.100.7\n```', '```\n198[.]51[.]100[.]7\n```'],
    ['autolink', 'See <http://192.0.2.130/img.cgi>', 'See hxxp\\[://\\]192\\[.\\]0\\[.\\]2\\[.\\]130/img.cgi'],
    [
      'link to an IOC',
      '[the payload](http://192.0.2.130/img.cgi)',
      'the payload (hxxp\\[://\\]192\\[.\\]0\\[.\\]2\\[.\\]130/img.cgi)',
    ],
    [
      'link to a bare IP host',
      '[panel](http://198.51.100.9/admin)',
      'panel (hxxp\\[://\\]198\\[.\\]51\\[.\\]100\\[.\\]9/admin)',
    ],
    ['already defanged', 'evil[.]example stays', 'evil[.]example stays'],
    ['F02 e-mail local part', 'from httpalerts@example.com', 'from httpalerts@example\\[.\\]com'],
    ['character references in prose', 'C2 at evil&#46;example', 'C2 at &#101;vil&#91;&#46;&#93;example'],
    [
      'named references in prose',
      '203&period;0&period;113&period;10',
      '&#50;03&#91;&#46;&#93;0&#91;&#46;&#93;113&#91;&#46;&#93;10',
    ],
    ['references without an indicator stay', 'Tom &amp; Jerry &#46;', 'Tom &amp; Jerry &#46;'],
    [
      'references in raw HTML',
      '<p>evil&#x2E;example and 203&#46;0&#46;113&#46;10</p>',
      '<p>&#101;vil&#91;&#46;&#93;example and &#50;03&#91;&#46;&#93;0&#91;&#46;&#93;113&#91;&#46;&#93;10</p>',
    ],
    [
      'references in raw HTML without semicolons',
      '<div>evil&#46example</div>',
      '<div>&#101;vil&#91;&#46;&#93;example</div>',
    ],
    [
      'alt text of a local image',
      '![beacon to evil.example](./chart.png "C2")',
      '![beacon to evil\\[.\\]example](<./chart.png> (C2))',
    ],
    ['a bare www. host the page would link', 'see www.attacker.zip now', 'see www\\[.\\]attacker\\[.\\]zip now'],
    ['a bare address the page would link', 'mail soc@corp.zip', 'mail soc@corp\\[.\\]zip'],
    [
      'struck-through text in a table',
      '| a |\n|---|\n| ~~evil.example~~ |',
      '| a |\n|---|\n| ~~evil\\[.\\]example~~ |',
    ],
    ['lookalike dots in prose', 'Relays via relay\u3002example.', 'Relays via relay\\[.\\]example.'],
    ['full-width digits in a heading', '## C2 at ２０３．０．１１３．１０', '## C2 at 203\\[.\\]0\\[.\\]113\\[.\\]10'],
  ])('%s', (_name, input, expected) => {
    expect(defangMarkdown(input, known)).toBe(expected);
  });

  // Written back plainly, a decoded reference could close a comment, finish a </script> or make a
  // link definition that the markup check never saw: it stays a reference, which is only text.
  it.each([
    ['a comment closed by references', '<!-- seen at evil.example &#45;&#45;> <script>alert(1)<&#47;script> -->'],
    [
      'a link definition made by a reference',
      '[x]&#58; //attacker.zip\nseen at evil&#46;example\n\nSee [the report][x].',
    ],
    ['a javascript: autolink', '<javascript&#58;alert(1)> and evil&#46;example'],
    ['a tag spelled with references', '<&#115;cript&#46;example>alert(1)</&#115;cript>'],
  ])('never turns references into markup: %s', (_name, input) => {
    const output = defangMarkdown(input, known);
    for (const markup of ['-->', '</script>', '<script', ']:', 'javascript:'])
      expect(output.split(markup).length, markup).toBe(input.split(markup).length);
  });

  // Links are judged by the host a browser would open (WHATWG URL), and what replaces them is
  // written so that it cannot become a link again.
  it.each([
    [
      'a target the IOC normaliser rejects',
      '[c](<https://evil.example/a b>)',
      'c (hxxps\\[://\\]evil\\[.\\]example/a b)',
    ],
    ['a mailto: link', '[d](mailto:x@evil.example)', 'd (mailto:x@evil\\[.\\]example)'],
    ['a percent-encoded dot in the host', '[e](https://evil%2Eexample/)', 'e (hxxps\\[://\\]evil%2Eexample/)'],
    ['a decimal IP host', '[f](https://2130706433/)', 'f (hxxps\\[://\\]2130706433/)'],
    [
      'a label that is Markdown for a link',
      '[\\[y\\]\\(http:/localhost:8080\\)](https://o2.net)',
      '\\[y\\]\\(http:/localhost:8080\\) (hxxps\\[://\\]o2\\[.\\]net)',
    ],
    [
      'a label with emphasis and a bare host',
      '[**www.attacker.zip**](https://o.net)',
      '**www\\[.\\]attacker\\[.\\]zip** (hxxps\\[://\\]o\\[.\\]net)',
    ],
    [
      "an indicator in a kept link's title",
      '[t](https://learn.microsoft.com/x "www.evil.example")',
      '[t](<https://learn.microsoft.com/x> (www[.]evil[.]example))',
    ],
    [
      "an indicator in a definition's title",
      '[r]: /local "evil.example"\n\n[go][r]',
      '[r]: </local> (evil[.]example)\n\n[go][r]',
    ],
    [
      'backslash-escaped dots',
      'evil\\.example and 203\\.0\\.113\\.10, but 1\\. stays',
      '&#101;vil&#91;&#46;&#93;example and &#50;03&#91;&#46;&#93;0&#91;&#46;&#93;113&#91;&#46;&#93;10, but 1\\. stays',
    ],
  ])('links and escapes: %s', (_name, input, expected) => {
    const output = defangMarkdown(input, known);
    expect(output).toBe(expected);
    expect(defangMarkdown(output, known)).toBe(output);
  });

  it('keeps query fences byte-exact', () => {
    const body =
      'Hunt:\n\n```kql title="x"\nDeviceNetworkEvents\n| where RemoteIP == "203.0.113.10"\n```\n\n~~~KUSTO\nhttp://evil.example\n~~~\n';
    expect(defangMarkdown(body, known)).toBe(body.replace('Hunt:', 'Hunt:'));
  });

  it('keeps links to hosts of the writeup’s references, relative links and anchors', () => {
    const body =
      'Read [the report](https://learn.microsoft.com/en-us/defender/x) first, then [triage](/guides/x/) and [IOCs](#iocs).';
    expect(defangMarkdown(body, known)).toBe(body);
  });

  it('turns links to any other absolute address into defanged text', () => {
    expect(defangMarkdown('[panel](http://evil.example.com/panel)', known)).toBe(
      'panel (hxxp\\[://\\]evil\\[.\\]example\\[.\\]com/panel)',
    );
  });

  it('drops a link definition that points at an indicator, keeping the label as text', () => {
    const out = defangMarkdown('See [c2][1].\n\n[1]: http://evil.example/x\n', known);
    expect(out).not.toContain('http://evil.example');
    expect(out).toContain('[c2][1]');
  });

  it('is idempotent', () => {
    const body = 'C2 203.0.113.10 and `evil.example` and <http://evil.example/a>';
    const once = defangMarkdown(body, known);
    expect(defangMarkdown(once, known)).toBe(once);
  });
});

// GitHub links a bare `www.host` or `name@host` after escapes are resolved, so only a defanged
// `.` or `@` stops it; a host ending in a number is no indicator, yet would still be linked.
describe('defangMarkdown — autolink literals', () => {
  const linksIn = (markdown: string): string[] => {
    const links: string[] = [];
    const visit = (node: Nodes): void => {
      if (node.type === 'link') links.push(node.url);
      if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
    return links;
  };

  // Fuzzed pieces can still glue a link no browser could open (`http://www`, `http://a..b[`).
  const isReachable = (url: string): boolean => {
    const mailbox = /^(?:mailto|xmpp):[^@]*@(.*)$/.exec(url);
    const host = URL.parse(mailbox ? `http://${mailbox[1]}` : url)?.hostname ?? '';
    return /\.[a-z\d-]*[a-z]/i.test(host);
  };

  it.each([
    ['see www.evil.example-31.76.87.112 now', 'see www\\[.\\]evil\\[.\\]example-31\\[.\\]76\\[.\\]87\\[.\\]112 now'],
    ['go to www.evil-1.2.3.4.', 'go to www\\[.\\]evil-1\\[.\\]2\\[.\\]3\\[.\\]4.'],
    ['www.attacker.zip', 'www\\[.\\]attacker\\[.\\]zip'],
    // Linked only after parsing, in pieces that have no place in the source.
    ['-www.attacker.zip', '\\-www\\[.\\]attacker\\[.\\]zip'],
    ['## h-www.attacker.zip', '## h-www\\[.\\]attacker\\[.\\]zip'],
    ['x&amp;www.attacker.zip', 'x&amp;www\\[.\\]attacker\\[.\\]zip'],
    ['www&#46;evil&#46;example-1&#46;2', 'www\\[.\\]evil\\[.\\]example-1\\[.\\]2'],
    ['x@www.x@a.b', 'x@www\\[.\\]x\\[@\\]a.b'],
  ])('%j is shown as text, never linked', (input, expected) => {
    expect(linksIn(input)).not.toEqual([]);
    const output = defangMarkdown(input, known);
    expect(output).toBe(expected);
    expect(linksIn(output)).toEqual([]);
    expect(defangMarkdown(output, known)).toBe(output);
  });

  it('leaves no bare host or address that the page would link', () => {
    const piece = fc.constantFrom(
      '&#46;',
      '&amp;',
      '\\.',
      '\n## ',
      '**',
      'http://',
      'mailto:',
      '\n- ',
      '\n> ',
      '`',
      '~~',
      '<b>',
      '[x](y)',
      '\n|---|\n',
      'www.',
      'x@',
      'evil',
      'example',
      '-',
      '1',
      '31.76',
      '.',
      '_',
      '/',
      ' ',
      'zip',
      'a.b',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (pieces) => {
        const output = defangMarkdown(pieces.join(''), known);
        expect(linksIn(output).filter(isReachable)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });
});

// A third review found decoded text written back as Markdown: `&lt;`, `\<` and `&#10;` came back
// as real markup. Whatever the defanger writes from decoded text is escaped, line breaks included.
describe('defangMarkdown — decoded text written back', () => {
  const reference = { ...known, references: ['https://learn.microsoft.com/en-us/defender/'] };
  const read = (markdown: string) => {
    const html: string[] = [];
    const targets: string[] = [];
    const code: string[] = [];
    const visit = (node: Nodes): void => {
      if (node.type === 'html') html.push(node.value);
      if (node.type === 'link' || node.type === 'image') targets.push(node.url);
      if (node.type === 'code') code.push(`${node.lang ?? ''}:${node.value}`);
      if ('children' in node) node.children.forEach(visit);
    };
    visit(fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }));
    return { html, targets, code };
  };

  it.each([
    ['a decoded link target', '[x](https://attacker.zip/&lt;script&gt;alert(1)&lt;/script&gt;)'],
    ['an escaped link target', '[x](http:\\<script\\>alert(1)\\</script\\>)'],
    ['a decoded alt text', '![&lt;img src=x onerror=alert(1)&gt;](x.svg)'],
    ['an escaped alt text', '![\\<script>alert(1)\\</script>](a.png)'],
    ['a kept image whose alt holds a bracket', '![evil.com\\] \\<script>alert(1)\\</script>](img/a.png)'],
    [
      'a link title with line breaks',
      '[t](https://learn.microsoft.com/x "evil.com&#10;&#10;<script>alert(1)</script>")',
    ],
    ['an image title with line breaks', '![a](img/a.png "evil.com&#10;&#10;<script>alert(1)</script>")'],
    [
      'a definition title',
      '[a]: https://learn.microsoft.com/x "evil.com&#10;&#10;<script>alert(1)</script>"\n\nsee [a]',
    ],
    ['a line break before a block tag', 'see x@evil.zzz&#10;<div>\n\\<script>alert(1)//\\</script>'],
    ['a line break in a table cell', '| a |\n|---|\n| www.attacker.zip&#10;<div> \\<script>alert(1)//\\</script> |'],
    // A fourth review: what is written back must not end the markup it sits in either.
    ['a backslash before the closing bracket of a kept target', 'See [a](x\\ "<script>alert(1)</script> evil.com").'],
    ['a backslash in a definition target', '[r]: x\\ "<script>alert(1)</script> evil.com"\n\nsee [r]'],
    ['angle brackets in a kept image target', '![evil.com](x&gt;&lt;script&gt;alert(1)&lt;/script)'],
    [
      'quotes that close an attribute opened before a link',
      '[<img src=x alt="](https://x.example/"&#32;onerror="alert(1)"&#32;x=&gt;)',
    ],
    ['quotes in alt text after an open tag', '<b title="![" onclick=alert(1) x=&gt;](evil.example)'],
    ['quotes in text after an open tag', '<b title="*x* www.foo&quot; onclick=alert(1) x=&gt;'],
    [
      'a title whose quotes would close a tag',
      "[<b title=\"](https://learn.microsoft.com/x ' onclick=alert(1) x=evil.com>')",
    ],
    ['a label that opens an HTML block', '[<pre>](https://evil.example)\n\n\\<img src=x onerror="alert(1)"\\>'],
  ])('adds no markup: %s', (_name, input) => {
    const output = defangMarkdown(input, reference);
    expect(read(output).html.join('')).not.toMatch(/<script|\son[a-z]+=/i);
    expect(read(output).html.length).toBeLessThanOrEqual(read(input).html.length);
  });

  it.each([
    ['text after an indent', '`a`    &#119;ww.attacker.zip'],
    ['an indented continuation line', '**Note**\n    x&#64;attacker.zip'],
    ['a mail autolink with a reference', '<mailto:soc&#64;attacker.mov>'],
    ['an autolink whose text decodes to a host', '<http:/x.zip/&#119;ww.attacker.zip>'],
    ['a link written inside an autolink', '<https://a.zip/[click](//attacker.zip)>'],
    ['a link written inside a target', '[x](https://a.zip/&#91;click&#93;(//attacker.zip/login))'],
    ['a link written inside alt text', '![\\[click\\](//attacker.zip)](a.png)'],
    ['a backslash that hides the host from the check', '[the guidance](https://learn.microsoft.com\\\\@attacker.net/)'],
  ])('leaves no link off the site: %s', (_name, input) => {
    const offSite = read(defangMarkdown(input, reference)).targets.filter((url) => /attacker/.test(url));
    expect(offSite).toEqual([]);
  });

  it('keeps a query fence byte-exact after a decoded line break', () => {
    const fence = '```kql\nDeviceNetworkEvents | where RemoteIP == "203.0.113.10"\n```';
    const output = defangMarkdown(`see x@evil.zzz&#10;<div>\n${fence}\n\nAfter.`, reference);
    expect(output).toContain(fence);
    expect(read(output).code).toEqual(['kql:DeviceNetworkEvents | where RemoteIP == "203.0.113.10"']);
  });

  it.each([
    ['a fence', 'see [~~~kql\nbad.example ftp://c2.example/x](https://x.example)\n\n```kql\nT\n```'],
    ['a heading', '[# Fake page title](https://evil.example)\n\n```kql\nT\n```'],
    ['a link definition', '[[x]: /foo](https://evil.example) and more text\n\n[x]\n\n```kql\nT\n```'],
  ])('writes a removed link whose label reads as %s as plain text', (_name, input) => {
    const output = defangMarkdown(input, reference);
    expect(read(output).code).toEqual(['kql:T']);
    expect(read(output).targets).toEqual([]);
    expect(output).not.toMatch(/^(#|~~~|\[x\]:)/);
  });

  it('keeps the markup around text it rewrites, and relative images', () => {
    const output = defangMarkdown(
      '# `a` [a]: &#119;ww.x.zip\n\n**Note** ![img](a.png) `code` and [ref](https://learn.microsoft.com/x)\n    &#119;ww.attacker.zip',
      reference,
    );
    expect(output).toMatch(/^# `a` /);
    expect(output).toContain('**Note** ![img](a.png) `code` and [ref](https://learn.microsoft.com/x)');
    expect(read(output).targets).toEqual(['a.png', 'https://learn.microsoft.com/x']);
  });
});

describe('defangMarkdown — declared indicators', () => {
  it('defangs a declared host whatever its TLD, in headings, prose, code spans and literal links', () => {
    const safety = { indicators: new Set(['attacker.zip']) };
    expect(
      defangMarkdown('## C2 attacker.zip\n\nSeen `attacker.zip` and www.attacker.zip; archive.zip stays.', safety),
    ).toBe('## C2 attacker\\[.\\]zip\n\nSeen `attacker[.]zip` and www\\[.\\]attacker\\[.\\]zip; archive.zip stays.');
  });
});

// The site's renderer writes an unknown directive back with its classes joined by dots.
describe('defangMarkdown — directives', () => {
  it.each([
    ['see :x{class="evil com"} now', 'see \\:x{class="evil com"} now'],
    ['text :w{class="203 0 113 10"} end', 'text \\:w{class="203 0 113 10"} end'],
    ['a :z[label]{#id .c2-panel .ru} b', 'a \\:z[label]{#id .c2-panel .ru} b'],
    ['::v{class="evil com"}', '\\:\\:v{class="evil com"}'],
    // Writeups get no directives: a container's label could swallow code the check reads as code.
    [':::note[`]\nx <script>alert(1)</script>`\n:::', '\\:\\:\\:note[`]\nx <script>alert(1)</script>`\n:::'],
    [':::note\nBody\n:::', '\\:\\:\\:note\nBody\n:::'],
    ['Intro\n> :::tip{title="`"}\n> x', 'Intro\n> \\:\\:\\:tip{title="`"}\n> x'],
    // A final review: the renderer's directive label could swallow what this parser reads as code.
    ['S :x[`]<script>alert(1)</script>`', 'S \\:x[`]<script>alert(1)</script>`'],
    ['B :x[a [b] c]{class="203 0 113 11"} end', 'B \\:x[a [b] c]{class="203 0 113 11"} end'],
    ['D a:x{class="203 0 113 13"} end', 'D a\\:x{class="203 0 113 13"} end'],
    ['\\::x{class="203 0 113 10"}', '\\:\\:x{class="203 0 113 10"}'],
  ])('keeps %j as text', (input, expected) => {
    expect(defangMarkdown(input)).toBe(expected);
    expect(defangMarkdown(expected)).toBe(expected);
  });

  it.each(['Ratio 3:2{x} and time 12:30{y}', 'a :x without attributes', 'C: drive, 10:30 and a:b'])(
    'leaves %j alone',
    (input) => {
      expect(defangMarkdown(input)).toBe(input);
    },
  );
});
