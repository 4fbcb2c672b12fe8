import { describe, expect, it } from 'vitest';
import { checkUnsafeMarkup } from '../../../src/lib/markdown/check-unsafe-markup.ts';

const messages = (body: string) => checkUnsafeMarkup(body, 10, 'x.md').map((p) => `${p.line}: ${p.message}`);

describe('checkUnsafeMarkup', () => {
  it.each([
    ['script', 'Text\n\n<script>alert(1)</script>', ['12: <script> is not allowed']],
    [
      'event handler',
      '<img src="a.png" onerror="alert(1)">',
      ['10: event-handler attribute onerror on <img> is not allowed'],
    ],
    ['javascript link', '[click](javascript:alert(1))', ['10: javascript: URL in a link is not allowed']],
    ['data image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', ['10: data: URL in an image is not allowed']],
    [
      'javascript href in html',
      '<a href="JavaScript:alert(1)">x</a>',
      ['10: javascript: URL in <a href> is not allowed in raw HTML'],
    ],
    [
      'remote image',
      '![pixel](http://evil.example.com/p.png)',
      ['10: remote image http://evil[.]example[.]com… is not allowed: the site works offline'],
    ],
    ['iframe', '<iframe src="https://evil.example"></iframe>', ['10: <iframe> is not allowed']],
    ['form', '<form action="/x"><input name="q"></form>', ['10: <form> is not allowed', '10: <input> is not allowed']],
    ['style element', '<style>body{display:none}</style>', ['10: <style> is not allowed']],
    ['style attribute', '<div style="position:fixed;inset:0">x</div>', ['10: style attribute on <div> is not allowed']],
  ])('refuses %s', (_name, body, expected) => {
    expect(messages(body)).toEqual(expected);
  });

  it('accepts ordinary Markdown, safe HTML and code that merely mentions tags', () => {
    const body =
      '[docs](https://learn.microsoft.com/) and <kbd>Ctrl</kbd>\n\n```kql\nprint "<script>"\n```\n\n`<iframe>`';
    expect(messages(body)).toEqual([]);
  });
});
