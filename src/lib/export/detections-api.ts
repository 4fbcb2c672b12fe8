// `/api/detections.json`: every writeup with the data its page shows, for scripts and other
// tools. The shape is versioned: fields may be added within a version, never renamed or removed.
import type { WriteupView } from '../derive/present-writeup.ts';
import { listExportFiles } from './export-paths.ts';
import { FANGED_WARNING, toExportedIoc, writeupPath, type ExportedIoc } from './ioc-exports.ts';

/** Version of the detections API shape. */
export const DETECTIONS_API_VERSION = 1;

/** A connector as the API names it. */
export interface ApiConnector {
  id: string;
  name: string;
}

/** One writeup in the API. */
export interface ApiDetection {
  id: string;
  /** Site path of the writeup page. */
  url: string;
  title: string;
  summary: string;
  severity: string;
  status: string;
  date: string;
  modified?: string;
  /** Newer of `date` and `modified`. */
  updated: string;
  malware: string[];
  attack: string[];
  tags: string[];
  author?: string;
  source?: { name: string; url?: string };
  references: string[];
  iocs: ExportedIoc[];
  queries: { index: number; title?: string; text: string; file: string }[];
  tables: { table: string; note?: string; connector?: ApiConnector; alternatives: ApiConnector[] }[];
  false_positives: { scenario: string; description?: string; exclusion?: string }[];
  /** Site paths of this writeup's downloads. */
  exports: { iocs_csv?: string; iocs_json?: string; stix: string };
}

/** The whole document. */
export interface DetectionsApi {
  format: 'huntbook-detections';
  version: typeof DETECTIONS_API_VERSION;
  fanged: true;
  warning: string;
  count: number;
  detections: ApiDetection[];
}

const toConnector = (entry: { id: string; name: string }): ApiConnector => ({ id: entry.id, name: entry.name });

/** One writeup's API record; free text is as written (not defanged), like the indicator values. */
export function toApiDetection(view: WriteupView): ApiDetection {
  const { writeup } = view;
  const files = listExportFiles(writeup);
  const pathOf = (kind: string) => files.find((file) => file.kind === kind)?.path;
  const record: ApiDetection = {
    id: writeup.id,
    url: writeupPath(writeup.id),
    title: writeup.title,
    summary: writeup.summary,
    severity: writeup.severity,
    status: writeup.status,
    date: writeup.date,
    modified: writeup.modified,
    updated: view.updated,
    malware: writeup.malware,
    attack: writeup.attack,
    tags: writeup.tags,
    author: writeup.author,
    source: writeup.source,
    references: writeup.references,
    iocs: writeup.iocs.map(toExportedIoc),
    queries: writeup.queries.map((query, index) => ({
      index,
      title: query.title,
      text: query.text,
      file: files.find((f) => f.query === index)!.path,
    })),
    // The tables the page lists (read by the queries), with the note as the author wrote it.
    tables: view.tables.map(({ table, connector, alternatives }) => ({
      table,
      note: writeup.connectors.find((entry) => entry.table.toLowerCase() === table.toLowerCase())?.note,
      connector: connector && toConnector(connector),
      alternatives: alternatives.map(toConnector),
    })),
    false_positives: writeup.false_positives,
    exports: { iocs_csv: pathOf('iocs-csv'), iocs_json: pathOf('iocs-json'), stix: pathOf('stix')! },
  };
  // Absent optional fields are left out rather than written as null.
  return JSON.parse(JSON.stringify(record)) as ApiDetection;
}

/** The `/api/detections.json` document, in the site's order (newest first). */
export function buildDetectionsApi(views: readonly WriteupView[]): DetectionsApi {
  return {
    format: 'huntbook-detections',
    version: DETECTIONS_API_VERSION,
    fanged: true,
    warning: FANGED_WARNING,
    count: views.length,
    detections: views.map(toApiDetection),
  };
}
