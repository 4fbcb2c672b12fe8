import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createError, type Problem } from '../problems/problem.ts';
import { decodeReferences } from '../markdown/decode-references.ts';
import { GLUING_MARKUP } from '../markdown/html-tags.ts';
import { listLookalikeCharacters } from '../ioc/index.ts';
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

/** The files an audit reads: every page, and the search index's fragments and word lists. */
export function listAuditedFiles(siteDir: string): string[] {
  return listFiles(siteDir).filter(
    (file) =>
      file.endsWith('.html') || (file.includes(`${sep}pagefind${sep}`) && /\.pf_(fragment|index|meta)$/.test(file)),
  );
}

/** Audits one built file; `html` is the page's text when the caller has already read it. */
export function auditFile(siteDir: string, file: string, indicators: ReadonlySet<string>, html?: string): Problem[] {
  const inSearchIndex = !file.endsWith('.html');
  const text = html ?? (inSearchIndex ? readSearchIndex(file) : readFileSync(file, 'utf8'));
  const findings = inSearchIndex ? auditSearchText(text, indicators) : auditPage(text, indicators);
  return findings.map((finding) =>
    createError({
      file: relative(siteDir, file).split(sep).join('/'),
      line: 1,
      field: inSearchIndex ? 'search index' : `<${finding.element}> ${finding.where}`,
      message: `live indicator ${finding.indicator} in "${finding.context.replace(/\s+/g, ' ').trim()}"`,
      hint: 'defang it in the writeup, or move it into a ```kql block',
    }),
  );
}

/**
 * Reads every built page and the search index, and reports each live indicator found outside
 * KQL code: the last line of defence before a site is published.
 */
export function auditSite(siteDir: string, indicators: ReadonlySet<string>): Problem[] {
  return listAuditedFiles(siteDir).flatMap((file) => auditFile(siteDir, file, indicators));
}

// Query blocks keep their indicators live on purpose: Expressive Code frames marked `data-query`
// (their copy button included) and plain KQL `<pre>` blocks.
const QUERY_BLOCKS =
  /<figure\b[^>]*\bdata-query\b[^>]*>[\s\S]*?<\/figure>|<pre\b[^>]*\bdata-language="(?:kql|kusto)"[^>]*>[\s\S]*?<\/pre>/gi;

// A live indicator has the shape of one of these: four dotted numbers (IPv4, and URLs, ip:port and
// CIDR on it), a literal dot before a letter (domain, URL, e-mail), two colons (IPv6) or an at
// sign, or a lookalike character (`relay。example`). Defanged values, SVG path data, version numbers
// and CSS have none, so the indicator scanner, the costly part of an audit, reads only the words
// that do.
const LIVE_SHAPE = new RegExp(
  String.raw`\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}|[\p{L}\p{N}_-]\.\p{L}|:[^:]*:|@|[${listLookalikeCharacters({ prose: true })}]`,
  'u',
);

/** The words of `text` that could hold a live indicator, joined by spaces. */
export function selectCandidateWords(text: string): string {
  return text
    .split(/[\s<>"'`]+/)
    .filter((word) => LIVE_SHAPE.test(word))
    .join(' ');
}

type Finding = { indicator: string; element: string; where: string; context: string };

/** The search index holds page text: scanned whole only when its candidate words hold a hit. */
function auditSearchText(text: string, indicators: ReadonlySet<string>): Finding[] {
  if (findLiveInText(selectCandidateWords(text), indicators).length === 0) return [];
  return findLiveInText(text, indicators).map((hit) => ({ ...hit, element: 'index', where: 'text' }));
}

// Inline elements and comments do not break a word as readers see it: `31.76.87.<em>112</em>`
// and `evil<!-- -->.example` read as live indicators, though no single text node holds one.
// Writeups may use no other inline tag (html-tags.ts); Starlight's own markup is among these.
const INLINE_TAGS = new RegExp(GLUING_MARKUP, 'gi');
// Both start only where a word starts: tried at every character, they would be quadratic.
const WORD_START = String.raw`(?<![^\s<>"'\`])`;
const GLUED_WORD = new RegExp(String.raw`${WORD_START}[^\s<>"'\`]*(?:(?:${GLUING_MARKUP})+[^\s<>"'\`]*)+`, 'gi');
// Character references (`&#46;`) spell a dot, colon or at sign the scanner would not see.
const ENCODED_WORD = new RegExp(String.raw`${WORD_START}[^\s<>"'\`&]*&[^\s<>"'\`]*`, 'g');

/**
 * The words of a page that could hold a live indicator, as readers get them: words glued
 * together by inline markup are read whole, and character references decoded.
 */
function selectPageCandidates(page: string): string[] {
  const words = new Set(selectCandidateWords(page).split(' '));
  const add = (text: string) => {
    for (const word of selectCandidateWords(decodeReferences(text)).split(' ')) words.add(word);
  };
  for (const glued of page.match(GLUED_WORD) ?? []) add(glued.replace(INLINE_TAGS, ''));
  for (const encoded of page.match(ENCODED_WORD) ?? []) add(encoded);
  words.delete('');
  return [...words];
}

// Pages share most of their words (navigation, labels, scripts): a word the scanner found clean
// once, against the same indicators, is not scanned again. Bounded, so a 10,000-page audit does
// not grow without end.
const cleanWordsFor = new WeakMap<ReadonlySet<string>, Set<string>>();
const MAX_CLEAN_WORDS = 200_000;

/**
 * One regex pass over the page's candidate words, query blocks cut out; only a page with a hit is
 * parsed into a tree to say where the hit is (parsing every page costs ~30 ms each). A hit the
 * tree cannot place (an indicator split by inline markup) is reported against the page.
 */
function auditPage(html: string, indicators: ReadonlySet<string>): Finding[] {
  let cleanWords = cleanWordsFor.get(indicators);
  if (!cleanWords) cleanWordsFor.set(indicators, (cleanWords = new Set()));
  const fresh = selectPageCandidates(html.replace(QUERY_BLOCKS, ' ')).filter((word) => !cleanWords.has(word));
  const quick = findLiveInText(fresh.join(' '), indicators);
  if (quick.length === 0) {
    if (cleanWords.size + fresh.length > MAX_CLEAN_WORDS) cleanWords.clear();
    for (const word of fresh) cleanWords.add(word);
    return [];
  }
  const detailed = findLiveIndicators(html, indicators);
  const placed = new Set(detailed.map((hit) => hit.indicator));
  const unplaced = quick.filter((hit) => !placed.has(hit.indicator));
  return [...detailed, ...unplaced.map((hit) => ({ ...hit, element: 'html', where: 'text as rendered' }))];
}
