// ThreatFox publishes the same indicators in three shapes: the API answer, the JSON export and the
// CSV export. Every field is read by name (an added column must not shift the others, F21), and
// `"None"`, empty strings and null all mean "absent".
import { normaliseIoc, resolveIocType } from '../ioc/index.ts';
import { splitHostPort } from '../ioc/url-parts.ts';
import type { IocRecord, Skipped } from './import-types.ts';
import { parseCsv, readCsvRecords } from './parse-csv.ts';

/** A feed row with its fields by lowercase name, plus where it came from. */
interface RawRecord {
  fields: Record<string, unknown>;
  origin: string;
}

/** Indicators read from one ThreatFox file, and the rows left out. */
export interface ThreatFoxRead {
  /** Which of the three shapes the file had. */
  shape: 'api' | 'json-export' | 'csv-export';
  records: IocRecord[];
  skipped: Skipped[];
}

/** Reads a ThreatFox API answer, JSON export or CSV export; throws when the file is none of them. */
export function readThreatFox(text: string, file: string): ThreatFoxRead {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  const { shape, raws } =
    trimmed.startsWith('{') || trimmed.startsWith('[') ? readJson(trimmed, file) : readCsv(trimmed, file);
  const records: IocRecord[] = [];
  const skipped: Skipped[] = [];
  for (const raw of raws) {
    const result = toIocRecord(raw);
    if ('reason' in result) skipped.push(result);
    else records.push(result);
  }
  return { shape, records, skipped };
}

function readJson(text: string, file: string): { shape: ThreatFoxRead['shape']; raws: RawRecord[] } {
  const data = JSON.parse(text) as unknown;
  if (Array.isArray(data)) return { shape: 'api', raws: data.map((item, i) => toRaw(item, `${file} [${i}]`)) };
  const object = data as Record<string, unknown>;
  if ('query_status' in object) {
    if (object.query_status !== 'ok') {
      throw new Error(`${file}: ThreatFox answered query_status "${String(object.query_status)}" with no indicators`);
    }
    const items = Array.isArray(object.data) ? object.data : [];
    return { shape: 'api', raws: items.map((item, i) => toRaw(item, `${file} data[${i}]`)) };
  }
  // JSON export: { "<ioc id>": [ { ... } ] }; the key is the id.
  const raws = Object.entries(object).flatMap(([id, entries]) =>
    (Array.isArray(entries) ? entries : [entries]).map((entry) => {
      const raw = toRaw(entry, `${file} id ${id}`);
      raw.fields.id ??= id;
      return raw;
    }),
  );
  return { shape: 'json-export', raws };
}

function toRaw(item: unknown, origin: string): RawRecord {
  const fields: Record<string, unknown> = {};
  if (item && typeof item === 'object') {
    for (const [key, value] of Object.entries(item)) fields[key.trim().toLowerCase()] = value;
  }
  return { fields, origin };
}

function readCsv(text: string, file: string): { shape: ThreatFoxRead['shape']; raws: RawRecord[] } {
  const lines = text.split(/\r?\n/);
  // The header is the last comment line that names the indicator column; a plain header row also works.
  let header: string[] | undefined;
  let headerLine = -1;
  lines.forEach((line, index) => {
    const candidate = parseCsv(line.replace(/^#\s*/, ''))[0] ?? [];
    if (candidate.some((name) => /^(ioc_value|ioc)$/i.test(name.trim()))) {
      header = candidate;
      headerLine = index;
    }
  });
  if (!header) throw new Error(`${file}: no header line naming an ioc_value column; is this a ThreatFox CSV export?`);
  const dataLines = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line, index }) => index > headerLine && line.trim() !== '' && !line.startsWith('#'));
  const rows = dataLines.map(({ line }) => parseCsv(line)[0] ?? []);
  const records = readCsvRecords(header, rows);
  return {
    shape: 'csv-export',
    raws: records.map((fields, i) => ({ fields, origin: `${file}:${dataLines[i].index + 1}` })),
  };
}

/** `"None"`, `""`, null and undefined mean absent; everything else is trimmed text. */
export function readPresent(value: unknown): string | undefined {
  if (Array.isArray(value)) return readPresent(value.map((item) => readPresent(item) ?? '').join(','));
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const text = String(value).trim();
  return text === '' || /^(none|null|n\/a)$/i.test(text) ? undefined : text;
}

function pick(fields: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = readPresent(fields[name]);
    if (value !== undefined) return value;
  }
  return undefined;
}

/** `2026-06-15 08:41:07 UTC` → `2026-06-15`. */
export function readDay(value: string | undefined): string | undefined {
  return value ? /^(\d{4}-\d{2}-\d{2})(?:[ T]|$)/.exec(value)?.[1] : undefined;
}

/** Confidence as a number 0–100, whether the feed gives `75`, `"75"` or `"75%"`. */
export function readConfidence(value: string | undefined): number | undefined {
  const number = value === undefined ? Number.NaN : Number(value.replace(/%$/, ''));
  return Number.isFinite(number) && number >= 0 && number <= 100 ? number : undefined;
}

function readList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => readPresent(item) ?? []);
  return (readPresent(value) ?? '').split(',').flatMap((item) => readPresent(item) ?? []);
}

function toIocRecord({ fields, origin }: RawRecord): IocRecord | Skipped {
  const raw = pick(fields, 'ioc_value', 'ioc');
  if (raw === undefined) return { origin, reason: 'no ioc_value' };
  const declared = pick(fields, 'ioc_type');
  const known = declared === undefined ? undefined : resolveIocType(declared);
  if (declared !== undefined && !known)
    return { origin, reason: `ioc_type "${declared}" has no Huntbook type (${raw})` };
  const checked = normaliseIoc(raw, known);
  if (!checked.ok) return { origin, reason: `${checked.message} (${checked.hint})` };
  const firstSeen = pick(fields, 'first_seen_utc', 'first_seen');
  const record: IocRecord = {
    value: checked.value,
    type: checked.type,
    threat_type: pick(fields, 'threat_type'),
    first_seen: readDay(firstSeen),
    origin,
    seenAt: firstSeen?.replace(/\s*UTC$/i, '').replace('T', ' '),
    last_seen: readDay(pick(fields, 'last_seen_utc', 'last_seen')),
    confidence: readConfidence(pick(fields, 'confidence_level', 'confidence')),
    malware: pick(fields, 'malware_printable'),
    malwareKey: pick(fields, 'fk_malware', 'malware'),
    aliases: readList(fields.malware_alias),
    tags: readList(fields.tags),
    references: [...readList(fields.reference), ...readList(fields.malware_malpedia)].filter(
      (link) => /^https:\/\//i.test(link) && URL.canParse(link),
    ),
  };
  if (record.type === 'ip:port') {
    const { host, port } = splitHostPort(record.value);
    record.address = host.replace(/^\[|\]$/g, '');
    record.port = Number(port.replace(/^:/, ''));
  }
  return record;
}
