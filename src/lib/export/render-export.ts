// The bytes of each per-writeup download, by kind, so the endpoint stays a thin shell.
import type { Writeup } from '../content/validate-writeup.ts';
import type { ExportFile } from './export-paths.ts';
import { buildIocCsv, buildIocJson } from './ioc-exports.ts';
import { buildStixBundle } from './stix-bundle.ts';

/** A file body with its media type. */
export interface RenderedExport {
  body: string;
  contentType: string;
}

/** Renders one export file of a writeup. */
export function renderExportFile(writeup: Writeup, file: ExportFile): RenderedExport {
  switch (file.kind) {
    case 'iocs-csv':
      return { body: buildIocCsv(writeup), contentType: 'text/csv; charset=utf-8' };
    case 'iocs-json':
      return { body: `${JSON.stringify(buildIocJson(writeup), null, 2)}\n`, contentType: 'application/json' };
    case 'stix':
      return {
        body: `${JSON.stringify(buildStixBundle(writeup), null, 2)}\n`,
        contentType: 'application/stix+json;version=2.1',
      };
    case 'query':
      // Exactly the query as written, plus the final newline a text file ends with.
      return { body: `${writeup.queries[file.query ?? 0].text}\n`, contentType: 'text/plain; charset=utf-8' };
  }
}
