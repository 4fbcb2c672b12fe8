import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../src/lib/catalog/index.ts';
import { validateWriteup } from '../../src/lib/content/validate-writeup.ts';

// Indicators pasted with lookalike dots, full-width forms or invisible characters are the plain
// indicators: listed once, canonical, defanged, and matched against the queries that hunt them.
const file = 'test/fixtures/valid/lookalike-characters.md';
const { writeup, problems } = validateWriteup(file, readFileSync(file, 'utf8'), loadConnectorCatalog());

describe('lookalike characters in frontmatter IOCs', () => {
  it('pass the check with no problem, the query-coverage rules included', () => {
    expect(problems).toEqual([]);
  });

  it('are read as the plain indicators and displayed defanged', () => {
    expect(writeup?.iocs.map((ioc) => [ioc.type, ioc.value, ioc.defanged])).toEqual([
      ['domain', 'relay.example', 'relay[.]example'],
      ['ip', '203.0.113.22', '203[.]0[.]113[.]22'],
      ['ip', '198.51.100.61', '198[.]51[.]100[.]61'],
      ['email', 'operator@relay.example', 'operator@relay[.]example'],
    ]);
  });
});
