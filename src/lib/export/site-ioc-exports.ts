// Site-wide indicator files: every distinct indicator once, with the writeups that list it, as
// JSON (`/api/iocs.json`) and as a Sentinel watchlist CSV.
import type { Writeup } from '../content/validate-writeup.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import { formatCsv } from './format-csv.ts';
import { FANGED_WARNING, IOC_EXPORT_VERSION, writeupPath, type ExportedIoc } from './ioc-exports.ts';

/** Where an indicator appears, in the site-wide index. */
export interface IocSighting {
  id: string;
  title: string;
  url: string;
  threat_type?: string;
  first_seen?: string;
  last_seen?: string;
  confidence?: number;
}

/** `/api/iocs.json`: every distinct indicator once, with the writeups that list it. */
export interface IocIndexExport {
  format: 'huntbook-ioc-index';
  version: typeof IOC_EXPORT_VERSION;
  fanged: true;
  warning: string;
  count: number;
  iocs: (Omit<ExportedIoc, 'threat_type' | 'first_seen' | 'last_seen' | 'confidence' | 'note'> & {
    writeups: IocSighting[];
  })[];
}

/** Indicators keyed by canonical type and value, each with every writeup that lists it; sorted by type then value. */
function indexIocs(writeups: readonly Writeup[]): { ioc: Ioc; sightings: { writeup: Writeup; ioc: Ioc }[] }[] {
  const byKey = new Map<string, { ioc: Ioc; sightings: { writeup: Writeup; ioc: Ioc }[] }>();
  for (const writeup of [...writeups].sort((a, b) => a.id.localeCompare(b.id))) {
    for (const ioc of writeup.iocs) {
      const key = `${ioc.type} ${ioc.value}`;
      const entry = byKey.get(key) ?? { ioc, sightings: [] };
      entry.sightings.push({ writeup, ioc });
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort(
    (a, b) => a.ioc.type.localeCompare(b.ioc.type) || a.ioc.value.localeCompare(b.ioc.value),
  );
}

/** The site-wide IOC index. */
export function buildIocIndex(writeups: readonly Writeup[]): IocIndexExport {
  const iocs = indexIocs(writeups).map(({ ioc, sightings }) => ({
    type: ioc.type,
    value: ioc.value,
    defanged: ioc.defanged,
    writeups: sightings.map(({ writeup, ioc: seen }) => {
      const { threat_type, first_seen, last_seen, confidence } = seen;
      return JSON.parse(
        JSON.stringify({
          id: writeup.id,
          title: writeup.title,
          url: writeupPath(writeup.id),
          threat_type,
          first_seen,
          last_seen,
          confidence,
        }),
      ) as IocSighting;
    }),
  }));
  return {
    format: 'huntbook-ioc-index',
    version: IOC_EXPORT_VERSION,
    fanged: true,
    warning: FANGED_WARNING,
    count: iocs.length,
    iocs,
  };
}

/** Watchlist columns; `SearchKey` is what `_GetWatchlist('Huntbook')` matches on. */
export const WATCHLIST_COLUMNS = [
  'SearchKey',
  'IndicatorType',
  'Address',
  'Port',
  'Defanged',
  'WriteupIds',
  'ThreatTypes',
  'FirstSeen',
  'LastSeen',
  'MaxConfidence',
];

/**
 * A Sentinel watchlist of every indicator, one row each, with the writeups that list it.
 * `Address` and `Port` split `ip:port` values so a query can join on the IP column alone.
 */
export function buildWatchlistCsv(writeups: readonly Writeup[]): string {
  const rows = indexIocs(writeups).map(({ ioc, sightings }) => {
    const seen = sightings.map((s) => s.ioc);
    const firstSeen = seen.flatMap((s) => s.first_seen ?? []).sort()[0];
    const lastSeen = seen
      .flatMap((s) => s.last_seen ?? [])
      .sort()
      .pop();
    const confidences = seen.flatMap((s) => (s.confidence === undefined ? [] : [s.confidence]));
    const pair = ioc.type === 'ip:port' ? /^\[?(.*?)\]?:(\d+)$/.exec(ioc.value) : undefined;
    return [
      ioc.value,
      ioc.type,
      pair ? pair[1] : ioc.type === 'ip' ? ioc.value : '',
      pair ? pair[2] : '',
      ioc.defanged,
      sightings.map((s) => s.writeup.id).join(';'),
      [...new Set(seen.flatMap((s) => s.threat_type ?? []))].join(';'),
      firstSeen,
      lastSeen,
      confidences.length ? Math.max(...confidences) : undefined,
    ];
  });
  return formatCsv(WATCHLIST_COLUMNS, rows);
}
