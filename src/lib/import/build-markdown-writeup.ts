// A Markdown hunting page (or a loose seed-style note) becomes a writeup: its IOC table and the
// indicator lists of its queries become `iocs:`, its queries become fenced ```kql blocks, its
// "Sentinel Table | Notes" table gives connector notes, its Scenario lines give false positives.
import type { ConnectorCatalog } from '../catalog/index.ts';
import { normaliseText } from '../content/parse-source.ts';
import type { DraftFalsePositive, DraftIoc, ImportContext, Skipped, WriteupDraft } from './import-types.ts';
import { makeWriteupId } from './make-id.ts';
import { describeQueryFacts, queryFenceFlags } from './query-facts.ts';
import { readMarkdownPage, type PagePart } from './read-markdown-page.ts';
import { readIocTable, mergeIocs } from './read-ioc-table.ts';
import { escapeRawHtml, titleFromFile, toPlain } from './markdown-text.ts';
import { fenceQuery } from './render-writeup.ts';
import { describeThreat } from './threat-types.ts';

const TECHNIQUE = /\bT\d{4}(?:\.\d{3})?\b/g;

interface PageFacts {
  title?: string;
  summary?: string;
  family?: string;
  provider?: string;
  attack: string[];
  references: string[];
  author?: string;
  tableIocs: DraftIoc[];
  connectorNotes: Map<string, string | undefined>;
  falsePositives: DraftFalsePositive[];
  queries: { text: string; title?: string }[];
  /** Body blocks in order; a number is the index of a query, fenced once its flags are known. */
  body: (string | number | { depth: number; source: string } | { code: string })[];
  skipped: Skipped[];
}

function addFalsePositive(facts: PageFacts, name: string, value: string): void {
  const last = facts.falsePositives[facts.falsePositives.length - 1];
  if (name === 'scenario' || !last) facts.falsePositives.push({ scenario: value });
  else if (name === 'description') last.description = value;
  else last.exclusion = value;
}

function readLoose(part: Extract<PagePart, { kind: 'loose' }>, facts: PageFacts, origin: string): void {
  const { block, section } = part;
  if (block.kind === 'query') {
    const title = /^\s*\/\/\s*(.+)$/.exec(block.lines[0])?.[1]?.trim();
    facts.provider ??= /\/\/\s*Source:\s*([^-\n]+?)\s*(?:-|$)/i.exec(block.lines.join('\n'))?.[1];
    facts.body.push(facts.queries.push({ text: block.lines.join('\n'), title }) - 1);
  } else if (block.kind === 'field') {
    if (block.name === 'malware family') facts.family = block.value.split(/\s+Total IOCs:/i)[0].trim();
    else addFalsePositive(facts, block.name, block.value);
  } else if (block.kind === 'table') {
    const header = block.header.map((cell) => cell.toLowerCase());
    if (header.some((cell) => /^(value|ioc|indicator)$/.test(cell))) {
      const read = readIocTable(block.header, block.rows, origin);
      facts.tableIocs.push(...read.iocs);
      facts.skipped.push(...read.skipped);
    } else if (header[0]?.includes('table')) {
      for (const [table, note] of block.rows) facts.connectorNotes.set(table, note || undefined);
    } else {
      // An ATT&CK table: ids from its id column only, since its links also spell T1134/002.
      const idColumn = header.findIndex((cell) => cell.includes('technique') && cell.includes('id'));
      if (idColumn >= 0)
        for (const row of block.rows)
          facts.attack.push(...((row[idColumn] ?? '').toUpperCase().match(TECHNIQUE) ?? []));
      facts.body.push(
        [
          `| ${block.header.join(' | ')} |`,
          `| ${block.header.map(() => '---').join(' | ')} |`,
          ...block.rows.map((row) => `| ${row.join(' | ')} |`),
        ].join('\n'),
      );
    }
  } else {
    const lines = block.lines.filter((line) => !/^\s*IOC Summary\s*$/i.test(line));
    if (lines.length === 0) return;
    const text = lines.join('\n');
    // The first prose paragraph is the summary, preferring one under a Description heading.
    if (!facts.summary && (!section || /description/i.test(section))) facts.summary = toPlain(text);
    else facts.body.push(text);
  }
}

function readPage(text: string, origin: string): PageFacts {
  const facts: PageFacts = {
    attack: [],
    references: [],
    tableIocs: [],
    connectorNotes: new Map(),
    falsePositives: [],
    queries: [],
    body: [],
    skipped: [],
  };
  const parts = readMarkdownPage(text);
  for (const part of parts) {
    if (part.kind === 'heading') {
      if (part.depth === 1 && !facts.title) facts.title = toPlain(part.text);
      else facts.body.push({ depth: part.depth, source: part.source });
    } else if (part.kind === 'query') {
      const title = part.section && !/^(query|kql)$/i.test(part.section) ? part.section : undefined;
      facts.body.push(facts.queries.push({ text: part.text, title }) - 1);
    } else if (part.kind === 'code') facts.body.push({ code: part.source });
    else if (part.kind === 'list') {
      if (/reference/i.test(part.section ?? '')) facts.references.push(...part.links);
      const name = part.items.map((item) => /^Name:\s*(.+)$/i.exec(item)?.[1]?.trim()).find(Boolean);
      if (/author/i.test(part.section ?? '') && name) facts.author = name;
      facts.body.push(part.source);
    } else readLoose(part, facts, origin);
  }
  // The summary may have been taken from a Description section that came after other prose.
  if (!facts.summary) {
    facts.summary = facts.body
      .flatMap((block) => (typeof block === 'string' ? [toPlain(block)] : []))
      .find((line) => line.length > 20 && !/^(```|\|)/.test(line));
  }
  return facts;
}

/** Builds the draft, or says why the page cannot become a writeup. */
export function buildMarkdownWriteup(
  rawText: string,
  origin: string,
  catalog: ConnectorCatalog,
  context: ImportContext,
): WriteupDraft | Skipped {
  const text = normaliseText(rawText);
  if (/^---\n/.test(text))
    return {
      origin,
      reason: 'the file already has frontmatter: it is a writeup, copy it into the content folder instead',
    };
  const facts = readPage(text, origin);
  if (facts.queries.length === 0)
    return { origin, reason: 'no KQL query found (neither a ```kql block nor bare query lines)' };
  const scanned = describeQueryFacts(
    facts.queries.map((q) => q.text),
    catalog,
  );
  const iocs = mergeIocs(facts.tableIocs, scanned.iocs);
  const unmapped = [...scanned.unmapped, ...facts.skipped.map((s) => `IOC table row left out: ${s.reason}`)];
  for (const table of facts.connectorNotes.keys()) {
    if (!scanned.tables.includes(table))
      unmapped.push(`the page lists table ${table}, which no query reads: left out of connectors`);
  }
  const threat = describeThreat(iocs.map((ioc) => ioc.threat_type));
  const days = iocs.flatMap((ioc) => ioc.first_seen ?? []).sort();
  const title =
    facts.title ??
    (facts.family
      ? `${facts.family} ${threat?.phrase ?? 'activity'} from ${facts.provider ?? 'imported'} IOCs`
      : titleFromFile(origin));
  if (!facts.summary) unmapped.push('no descriptive paragraph: the summary names the page only');
  // Behavioural queries are marked so their literals are not compared with the IOC list.
  const body = facts.body.flatMap((block, index) => {
    if (typeof block === 'number')
      return [fenceQuery(facts.queries[block].text, facts.queries[block].title, queryFenceFlags(scanned.scans[block]))];
    if (typeof block === 'string') return [escapeRawHtml(block)];
    if ('code' in block) return [block.code];
    // A heading whose only content moved into the frontmatter (Description → summary) is dropped.
    const next = facts.body[index + 1];
    const empty = next === undefined || (typeof next === 'object' && 'depth' in next && next.depth <= block.depth);
    return empty ? [] : [escapeRawHtml(block.source)];
  });
  return {
    id: makeWriteupId(
      origin
        .split('/')
        .pop()!
        .replace(/\.(md|markdown|txt)$/i, ''),
    ),
    origin,
    unmapped,
    frontmatter: {
      title,
      summary: facts.summary ?? `Hunting queries imported from ${titleFromFile(origin)}.`,
      severity: threat?.serious ? 'high' : 'medium',
      status: 'experimental',
      date: days[days.length - 1] ?? context.today,
      malware: facts.family ? [facts.family] : [],
      attack: [...new Set([...facts.attack, ...(facts.attack.length ? [] : (threat?.attack ?? []))])],
      tags: [
        ...new Set([
          ...(facts.provider ? [makeWriteupId(facts.provider.toLowerCase())] : []),
          ...(threat ? [threat.tag] : []),
        ]),
      ],
      author: facts.author,
      source: facts.provider ? { name: facts.provider } : undefined,
      references: [...new Set(facts.references.filter((link) => /^https?:\/\//.test(link) && URL.canParse(link)))],
      iocs,
      connectors: scanned.tables.map((table) => ({ table, note: facts.connectorNotes.get(table) })),
      false_positives: facts.falsePositives,
    },
    body: body.join('\n\n'),
  };
}
