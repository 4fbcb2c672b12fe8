// Huntbook's own IOC export (`<id>-iocs-fanged.json`) read back in, so a writeup can be moved
// between knowledge bases, or rebuilt from its indicators, without losing any of them.
import { normaliseIoc } from '../ioc/index.ts';
import type { ImportContext, IocRecord, Skipped, WriteupDraft } from './import-types.ts';
import { buildFeedWriteups } from './build-feed-writeups.ts';
import { makeWriteupId } from './make-id.ts';
import { readConfidence, readPresent } from './read-threatfox.ts';

const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;

type Data = Record<string, unknown>;

/** Reads one export file into a draft with the same indicators and the writeup's metadata. */
export function readHuntbookExport(
  text: string,
  origin: string,
  context: ImportContext,
): { draft?: WriteupDraft; skipped: Skipped[] } {
  const data = JSON.parse(text.replace(/^\uFEFF/, '')) as Data;
  if (data.format !== 'huntbook-iocs' || !Array.isArray(data.iocs)) {
    throw new Error(`${origin}: not a Huntbook IOC export (expected "format": "huntbook-iocs")`);
  }
  const writeup = (data.writeup ?? {}) as Data;
  const skipped: Skipped[] = [];
  const records: IocRecord[] = [];
  (data.iocs as Data[]).forEach((item, index) => {
    const checked = normaliseIoc(readPresent(item.value) ?? '', readPresent(item.type));
    if (!checked.ok) {
      skipped.push({ origin: `${origin} iocs[${index}]`, reason: `${checked.message} (${checked.hint})` });
      return;
    }
    records.push({
      value: checked.value,
      type: checked.type,
      threat_type: readPresent(item.threat_type),
      first_seen: readPresent(item.first_seen),
      last_seen: readPresent(item.last_seen),
      confidence: readConfidence(readPresent(item.confidence)),
      note: readPresent(item.note),
      aliases: [],
      tags: [],
      references: [],
    });
  });
  if (records.length === 0) return { skipped: [...skipped, { origin, reason: 'the export lists no valid indicator' }] };
  const built = buildFeedWriteups(records, { provider: 'Huntbook', origin, grouping: 'all', today: context.today });
  const draft = built.drafts[0];
  const title = readPresent(writeup.title);
  const severity = SEVERITIES.find((level) => level === readPresent(writeup.severity));
  const malware = Array.isArray(writeup.malware) ? writeup.malware.flatMap((name) => readPresent(name) ?? []) : [];
  draft.id = makeWriteupId(readPresent(writeup.id) ?? title ?? draft.id);
  draft.frontmatter = {
    ...draft.frontmatter,
    title: title ?? draft.frontmatter.title,
    summary: readPresent(writeup.summary) ?? draft.frontmatter.summary,
    severity: severity ?? draft.frontmatter.severity,
    date: readPresent(writeup.date) ?? draft.frontmatter.date,
    modified: readPresent(writeup.modified),
    malware,
    tags: ['huntbook-export'],
    source: { name: 'Huntbook export' },
  };
  return { draft, skipped: [...skipped, ...built.skipped] };
}
