import type { ConnectorCatalog, ConnectorEntry } from '../catalog/index.ts';
import { connectorsForTable } from '../catalog/index.ts';
import type { Writeup } from '../content/validate-writeup.ts';
import { defangText, type KnownIndicators } from '../ioc/index.ts';
import { IOC_TYPES, type IocType } from '../ioc/ioc-types.ts';
import { generateHunts, type GeneratedHunt } from '../kql/generate-hunts.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import { presentQueryNeeds, type QueryNeedsView } from './present-queries.ts';
import { collectIndicatorValues } from './indicator-set.ts';

/** A table a writeup needs, with the connectors that can supply it. */
export interface RequiredTable {
  /** Table name as the queries read it. */
  table: string;
  /** The author's note, defanged for display. */
  note?: string;
  /** Connectors that fill the table, from the catalog, recommended first. */
  connectors: ConnectorEntry[];
  /** The connector to enable: the catalog's first one that is not deprecated. */
  connector?: ConnectorEntry;
  /** Other current connectors that can fill the table instead. */
  alternatives: ConnectorEntry[];
}

/** Display data for one writeup: every free-text string already defanged, derived facts computed. */
export interface WriteupView {
  writeup: Writeup;
  /** Title, safe for `<title>`, headings and links. */
  title: string;
  /** Summary, safe for meta description and the page lead. */
  summary: string;
  /** Indicators with their notes defanged; values are shown only as `defanged`. */
  iocs: Ioc[];
  /** IOC types present, in the canonical order. */
  iocTypes: IocType[];
  /** Tables the writeup needs (read by its queries, with the author's notes), with connectors. */
  tables: RequiredTable[];
  /** Per query: the tables and connectors it needs. */
  queryNeeds: QueryNeedsView[];
  /** Generated hunts for the writeup's indicators, one per type. */
  hunts: GeneratedHunt[];
  /** False positives with defanged text. */
  falsePositives: { scenario: string; description?: string; exclusion?: string }[];
  /** Newest of `modified` and `date`. */
  updated: string;
}

/** Pairs a table with its connectors; retired connectors are kept out of the reader's way. */
function describeTable(
  table: string,
  note: string | undefined,
  catalog: ConnectorCatalog,
  known: KnownIndicators,
): RequiredTable {
  const connectors = connectorsForTable(catalog, table);
  const [connector, ...alternatives] = connectors.filter((entry) => !entry.deprecated);
  return { table, note: defangOptional(note, known), connectors, connector: connector ?? connectors[0], alternatives };
}

const defangOptional = (text: string | undefined, known: KnownIndicators) =>
  text === undefined ? undefined : defangText(text, known);

/** The note the author wrote under `connectors:` for a table, if any. */
function findNote(writeup: Writeup, table: string): string | undefined {
  return writeup.connectors.find((entry) => entry.table.toLowerCase() === table.toLowerCase())?.note;
}

/**
 * Derives the display data of a writeup; the only place where frontmatter text is defanged.
 * `known` holds the collection's indicators (by default the writeup's own), defanged whatever their TLD.
 */
export function presentWriteup(
  writeup: Writeup,
  catalog: ConnectorCatalog,
  known: KnownIndicators = collectIndicatorValues([writeup]),
): WriteupView {
  return {
    writeup,
    title: defangText(writeup.title, known),
    summary: defangText(writeup.summary, known),
    iocs: writeup.iocs.map((ioc) => ({ ...ioc, note: defangOptional(ioc.note, known) })),
    iocTypes: IOC_TYPES.filter((type) => writeup.iocs.some((ioc) => ioc.type === type)),
    tables: writeup.tables.map((table) => describeTable(table, findNote(writeup, table), catalog, known)),
    queryNeeds: presentQueryNeeds(writeup.queries, catalog),
    hunts: generateHunts(writeup.iocs, catalog),
    falsePositives: writeup.false_positives.map((fp) => ({
      scenario: defangText(fp.scenario, known),
      description: defangOptional(fp.description, known),
      exclusion: defangOptional(fp.exclusion, known),
    })),
    updated: writeup.modified && writeup.modified > writeup.date ? writeup.modified : writeup.date,
  };
}

/** Collection-wide counts for the home page. */
export interface SiteStats {
  writeups: number;
  iocs: number;
  families: number;
  connectors: number;
}

/** Counts writeups, indicators, distinct families (case-insensitive) and distinct connectors. */
export function countSiteStats(views: readonly WriteupView[]): SiteStats {
  const families = new Set(views.flatMap((view) => view.writeup.malware.map((name) => name.toLowerCase())));
  const connectors = new Set(
    views.flatMap((view) => view.tables.flatMap((table) => table.connectors.map((c) => c.id))),
  );
  return {
    writeups: views.length,
    iocs: views.reduce((total, view) => total + view.writeup.iocs.length, 0),
    families: families.size,
    connectors: connectors.size,
  };
}

const SEVERITY_RANK = { informational: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

/** Newest first; ties broken by severity, then id, so the order never depends on file order. */
export function sortByRecency(views: readonly WriteupView[]): WriteupView[] {
  return [...views].sort(
    (a, b) =>
      b.updated.localeCompare(a.updated) ||
      SEVERITY_RANK[b.writeup.severity] - SEVERITY_RANK[a.writeup.severity] ||
      a.writeup.id.localeCompare(b.writeup.id),
  );
}
