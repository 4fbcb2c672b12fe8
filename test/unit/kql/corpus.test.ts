import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findTableForDataType, loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { extractQueries } from '../../../src/lib/content/extract-queries.ts';
import { analyseQuery } from '../../../src/lib/kql/analyse-query.ts';
import { isPlausibleIndicator, readLiteralIndicator } from '../../../src/lib/kql/ioc-keys.ts';
import { loadKustoEngine } from '../../../src/lib/kql/load-kusto.ts';
import { listReadTables, readQuery } from '../../../src/lib/kql/read-query.ts';

// Real content beside the repository (../shared, read-only): every query must go through the
// parser and the extractors without crashing. The figures go to test-results/kql-corpus.txt.
const SHARED = resolve(import.meta.dirname, '../../../../shared/corpus');
const catalog = loadConnectorCatalog();

interface CorpusQuery {
  file: string;
  text: string;
  /** Tables the rule says it needs (`requiredDataConnectors[].dataTypes`), mapped to catalog tables. */
  declared?: string[];
}

function listFiles(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

interface Rule {
  query?: string;
  requiredDataConnectors?: { dataTypes?: string[]; datatypes?: string[] }[];
  properties?: { queryCondition?: { queryText?: string } };
}

function readSentinelQueries(): CorpusQuery[] {
  return listFiles(join(SHARED, 'sentinel'), /\.ya?ml$/i).flatMap((path) => {
    const rule = parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as Rule;
    const text = rule.query ?? rule.properties?.queryCondition?.queryText;
    if (typeof text !== 'string') return [];
    const dataTypes = (rule.requiredDataConnectors ?? []).flatMap((r) => r.dataTypes ?? r.datatypes ?? []);
    const declared = rule.requiredDataConnectors
      ? [
          ...new Set(
            dataTypes.map(
              (dataType) => findTableForDataType(catalog, dataType)?.name ?? `${dataType} (not in catalog)`,
            ),
          ),
        ]
      : undefined;
    return [
      { file: relative(SHARED, path), text: text.replace(/\r\n?/g, '\n').trimEnd(), ...(declared ? { declared } : {}) },
    ];
  });
}

function readMarkdownQueries(): CorpusQuery[] {
  return listFiles(join(SHARED, 'markdown'), /\.md$/i).flatMap((path) =>
    extractQueries(
      readFileSync(path, 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n'),
      1,
    )
      .filter((query) => query.text.trim() !== '')
      .map((query) => ({ file: `${relative(SHARED, path)} #${query.index + 1}`, text: query.text })),
  );
}

const list = (values: readonly string[]) => (values.length ? values.join(', ') : '—');

// ASIM parsers (`_Im_Dns(...)`, `imFileEvent`) read tables through workspace functions that the
// query text does not show; they explain most "declared but not read" tables.
const findParsers = (text: string) => [
  ...new Set([...text.matchAll(/\b(_?[Ii]m_?[A-Z][A-Za-z]+|_ASim_[A-Za-z]+)\b/g)].map((match) => match[1])),
];

describe.skipIf(!existsSync(SHARED))('KQL over the shared corpus', () => {
  it('parses and extracts every query without crashing, and reports the figures', () => {
    const engine = loadKustoEngine();
    const sentinel = readSentinelQueries();
    const markdown = readMarkdownQueries();
    const report: string[] = [];
    let clean = 0;
    const disagreements: string[] = [];
    const section = (title: string, queries: CorpusQuery[]) => {
      report.push('', `## ${title}: ${queries.length} queries`, '');
      for (const item of queries) {
        const facts = analyseQuery(item.text, engine);
        const query = { index: 0, text: item.text, line: 0, indent: 0 };
        const { reading } = readQuery(query, catalog, item.file);
        const read = listReadTables(reading);
        const unknown = facts.tableReferences
          .filter(
            (ref) =>
              !ref.wildcard &&
              !reading.named.has(ref.name) &&
              ![...reading.named.keys()].some((n) => n.toLowerCase() === ref.name.toLowerCase()),
          )
          .map((ref) => ref.name);
        const indicators = facts.literals
          .map((literal) => readLiteralIndicator(literal.value))
          .filter((ioc) => ioc && isPlausibleIndicator(ioc));
        if (facts.syntaxErrors.length === 0) clean++;
        report.push(`- ${item.file}`);
        report.push(
          `  parse: ${
            facts.syntaxErrors.length === 0
              ? 'clean'
              : facts.syntaxErrors
                  .map((e) => `${e.code} ${e.message} @${e.offset}`)
                  .slice(0, 2)
                  .join('; ')
          }`,
        );
        report.push(
          `  tables read: ${list(read)}${unknown.length ? `; not in catalog (functions, watchlists, custom tables): ${list([...new Set(unknown)])}` : ''}`,
        );
        report.push(`  IOC-looking literals: ${indicators.length}; look-backs: ${list(facts.lookbacks)}`);
        const parsers = findParsers(item.text);
        if (parsers.length) report.push(`  ASIM parsers (tables hidden behind functions): ${list(parsers)}`);
        if (!item.declared) continue;
        const missing = read.filter((table) => !item.declared!.includes(table));
        const unread = item.declared.filter((table) => !read.includes(table));
        report.push(`  declared: ${list(item.declared)}`);
        if (missing.length || unread.length) {
          const line = `read but not declared: ${list(missing)}; declared but not read: ${list(unread)}${parsers.length ? ` (uses ${list(parsers)})` : ''}`;
          disagreements.push(`- ${item.file}: ${line}`);
          report.push(`  DISAGREES: ${line}`);
        }
      }
    };
    section('Sentinel rules and hunting queries (query vs requiredDataConnectors)', sentinel);
    section('Markdown hunting pages', markdown);
    const total = sentinel.length + markdown.length;
    report.unshift(
      '# KQL corpus report (test/unit/kql/corpus.test.ts)',
      '',
      `${total} queries (${sentinel.length} Sentinel, ${markdown.length} Markdown); ${clean} parse clean, ${total - clean} with syntax errors.`,
      `${disagreements.length} of ${sentinel.length} Sentinel queries disagree with their own requiredDataConnectors:`,
      '',
      ...disagreements,
    );
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/kql-corpus.txt', `${report.join('\n')}\n`);
    expect(sentinel.length).toBeGreaterThanOrEqual(30);
    expect(markdown.length).toBeGreaterThanOrEqual(20);
    expect(clean).toBeGreaterThan(total * 0.9);
  }, 60_000);
});
