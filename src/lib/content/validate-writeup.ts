import { createError, createWarning, type Problem } from '../problems/problem.ts';
import { writeupFrontmatterSchema, type WriteupFrontmatter } from '../schema/writeup-schema.ts';
import type { ConnectorCatalog } from '../catalog/index.ts';
import { checkWriteupQueries, readWriteupQueries, type AnalysedQuery } from '../kql/check-writeup-queries.ts';
import type { Root } from 'mdast';
import { checkSplitIndicators } from '../markdown/check-split-indicators.ts';
import { checkUnsafeMarkup } from '../markdown/check-unsafe-markup.ts';
import { parseGfm } from '../markdown/parse-gfm.ts';
import { checkConnectorTables } from './check-connectors.ts';
import { extractQueries } from './extract-queries.ts';
import { parseSource } from './parse-source.ts';
import { convertZodIssues } from './zod-problems.ts';

/** A writeup that passed every check: frontmatter normalised, queries extracted. */
export interface Writeup extends WriteupFrontmatter {
  /** File name without `.md`; unique across the collection and used in URLs. */
  id: string;
  /** Path relative to the project root. */
  file: string;
  /** Markdown body after the frontmatter (LF line endings). */
  body: string;
  /** File line where the body starts. */
  bodyLine: number;
  /** Fenced ```kql blocks of the body, in order, with the tables each reads. */
  queries: AnalysedQuery[];
  /** Tables the writeup needs: those under `connectors:` first, then any other table a query reads. */
  tables: string[];
}

/** Result of checking one file: the writeup when it has no errors, and every problem found. */
export interface WriteupResult {
  writeup?: Writeup;
  problems: Problem[];
}

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Derives the id from the file name: `content/detections/net/remcos-c2.md` → `remcos-c2`. */
export function readWriteupId(file: string): string {
  return file.split('/').pop()!.replace(/\.(md|markdown)$/i, '');
}

/** Suggests a valid id for a badly named file: lowercase, words joined by single hyphens. */
export function suggestWriteupId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'my-detection';
}

/** Checks one writeup file end to end and reports every problem it can find in one pass. */
export function validateWriteup(file: string, text: string, catalog: ConnectorCatalog): WriteupResult {
  const source = parseSource(file, text);
  const problems = [...source.problems];
  const id = readWriteupId(file);
  if (!KEBAB_ID.test(id)) {
    problems.push(createError({ file, line: 1, field: 'id', message: `file name "${id}" is not a lowercase kebab-case id`, hint: `rename the file to ${suggestWriteupId(id)}.md` }));
  }
  // One parse of the body serves the query extraction, the markup check and the no-query hint.
  const tree = parseGfm(source.body);
  const queries = extractQueries(source.body, source.bodyLine, tree);
  // With an unclosed frontmatter the body cannot be told apart, so "no query" would be a guess.
  if (queries.length === 0 && !source.bodyUnknown) problems.push(describeMissingQuery(tree, source.bodyLine, file));
  problems.push(...checkUnsafeMarkup(source.body, source.bodyLine, file, tree));
  for (const query of queries.filter((q) => q.text.trim() === '')) {
    problems.push(createError({ file, line: query.line, field: `queries[${query.index}]`, message: 'empty KQL block', hint: 'write the query between the fences, or remove the block' }));
  }
  // Parsed before the frontmatter is checked, so a broken query is reported even next to a YAML error.
  const querySet = readWriteupQueries(queries, catalog, file);
  problems.push(...querySet.problems);
  if (source.data === undefined) return { problems };

  const parsed = writeupFrontmatterSchema.safeParse(source.data);
  if (!parsed.success) {
    problems.push(...convertZodIssues(parsed.error.issues, file, source.locate, source.data));
    // Every problem at once: the lists that did parse are still checked against the catalog.
    const partial = source.data as Record<string, unknown>;
    const connectors = writeupFrontmatterSchema.shape.connectors.safeParse(partial.connectors);
    if (connectors.success) problems.push(...checkConnectorTables(connectors.data, catalog, file, source.locate));
    const iocs = writeupFrontmatterSchema.shape.iocs.safeParse(partial.iocs);
    if (iocs.success) problems.push(...findDuplicateIocs(iocs.data, file, source.locate));
    return { problems };
  }
  const frontmatter = parsed.data;
  problems.push(...checkConnectorTables(frontmatter.connectors, catalog, file, source.locate));
  problems.push(...findDuplicateIocs(frontmatter.iocs, file, source.locate));
  const ownIndicators = new Set(frontmatter.iocs.map((ioc) => ioc.value));
  problems.push(...checkSplitIndicators(tree, source.bodyLine, file, ownIndicators));
  const derived = checkWriteupQueries(querySet, frontmatter, catalog, file, source.locate);
  problems.push(...derived.problems);
  if (problems.some((problem) => problem.severity === 'error')) return { problems };
  const writeup = { ...frontmatter, iocs: dedupeIocs(frontmatter.iocs), id, file, body: source.body, bodyLine: source.bodyLine };
  return { writeup: { ...writeup, queries: derived.queries, tables: derived.tables }, problems };
}

/** "No query", pointing at a fence that may be a query without its `kql` label. */
function describeMissingQuery(tree: Root, bodyLine: number, file: string): Problem {
  const unlabelled = tree.children.find((node) => node.type === 'code' && !node.lang);
  if (!unlabelled) return createError({ file, line: bodyLine, field: 'body', message: 'no KQL query', hint: 'add at least one fenced ```kql block with the hunting query' });
  const line = bodyLine + (unlabelled.position?.start.line ?? 1) - 1;
  return createError({ file, line, field: 'body', message: 'no KQL query', hint: `the code block on line ${line} has no language: if it is a query, open it with \`\`\`kql` });
}

/** The same canonical indicator twice is shown once; the author hears about both lines (F09). */
function findDuplicateIocs(iocs: WriteupFrontmatter['iocs'], file: string, locate: (path: readonly PropertyKey[]) => number): Problem[] {
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  iocs.forEach((ioc, index) => {
    const key = `${ioc.type} ${ioc.value}`;
    const first = firstIndex.get(key);
    if (first === undefined) {
      firstIndex.set(key, index);
      return;
    }
    problems.push(createWarning({
      file, line: locate(['iocs', index]), field: `iocs[${index}].value`,
      message: `duplicate of iocs[${first}] on line ${locate(['iocs', first])} (${ioc.defanged})`,
      hint: 'remove one of the two; the indicator is shown once',
    }));
  });
  return problems;
}

/** Drops later duplicates so each canonical indicator is displayed exactly once. */
export function dedupeIocs<T extends { type: string; value: string }>(iocs: readonly T[]): T[] {
  const seen = new Set<string>();
  return iocs.filter((ioc) => {
    const key = `${ioc.type} ${ioc.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
