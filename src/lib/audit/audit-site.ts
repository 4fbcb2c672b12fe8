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
      : auditPage(text, indicators);
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

// Query blocks keep their indicators live on purpose: Expressive Code frames marked `data-query`
// (their copy button included) and plain KQL `<pre>` blocks.
const QUERY_BLOCKS =
  /<figure\b[^>]*\bdata-query\b[^>]*>[\s\S]*?<\/figure>|<pre\b[^>]*\bdata-language="(?:kql|kusto)"[^>]*>[\s\S]*?<\/pre>/gi;

/**
 * One regex pass over the page with its query blocks cut out; only a page with a hit is parsed
 * into a tree to say where the hit is (parsing every page costs ~30 ms each, most of an audit).
 */
function auditPage(
  html: string,
  indicators: ReadonlySet<string>,
): { indicator: string; element: string; where: string; context: string }[] {
  // Only words with a dot, colon or at sign can hold an indicator; the scanner reads just those.
  const candidates = html
    .replace(QUERY_BLOCKS, ' ')
    .split(/[\s<>"'`]+/)
    .filter((word) => /[.:@]/.test(word))
    .join(' ');
  const quick = findLiveInText(candidates, indicators);
  if (quick.length === 0) return [];
  const detailed = findLiveIndicators(html, indicators);
  return detailed.length ? detailed : quick.map((hit) => ({ ...hit, element: 'html', where: 'source' }));
}
