// One entry point per input kind: files in, writeup drafts and skipped items out.
import type { ConnectorCatalog } from '../catalog/index.ts';
import { buildFeedWriteups, type Grouping } from './build-feed-writeups.ts';
import { buildMarkdownWriteup } from './build-markdown-writeup.ts';
import { buildSentinelWriteup } from './build-sentinel-writeup.ts';
import type { ImportContext, ImportResult, IocRecord, Skipped } from './import-types.ts';
import { readHuntbookExport } from './read-huntbook-export.ts';
import { readSentinelRule } from './read-sentinel-rule.ts';
import { readThreatFox } from './read-threatfox.ts';

/** Input kinds `npm run import` understands. */
export const IMPORT_KINDS = ['threatfox', 'sentinel', 'markdown', 'huntbook'] as const;
/** One of {@link IMPORT_KINDS}. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One input file, already read. */
export interface InputFile {
  /** Path as given, for messages. */
  file: string;
  text: string;
}

/** Options shared by every kind. */
export interface ImportOptions extends ImportContext {
  catalog: ConnectorCatalog;
  /** ThreatFox only: how indicators are split into writeups. */
  grouping: Grouping;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs `read` per file; a file that cannot be read is skipped with the reason, the others go on. */
function eachFile<T>(inputs: readonly InputFile[], read: (input: InputFile) => T, skipped: Skipped[]): T[] {
  return inputs.flatMap((input) => {
    try {
      return [read(input)];
    } catch (error) {
      skipped.push({ origin: input.file, reason: reasonOf(error) });
      return [];
    }
  });
}

/** Reads every input of one kind. ThreatFox files are pooled first, so a family split over files makes one writeup. */
export function importFiles(kind: ImportKind, inputs: readonly InputFile[], options: ImportOptions): ImportResult {
  const result: ImportResult = { drafts: [], skipped: [] };
  if (kind === 'threatfox') {
    const records: IocRecord[] = [];
    for (const read of eachFile(inputs, (input) => readThreatFox(input.text, input.file), result.skipped)) {
      records.push(...read.records);
      result.skipped.push(...read.skipped);
    }
    if (records.length === 0) return result;
    const origin = inputs.map((input) => input.file).join(', ');
    const built = buildFeedWriteups(records, {
      provider: 'ThreatFox',
      origin,
      grouping: options.grouping,
      today: options.today,
    });
    return { drafts: built.drafts, skipped: [...result.skipped, ...built.skipped] };
  }
  for (const built of eachFile(inputs, (input) => importOne(kind, input, options), result.skipped)) {
    result.drafts.push(...built.drafts);
    result.skipped.push(...built.skipped);
  }
  return result;
}

function importOne(kind: Exclude<ImportKind, 'threatfox'>, input: InputFile, options: ImportOptions): ImportResult {
  if (kind === 'huntbook') {
    const read = readHuntbookExport(input.text, input.file, options);
    return { drafts: read.draft ? [read.draft] : [], skipped: read.skipped };
  }
  const built =
    kind === 'sentinel'
      ? buildSentinelWriteup(readSentinelRule(input.text, input.file), input.file, options.catalog, options)
      : buildMarkdownWriteup(input.text, input.file, options.catalog, options);
  return 'reason' in built ? { drafts: [], skipped: [built] } : { drafts: [built], skipped: [] };
}
