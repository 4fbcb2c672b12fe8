import { IOC_TYPES } from '../ioc/ioc-types.ts';
import { SEVERITIES, STATUSES } from '../schema/writeup-schema.ts';
import type { AttackReference, TechniqueInfo } from './attack-reference.ts';
import type { BrowseEntry, FacetValue } from './browse-entries.ts';

/** One facet value with the writeups that carry it. */
export interface FacetCount extends FacetValue {
  /** Ids of the writeups, in the entries' order (newest first). */
  ids: string[];
}

/** A technique with the writeups that list it or one of its sub-techniques. */
export interface TechniqueCount extends FacetCount {
  technique: TechniqueInfo;
  /** Ids listing this exact id (the rest list a sub-technique or a retired id it replaced). */
  directIds: string[];
}

/** The catalog's filters: every facet, each value counted. */
export interface FacetIndex {
  severity: FacetCount[];
  status: FacetCount[];
  family: FacetCount[];
  technique: TechniqueCount[];
  tactic: FacetCount[];
  table: FacetCount[];
  connector: FacetCount[];
  iocType: FacetCount[];
  threatType: FacetCount[];
  tag: FacetCount[];
  freshness: FacetCount[];
  /** Age of the newest indicator, in cumulative buckets (`30` also matches `90` and `365`). */
  age: FacetCount[];
}

/** Age buckets of the newest indicator, in days; a writeup belongs to every bucket it fits. */
export const AGE_BUCKETS = [30, 90, 365] as const;

/** Age-bucket slugs of one entry: `within-30`, `within-90`, …, or `older`, or none when undated. */
export function ageBuckets(entry: BrowseEntry): FacetValue[] {
  const age = entry.freshness.ageDays;
  if (age === undefined) return [];
  const within = AGE_BUCKETS.filter((days) => age <= days).map((days) => ({
    slug: `within-${days}`,
    label: `newest IOC seen in the last ${days} days`,
  }));
  return within.length ? within : [{ slug: 'older', label: 'newest IOC seen over a year ago' }];
}

/** Most frequent spelling wins the label, so `Remcos` beats a single `remcos`; ties go alphabetically. */
function pickLabel(spellings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const spelling of spellings) counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
}

/** Groups entries by the values `pick` returns; same slug, same group, whatever the spelling. */
export function countFacet(
  entries: readonly BrowseEntry[],
  pick: (entry: BrowseEntry) => readonly FacetValue[],
): FacetCount[] {
  const groups = new Map<string, { spellings: string[]; ids: string[] }>();
  for (const entry of entries) {
    for (const value of pick(entry)) {
      const group = groups.get(value.slug) ?? { spellings: [], ids: [] };
      group.spellings.push(value.label);
      // Entries come one at a time, so a repeat can only be this entry's: no scan of all ids (quadratic at 10,000).
      if (group.ids.at(-1) !== entry.id) group.ids.push(entry.id);
      groups.set(value.slug, group);
    }
  }
  return [...groups].map(([slug, group]) => ({ slug, label: pickLabel(group.spellings), ids: group.ids }));
}

const byLabel = (a: FacetValue, b: FacetValue) => a.label.localeCompare(b.label, 'en', { sensitivity: 'base' });

/** Orders counts by a fixed list of slugs (severity, status, IOC type); unknown slugs go last. */
function inOrder(counts: FacetCount[], order: readonly string[]): FacetCount[] {
  const rank = (slug: string) => (order.includes(slug) ? order.indexOf(slug) : order.length);
  return counts.sort((a, b) => rank(a.slug) - rank(b.slug));
}

/** Techniques used, plus the parents of used sub-techniques and the replacements of retired ids. */
function countTechniques(entries: readonly BrowseEntry[], attack: AttackReference): TechniqueCount[] {
  const keys = [...new Set(entries.flatMap((entry) => entry.techniqueKeys))].sort();
  return keys.map((id) => {
    const matching = entries.filter((entry) => entry.techniqueKeys.includes(id));
    const technique = attack.describe(id);
    return {
      slug: id,
      label: `${id} ${technique.label}`,
      technique,
      ids: matching.map((entry) => entry.id),
      directIds: matching.filter((entry) => entry.techniques.some((t) => t.id === id)).map((entry) => entry.id),
    };
  });
}

/** Counts every facet over the given entries. */
export function indexFacets(entries: readonly BrowseEntry[], attack: AttackReference): FacetIndex {
  const tacticOrder = attack.tactics.map((tactic) => tactic.slug);
  const one = (slug: string, label = slug): FacetValue[] => [{ slug, label }];
  return {
    severity: inOrder(
      countFacet(entries, (e) => one(e.view.writeup.severity)),
      [...SEVERITIES].reverse(),
    ),
    status: inOrder(
      countFacet(entries, (e) => one(e.view.writeup.status)),
      STATUSES,
    ),
    family: countFacet(entries, (e) => e.families).sort(byLabel),
    technique: countTechniques(entries, attack),
    tactic: inOrder(
      countFacet(entries, (e) => e.tactics),
      tacticOrder,
    ),
    table: countFacet(entries, (e) => e.tables).sort(byLabel),
    connector: countFacet(entries, (e) => e.connectors).sort(byLabel),
    iocType: inOrder(
      countFacet(entries, (e) => e.iocTypes),
      IOC_TYPES,
    ),
    threatType: countFacet(entries, (e) => e.threatTypes).sort(byLabel),
    tag: countFacet(entries, (e) => e.tags).sort(byLabel),
    freshness: inOrder(
      countFacet(entries, (e) => one(e.freshness.state)),
      ['current', 'stale', 'undated'],
    ),
    age: inOrder(countFacet(entries, ageBuckets), [...AGE_BUCKETS.map((days) => `within-${days}`), 'older']),
  };
}
