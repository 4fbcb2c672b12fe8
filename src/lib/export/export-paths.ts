// Where each export is published. Pages and endpoints both use these, so links never drift from
// the files a build writes.
import type { Writeup } from '../content/validate-writeup.ts';

/** One downloadable file of a writeup. */
export interface ExportFile {
  /** File name inside `/exports/<id>/`. */
  name: string;
  /** Site path, starting with `/`. */
  path: string;
  /** Link text: says what the file is and that indicator values in it are live. */
  label: string;
  /** What kind of export it is. */
  kind: 'iocs-csv' | 'iocs-json' | 'stix' | 'query';
  /** For `query`: the query's index among the writeup's queries. */
  query?: number;
}

/** Site-wide exports and their paths. */
export const SITE_EXPORTS = {
  detections: '/api/detections.json',
  iocs: '/api/iocs.json',
  watchlist: '/exports/huntbook-watchlist.csv',
  schema: '/schema/writeup.json',
  page: '/exports/',
} as const;

/** Every export of one writeup; IOC files only when it lists indicators. */
export function listExportFiles(writeup: Pick<Writeup, 'id' | 'iocs' | 'queries'>): ExportFile[] {
  const { id } = writeup;
  const file = (name: string, label: string, kind: ExportFile['kind'], query?: number): ExportFile => ({
    name,
    path: `/exports/${id}/${name}`,
    label,
    kind,
    ...(query === undefined ? {} : { query }),
  });
  const iocFiles = writeup.iocs.length
    ? [
        file(`${id}-iocs-fanged.csv`, 'IOCs as CSV (fanged: live values)', 'iocs-csv'),
        file(`${id}-iocs-fanged.json`, 'IOCs as JSON (fanged: live values)', 'iocs-json'),
      ]
    : [];
  return [
    ...iocFiles,
    file(`${id}-stix-2.1.json`, 'STIX 2.1 bundle (live values in patterns)', 'stix'),
    ...writeup.queries.map((query, index) =>
      file(
        `${id}-query-${index + 1}.kql`,
        `Query ${index + 1}${query.title ? `: ${query.title}` : ''} (.kql)`,
        'query',
        index,
      ),
    ),
  ];
}
