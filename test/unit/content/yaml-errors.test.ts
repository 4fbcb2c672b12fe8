import { describe, expect, it } from 'vitest';
import { parseSource } from '../../../src/lib/content/parse-source.ts';
import { formatProblem } from '../../../src/lib/problems/format-problems.ts';

const check = (frontmatter: string) => parseSource('x.md', `---\n${frontmatter}\n---\nbody`).problems.map(formatProblem);

describe('YAML mistakes get the line to fix and advice in the author’s terms', () => {
  it.each([
    ['unquoted colon', 'title: t\nnote: Source: ThreatFox', 'x.md:3: yaml: Nested mappings are not allowed in compact mappings (a value that contains ": " must be quoted'],
    ['unclosed quote points at its line', 'title: "Remcos hunt\nsummary: x\nseverity: low', 'x.md:2: yaml: Missing closing "quote (close the quote opened on this line)'],
    ['unclosed bracket points at its line', 'a: 1\ntags: [a, b\nc: 2', 'x.md:3: yaml: Flow sequence in block collection must be sufficiently indented and end with a ] (close the [ or { opened on this line)'],
    ['hash starts a comment', 'tags: [#c2, rat]', 'x.md:2: yaml: Comments must be separated from other tokens by white space characters (`#` starts a comment'],
    ['quotes inside quotes', 'title: "The "Remcos" hunt"', 'x.md:2: yaml: Unexpected scalar at node end (a quote inside a quoted value ends it early'],
    ['reserved first character', 'author: @me', 'x.md:2: yaml: Plain value cannot start with reserved character @ (quote values that start with @, ` or %'],
    ['Windows path in double quotes', 'summary: "C:\\Users\\x"', "x.md:2: yaml: Invalid escape sequence \\Users\\x\" (backslashes in double quotes start escapes: use single quotes"],
    ['duplicate key', 'a: 1\na: 2', 'x.md:3: yaml: Map keys must be unique (remove one of the two entries)'],
  ])('%s', (_name, frontmatter, expected) => {
    expect(check(frontmatter)[0]).toContain(expected);
  });

  it('reports an alias bomb as a problem, not a crash', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    expect(check(bomb)[0]).toMatch(/^x\.md:2: yaml: .*alias.* \(write the values out instead of repeating \*aliases\)$/i);
  });

  it('accepts ordinary alias reuse', () => {
    expect(check('x: &ex Exclude the backup service\ny: *ex\nz: *ex')).toEqual([]);
  });

  it('says where frontmatter must start, and reports files that are not UTF-8', () => {
    expect(parseSource('x.md', '\n\n---\ntitle: t\n---\n').problems.map(formatProblem)).toEqual(['x.md:3: frontmatter: frontmatter must start on line 1 (remove the blank lines above the opening ---)']);
    expect(parseSource('x.md', '---\ntitle: Caf\uFFFD hunt\n---\n').problems.map(formatProblem)).toEqual(['x.md:2: encoding: the file is not valid UTF-8 (save it as UTF-8 (it looks like Latin-1 or Windows-1252))']);
    const utf16 = Buffer.from('\uFEFF---\ntitle: t\n---\n', 'utf16le').toString('utf8');
    expect(parseSource('x.md', utf16).problems.map(formatProblem)).toEqual(['x.md:1: encoding: the file is UTF-16 (save it as UTF-8)']);
  });
});
