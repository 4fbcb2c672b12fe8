// Turns indicator records from a feed (ThreatFox, a Huntbook export) into writeups: one per
// malware family by default, each with typed, canonical, deduplicated IOCs and generated hunts.
import { IOC_TYPES, type IocType } from '../ioc/ioc-types.ts';
import { composeFeedQueries } from './compose-feed-queries.ts';
import type { DraftIoc, IocRecord, Skipped, WriteupDraft } from './import-types.ts';
import { makeWriteupId } from './make-id.ts';
import { describeThreat } from './threat-types.ts';
import { fenceQuery } from './render-writeup.ts';

/** How records are split into writeups. */
export const GROUPINGS = ['malware', 'threat-type', 'all'] as const;
/** One of {@link GROUPINGS}. */
export type Grouping = (typeof GROUPINGS)[number];

/** Where the records came from and how to group them. */
export interface FeedOptions {
  /** Provider name as shown in `source:`, e.g. ThreatFox. */
  provider: string;
  /** Input file, for the summary. */
  origin: string;
  /** How to split records into writeups. */
  grouping: Grouping;
  /** Date used when no record has a first-seen day. */
  today: string;
}

function groupKey(record: IocRecord, grouping: Grouping): string {
  if (grouping === 'all') return 'all';
  if (grouping === 'threat-type') return record.threat_type ?? 'unknown';
  return (record.malwareKey ?? record.malware ?? 'unknown').toLowerCase();
}

/** Keeps the first of each canonical indicator, widening its seen-days with the later copies. */
export function dedupeRecords(
  records: readonly IocRecord[],
  origin: string,
): { records: IocRecord[]; skipped: Skipped[] } {
  const byKey = new Map<string, IocRecord>();
  const skipped: Skipped[] = [];
  for (const record of records) {
    const key = `${record.type} ${record.value}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, { ...record });
      continue;
    }
    const also = first.origin ? ` (first read from ${first.origin})` : '';
    skipped.push({
      origin: record.origin ?? origin,
      reason: `duplicate ${record.type} ${record.value}${also}, kept once`,
    });
    if (record.first_seen && (!first.first_seen || record.first_seen < first.first_seen))
      first.first_seen = record.first_seen;
    if (record.last_seen && (!first.last_seen || record.last_seen > first.last_seen))
      first.last_seen = record.last_seen;
  }
  return { records: [...byKey.values()], skipped };
}

function mostCommon(values: readonly (string | undefined)[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) if (value) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** `5 ip:port, 2 domain` in canonical type order. */
export function countIocTypes(iocs: readonly { type: IocType }[]): string {
  return IOC_TYPES.map((type) => [type, iocs.filter((ioc) => ioc.type === type).length] as const)
    .filter(([, count]) => count > 0)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
}

function toDraftIoc(record: IocRecord): DraftIoc {
  // Only frontmatter fields: where a record came from is for the summary, not the writeup.
  const { type, value, threat_type, first_seen, last_seen, confidence, note } = record;
  return { type, value, threat_type, first_seen, last_seen, confidence, note };
}

function buildDraft(records: IocRecord[], options: FeedOptions): WriteupDraft {
  const meaning = describeThreat(records.map((r) => r.threat_type));
  const threat = mostCommon(records.map((r) => r.threat_type));
  const family = options.grouping === 'malware' ? mostCommon(records.map((r) => r.malware ?? r.malwareKey)) : undefined;
  const key = mostCommon(records.map((r) => r.malwareKey));
  const days = records.flatMap((r) => r.first_seen ?? []).sort();
  const [first, last] = [days[0], days[days.length - 1]];
  const subject = family ?? (options.grouping === 'threat-type' && threat ? threat : options.provider);
  const title = `${subject} ${meaning?.phrase ?? 'indicators'} from ${options.provider} IOCs`;
  const iocs = records.map(toDraftIoc);
  const counted = countIocTypes(iocs);
  const span = first && last ? (first === last ? ` on ${first}` : ` between ${first} and ${last}`) : '';
  const hunts = composeFeedQueries(iocs, family ? `${options.provider} - ${family}` : options.provider);
  const tags = new Set([makeWriteupId(options.provider.toLowerCase()), ...(meaning ? [meaning.tag] : [])]);
  for (const tag of records.flatMap((r) => r.tags))
    if (!/^(none|null)$/i.test(tag)) tags.add(makeWriteupId(tag.toLowerCase()));
  return {
    id: makeWriteupId(`${subject === options.provider ? '' : subject} ${options.provider.toLowerCase()} hunt`),
    origin: options.origin,
    unmapped: [],
    frontmatter: {
      title,
      summary:
        `Hunts for the ${iocs.length} ${family ? `${family} ` : ''}indicator${iocs.length === 1 ? '' : 's'} (${counted}) ` +
        `that ${options.provider} reported${span}. A match means a device reached known ${family ?? 'malicious'} ` +
        'infrastructure and should be triaged as a likely compromise.',
      severity: meaning?.serious ? 'high' : 'medium',
      status: 'experimental',
      date: last ?? options.today,
      malware: family ? [family] : [],
      attack: meaning?.attack ?? [],
      tags: [...tags],
      source: {
        name: options.provider,
        url:
          options.provider === 'ThreatFox' && key && /^[a-z0-9_]+\.[a-z0-9_]+$/i.test(key)
            ? `https://threatfox.abuse.ch/browse/malware/${key}/`
            : undefined,
      },
      references: [...new Set(records.flatMap((r) => r.references))],
      iocs,
      connectors: [...new Set(hunts.flatMap((hunt) => hunt.tables))].map((table) => ({
        table,
        note: 'Ensure this data connector is enabled',
      })),
    },
    body: [
      `The queries below were generated from the ${options.provider} indicators in the table above` +
        `${span}. Each one hunts every indicator of its kind; where an indicator carries a port, the ` +
        'results flag connections on that exact port.',
      ...hunts.map((hunt) => fenceQuery(hunt.text, hunt.title)),
    ].join('\n\n'),
  };
}

/** Groups records into drafts; each group's indicators are deduplicated first. */
export function buildFeedWriteups(
  records: readonly IocRecord[],
  options: FeedOptions,
): { drafts: WriteupDraft[]; skipped: Skipped[] } {
  const groups = new Map<string, IocRecord[]>();
  for (const record of records) {
    const key = groupKey(record, options.grouping);
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  const drafts: WriteupDraft[] = [];
  const skipped: Skipped[] = [];
  for (const group of groups.values()) {
    // Newest first, as ThreatFox lists them, whichever shape (and key order) the file had.
    const ordered = [...group].sort((a, b) =>
      (b.seenAt ?? b.first_seen ?? '').localeCompare(a.seenAt ?? a.first_seen ?? ''),
    );
    const deduped = dedupeRecords(ordered, options.origin);
    skipped.push(...deduped.skipped);
    drafts.push(buildDraft(deduped.records, options));
  }
  return { drafts, skipped };
}
