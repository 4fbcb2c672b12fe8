// Indicator downloads for machines: values fanged (live) and canonical, with the defanged form
// beside them. Every file says so, because a blocklist tool needs live values and a person must
// know they are handling them.
import type { Writeup } from '../content/validate-writeup.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import { formatCsv, guardCsvText } from './format-csv.ts';

/** Shape version of the IOC JSON files; raised on any incompatible change. */
export const IOC_EXPORT_VERSION = 1;

/** Said in every IOC file, so nobody mistakes the values for safe display text. */
export const FANGED_WARNING =
  'Indicator values are fanged (live). Use them in security tools only: do not open, resolve or click them.';

/** One indicator in the JSON exports. */
export interface ExportedIoc {
  type: Ioc['type'];
  /** Canonical, fanged value. */
  value: string;
  /** Display form, safe to show to people. */
  defanged: string;
  threat_type?: string;
  first_seen?: string;
  last_seen?: string;
  confidence?: number;
  note?: string;
}

/** The per-writeup IOC JSON file (`<id>-iocs-fanged.json`). */
export interface WriteupIocExport {
  format: 'huntbook-iocs';
  version: typeof IOC_EXPORT_VERSION;
  fanged: true;
  warning: string;
  writeup: {
    id: string;
    title: string;
    summary: string;
    severity: string;
    date: string;
    modified?: string;
    malware: string[];
    url: string;
  };
  iocs: ExportedIoc[];
}

/** An indicator as exported: only the fields that are set. */
export function toExportedIoc(ioc: Ioc): ExportedIoc {
  const { type, value, defanged, threat_type, first_seen, last_seen, confidence, note } = ioc;
  return JSON.parse(
    JSON.stringify({ type, value, defanged, threat_type, first_seen, last_seen, confidence, note }),
  ) as ExportedIoc;
}

/** Site path of a writeup's page. */
export function writeupPath(id: string): string {
  return `/detections/${id}/`;
}

/** The JSON export of one writeup's indicators. */
export function buildIocJson(writeup: Writeup): WriteupIocExport {
  const { id, title, summary, severity, date, modified, malware } = writeup;
  return {
    format: 'huntbook-iocs',
    version: IOC_EXPORT_VERSION,
    fanged: true,
    warning: FANGED_WARNING,
    writeup: { id, title, summary, severity, date, ...(modified ? { modified } : {}), malware, url: writeupPath(id) },
    iocs: writeup.iocs.map(toExportedIoc),
  };
}

const IOC_COLUMNS = [
  'type',
  'value',
  'defanged',
  'threat_type',
  'first_seen',
  'last_seen',
  'confidence',
  'note',
  'writeup_id',
];

/** The CSV export of one writeup's indicators; the header names say which column is live. */
export function buildIocCsv(writeup: Writeup): string {
  return formatCsv(
    IOC_COLUMNS,
    writeup.iocs.map((ioc) => [
      ioc.type,
      ioc.value,
      ioc.defanged,
      ioc.threat_type,
      ioc.first_seen,
      ioc.last_seen,
      ioc.confidence,
      guardCsvText(ioc.note),
      writeup.id,
    ]),
  );
}
