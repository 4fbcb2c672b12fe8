import type { WriteupView } from './present-writeup.ts';
import type { AttackReference, TechniqueInfo } from './attack-reference.ts';
import { assessFreshness, daysBetween, type Freshness } from './freshness.ts';
import { slugifyName } from './slugify-name.ts';

/** One value a writeup can be filtered or grouped by. */
export interface FacetValue {
  /** URL-safe key, used in links (`/families/remcos/`) and in catalog filters (`?family=remcos`). */
  slug: string;
  /** Text shown to the reader. */
  label: string;
}

/** A writeup with everything the browse pages sort, filter and group it by. */
export interface BrowseEntry {
  id: string;
  view: WriteupView;
  families: FacetValue[];
  tags: FacetValue[];
  /** Threat types of its indicators, ThreatFox style (`botnet_cc`). */
  threatTypes: FacetValue[];
  /** Techniques exactly as the writeup lists them. */
  techniques: TechniqueInfo[];
  /** Technique ids plus the parents of its sub-techniques: what a technique filter matches. */
  techniqueKeys: string[];
  tactics: FacetValue[];
  tables: FacetValue[];
  /** Data connectors to enable, by catalog id. */
  connectors: FacetValue[];
  iocTypes: FacetValue[];
  freshness: Freshness;
  /** Day of the last git commit of the file, when known. */
  lastCommit?: string;
  /** Days since `view.updated`. */
  updatedAgeDays: number;
  /** The build's "today", which every age on the page is counted to. */
  today: string;
}

/** What every entry is judged against: one build, one "today". */
export interface BrowseContext {
  today: string;
  staleAfterDays: number;
  attack: AttackReference;
  /** Last commit day per writeup file (path relative to the project root). */
  lastCommits: ReadonlyMap<string, string>;
}

/** Names to facet values, first spelling kept, duplicates (by slug) dropped. */
function toFacets(names: readonly string[], label: (name: string) => string = (name) => name): FacetValue[] {
  const seen = new Map<string, FacetValue>();
  for (const name of names) {
    const slug = slugifyName(name);
    if (!seen.has(slug)) seen.set(slug, { slug, label: label(name) });
  }
  return [...seen.values()];
}

/** Keeps the first value per slug, in the given order. */
function uniqueBySlug(values: readonly FacetValue[]): FacetValue[] {
  const seen = new Set<string>();
  return values.filter((value) => !seen.has(value.slug) && Boolean(seen.add(value.slug)));
}

/** Derives the browse data of one writeup. */
export function describeForBrowsing(view: WriteupView, context: BrowseContext): BrowseEntry {
  const { writeup } = view;
  const techniques = writeup.attack.map((id) => context.attack.describe(id));
  // A filter on a parent also finds its sub-techniques, and a retired id is found under its replacement.
  const techniqueKeys = [
    ...new Set(
      techniques.flatMap((t) => {
        const replacement = t.replacedBy ? context.attack.describe(t.replacedBy) : undefined;
        return [t.id, t.parentId, replacement?.id, replacement?.parentId].filter((id): id is string => Boolean(id));
      }),
    ),
  ];
  const tacticOrder = context.attack.tactics.map((tactic) => tactic.slug);
  const tactics = uniqueBySlug(
    techniques.flatMap((t) => t.tactics.map((tactic) => ({ slug: tactic.slug, label: tactic.name }))),
  );
  tactics.sort((a, b) => tacticOrder.indexOf(a.slug) - tacticOrder.indexOf(b.slug));
  const connectors = uniqueBySlug(
    view.tables.flatMap((table) =>
      table.connector ? [{ slug: table.connector.id, label: table.connector.name }] : [],
    ),
  );
  return {
    id: writeup.id,
    view,
    families: toFacets(writeup.malware),
    tags: toFacets(writeup.tags),
    threatTypes: toFacets(writeup.iocs.flatMap((ioc) => (ioc.threat_type ? [ioc.threat_type] : []))),
    techniques,
    techniqueKeys,
    tactics,
    tables: uniqueBySlug(view.tables.map((table) => ({ slug: table.table, label: table.table }))),
    connectors,
    iocTypes: view.iocTypes.map((type) => ({ slug: type, label: type })),
    freshness: assessFreshness(writeup.iocs, context.today, context.staleAfterDays),
    lastCommit: context.lastCommits.get(writeup.file),
    updatedAgeDays: daysBetween(view.updated, context.today),
    today: context.today,
  };
}
