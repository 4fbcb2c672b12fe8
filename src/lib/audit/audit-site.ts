import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createError, type Problem } from '../problems/problem.ts';
import { findLiveIndicators, findLiveInText } from './audit-html.ts';

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
  } catch {
    return [];
  }
}

/** Text of the search index: Pagefind stores gzip-compressed fragments and word indexes. */
function readSearchIndex(file: string): string {
  const bytes = readFileSync(file);
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return bytes.toString('utf8');
  }
}

/**
 * Reads every built page and the search index, and reports each live indicator found outside
 * KQL code: the last line of defence before a site is published.
 */
export function auditSite(siteDir: string, indicators: ReadonlySet<string>): Problem[] {
  const problems: Problem[] = [];
  const label = (file: string) => relative(siteDir, file).split(sep).join('/');
  for (const file of listFiles(siteDir)) {
    const inSearchIndex = file.includes(`${sep}pagefind${sep}`);
    if (!file.endsWith('.html') && !(inSearchIndex && /\.pf_(fragment|index|meta)$/.test(file))) continue;
    const text = inSearchIndex ? readSearchIndex(file) : readFileSync(file, 'utf8');
    const findings = inSearchIndex
      ? findLiveInText(text, indicators).map((hit) => ({ ...hit, element: 'index', where: 'text' }))
      : findLiveIndicators(text, indicators);
    for (const finding of findings) {
      problems.push(
        createError({
          file: label(file),
          line: 1,
          field: inSearchIndex ? 'search index' : `<${finding.element}> ${finding.where}`,
          message: `live indicator ${finding.indicator} in "${finding.context.replace(/\s+/g, ' ').trim()}"`,
          hint: 'defang it in the writeup, or move it into a ```kql block',
        }),
      );
    }
  }
  return problems;
}
