import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { extractQueries, readFenceTitle } from '../../../src/lib/content/extract-queries.ts';
import { parseSource } from '../../../src/lib/content/parse-source.ts';
import { validateWriteup } from '../../../src/lib/content/validate-writeup.ts';

const catalog = loadConnectorCatalog();
const lfText = readFileSync('test/fixtures/valid/yaml-traps.md', 'utf8');

describe('parseSource', () => {
  it('reads a BOM + CRLF file exactly like the LF file (F13)', () => {
    const crlf = '\uFEFF' + lfText.replace(/\n/g, '\r\n');
    const plain = validateWriteup('x/yaml-traps.md', lfText, catalog);
    const odd = validateWriteup('x/yaml-traps.md', crlf, catalog);
    expect(odd.problems).toEqual(plain.problems);
    expect(odd.writeup).toEqual(plain.writeup);
    expect(odd.writeup?.title).toBe('YAML traps stay strings');
  });

  it('keeps a CRLF query as LF lines without blank lines or CR (F18)', () => {
    const text = '---\r\ntitle: t\r\n---\r\n\r\n```kql\r\nDeviceNetworkEvents\r\n| where RemotePort == 7716\r\n| take 10\r\n```\r\n';
    const source = parseSource('x.md', text);
    const [query] = extractQueries(source.body, source.bodyLine);
    expect(query?.text).toBe('DeviceNetworkEvents\n| where RemotePort == 7716\n| take 10');
    expect(query?.line).toBe(5);
  });

  it('keeps unquoted hashes and digit strings as the text written (F10)', () => {
    const { writeup } = validateWriteup('x/yaml-traps.md', lfText, catalog);
    expect(writeup?.iocs.map((ioc) => ioc.value)).toContain('0e462097431906509019562988736854');
    expect(writeup?.iocs.map((ioc) => ioc.value)).toContain('1234567890123456789012345678901234567890');
  });

  it('keeps dates as calendar-day strings, never Date objects (F12)', () => {
    const { writeup } = validateWriteup('x/yaml-traps.md', lfText, catalog);
    expect(writeup?.date).toBe('2024-03-01');
    expect(writeup?.iocs[4]?.first_seen).toBe('2024-02-28');
  });

  it('points each field at its line, and a missing field at its parent', () => {
    const source = parseSource('x.md', '---\ntitle: a\niocs:\n  - value: b\n    type: ip\n---\nbody');
    expect(source.locate(['title'])).toBe(2);
    expect(source.locate(['iocs', 0, 'type'])).toBe(5);
    expect(source.locate(['iocs', 0, 'confidence'])).toBe(4);
    expect(source.bodyLine).toBe(7);
  });

  it('reports a file without frontmatter', () => {
    expect(parseSource('x.md', '# Just markdown').problems[0]).toMatchObject({ field: 'frontmatter', message: 'missing frontmatter' });
  });
});

describe('extractQueries', () => {
  it('reads titles, languages in any case, and skips other fences', () => {
    const body = '```KQL title="One"\nA\n```\n\n```text\n1.2.3.4\n```\n\n~~~kusto title=\'Two\' {2}\nB\n~~~\n';
    const queries = extractQueries(body, 10);
    expect(queries.map((q) => [q.title, q.text, q.line])).toEqual([['One', 'A', 10], ['Two', 'B', 18]]);
  });

  it('reads fence titles', () => {
    expect(readFenceTitle('title="Hunt in Defender" {1}')).toBe('Hunt in Defender');
    expect(readFenceTitle('wrap')).toBeUndefined();
  });
});
