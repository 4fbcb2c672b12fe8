// IOC tables in Markdown pages: columns found by header name (Type, Value, Threat Type,
// First Seen, Confidence, Note), values validated and made canonical by the IOC engine.
import { normaliseIoc, resolveIocType } from '../ioc/index.ts';
import { splitHostPort } from '../ioc/url-parts.ts';
import type { DraftIoc, Skipped } from './import-types.ts';
import { readConfidence, readDay, readPresent } from './read-threatfox.ts';

const COLUMNS: Readonly<Record<string, RegExp>> = {
  type: /^(ioc )?type$/,
  value: /^(value|ioc|indicator|ioc value)$/,
  threat_type: /^threat[ _]?type$/,
  first_seen: /^first[ _]?seen( utc)?$/,
  last_seen: /^last[ _]?seen( utc)?$/,
  confidence: /^confidence( level)?$/,
  note: /^(note|notes|comment|description)$/,
};

/** Rows of an IOC table as indicators; rows that do not validate are reported, not guessed. */
export function readIocTable(
  header: readonly string[],
  rows: readonly string[][],
  origin: string,
): { iocs: DraftIoc[]; skipped: Skipped[] } {
  const index: Record<string, number> = {};
  header.forEach((name, column) => {
    const key = Object.keys(COLUMNS).find((field) => COLUMNS[field].test(name.trim().toLowerCase()));
    if (key && index[key] === undefined) index[key] = column;
  });
  const iocs: DraftIoc[] = [];
  const skipped: Skipped[] = [];
  for (const row of rows) {
    const cell = (key: string) => (index[key] === undefined ? undefined : readPresent(row[index[key]]));
    const raw = cell('value');
    if (!raw) continue;
    const declared = cell('type');
    const result = normaliseIoc(raw, declared && resolveIocType(declared) ? declared : undefined);
    if (!result.ok) {
      skipped.push({ origin, reason: `${raw}: ${result.message}` });
      continue;
    }
    iocs.push({
      type: result.type,
      value: result.value,
      threat_type: cell('threat_type'),
      first_seen: readDay(cell('first_seen')),
      last_seen: readDay(cell('last_seen')),
      confidence: readConfidence(cell('confidence')),
      note: cell('note'),
    });
  }
  return { iocs, skipped };
}

/** Table indicators first, then query literals not already covered; an ip:port covers its bare address. */
export function mergeIocs(fromTable: readonly DraftIoc[], fromQueries: readonly DraftIoc[]): DraftIoc[] {
  const merged = new Map<string, DraftIoc>();
  for (const ioc of fromTable) if (!merged.has(`${ioc.type} ${ioc.value}`)) merged.set(`${ioc.type} ${ioc.value}`, ioc);
  const addresses = new Set(
    fromTable
      .filter((ioc) => ioc.type === 'ip:port')
      .map((ioc) => splitHostPort(ioc.value).host.replace(/^\[|\]$/g, '')),
  );
  for (const ioc of fromQueries) {
    if (ioc.type === 'ip' && addresses.has(ioc.value)) continue;
    if (!merged.has(`${ioc.type} ${ioc.value}`)) merged.set(`${ioc.type} ${ioc.value}`, ioc);
  }
  return [...merged.values()];
}
