// Writes a draft as a writeup file in the house style of `content/detections/`: flow maps for
// indicators and connectors, defanged quoted IOC values, a folded summary, fenced queries.
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import { defangIoc } from '../ioc/index.ts';
import { FRONTMATTER_FIELDS } from '../schema/field-hints.ts';
import type { DraftFrontmatter, WriteupDraft } from './import-types.ts';

/** Drops absent fields and empty lists so the file only says what is known. */
function toPlainData(frontmatter: DraftFrontmatter): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const key of FRONTMATTER_FIELDS) {
    const value = frontmatter[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    if (key === 'iocs') {
      data.iocs = frontmatter.iocs?.map(({ type, value: ioc, ...rest }) =>
        withoutUndefined({ type, value: defangIoc(ioc, type), ...rest }),
      );
    } else if (Array.isArray(value))
      data[key] = value.map((item: unknown) => (typeof item === 'object' ? withoutUndefined(item as object) : item));
    else data[key] = typeof value === 'object' ? withoutUndefined(value) : value;
  }
  return data;
}

function withoutUndefined(object: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== ''));
}

function field(doc: Document, key: string): Node | undefined {
  const node = doc.get(key, true);
  return node as Node | undefined;
}

/** Frontmatter YAML text (without the `---` lines). */
export function renderFrontmatter(frontmatter: DraftFrontmatter): string {
  const doc = new Document(toPlainData(frontmatter));
  const summary = field(doc, 'summary');
  if (isScalar(summary)) summary.type = 'BLOCK_FOLDED';
  for (const key of ['malware', 'attack', 'tags']) {
    const list = field(doc, key);
    if (isSeq(list)) list.flow = true;
  }
  for (const key of ['iocs', 'connectors']) {
    const list = field(doc, key);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      item.flow = true;
      for (const pair of item.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : '';
        // Quoted values are the guide's advice: `: `, `#` and hash-like digits stay text in any YAML reader.
        if ((name === 'value' || name === 'type' || name === 'note') && isScalar(pair.value))
          pair.value.type = 'QUOTE_DOUBLE';
      }
    }
  }
  // No folding by the library: one indicator per line reads best, and the summary is wrapped below.
  const text = doc.toString({ lineWidth: 0, flowCollectionPadding: true });
  return text
    .replace(/^(\w+): \[ (.*) \]$/gm, '$1: [$2]')
    .replace(/^summary: >-\n {2}(.*)$/m, (_line, summary: string) => `summary: >-\n${wrapWords(summary, 98, '  ')}`);
}

/** Folded-scalar lines: words joined by single spaces, so YAML reads them back as one line. */
function wrapWords(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.map((part) => indent + part).join('\n');
}

/** A fenced ```kql block; the fence is longer than any backtick run inside the query. */
export function fenceQuery(text: string, title?: string, flags: readonly string[] = []): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  const meta = [...(title ? [`title="${title.replace(/"/g, "'").replace(/\s+/g, ' ').trim()}"`] : []), ...flags];
  return `${fence}kql${meta.length ? ` ${meta.join(' ')}` : ''}\n${text.replace(/\s+$/, '')}\n${fence}`;
}

/** The whole writeup file. */
export function renderWriteup(draft: WriteupDraft): string {
  return `---\n${renderFrontmatter(draft.frontmatter)}---\n\n${draft.body.trim()}\n`;
}
