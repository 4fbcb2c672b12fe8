import { createError, createWarning, type Problem } from '../problems/problem.ts';
import { writeupFrontmatterSchema, type WriteupFrontmatter } from '../schema/writeup-schema.ts';
import type { ConnectorCatalog } from '../catalog/index.ts';
import { checkConnectorTables } from './check-connectors.ts';
import { extractQueries, type Query } from './extract-queries.ts';
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
  /** Fenced ```kql blocks of the body, in order. */
  queries: Query[];
}

/** Result of checking one file: the writeup when it has no errors, and every problem found. */
export interface WriteupResult {
  writeup?: Writeup;
  problems: Problem[];
}

const KEBAB_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Derives the id from the file name: `content/detections/net/remcos-c2.md` → `remcos-c2`. */
export function readWriteupId(file: string): string {
  return file.split('/').pop()!.replace(/\.md$/i, '');
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
  const queries = extractQueries(source.body, source.bodyLine);
  if (queries.length === 0) {
    problems.push(createError({ file, line: source.bodyLine, field: 'body', message: 'no KQL query', hint: 'add at least one fenced ```kql block with the hunting query' }));
  }
  for (const query of queries.filter((q) => q.text.trim() === '')) {
    problems.push(createError({ file, line: query.line, field: `queries[${query.index}]`, message: 'empty KQL block', hint: 'write the query between the fences, or remove the block' }));
  }
  if (source.data === undefined) return { problems };

  const parsed = writeupFrontmatterSchema.safeParse(source.data);
  if (!parsed.success) return { problems: [...problems, ...convertZodIssues(parsed.error.issues, file, source.locate)] };
  const frontmatter = parsed.data;
  problems.push(...checkConnectorTables(frontmatter.connectors, catalog, file, source.locate));
  problems.push(...findDuplicateIocs(frontmatter, file, source.locate));
  if (problems.some((problem) => problem.severity === 'error')) return { problems };
  return { writeup: { ...frontmatter, iocs: dedupeIocs(frontmatter.iocs), id, file, body: source.body, bodyLine: source.bodyLine, queries }, problems };
}

/** The same canonical indicator twice is shown once; the author hears about both lines (F09). */
function findDuplicateIocs(frontmatter: WriteupFrontmatter, file: string, locate: (path: readonly PropertyKey[]) => number): Problem[] {
  const firstIndex = new Map<string, number>();
  const problems: Problem[] = [];
  frontmatter.iocs.forEach((ioc, index) => {
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
