import type { ConnectorCatalog } from './catalog-types.ts';

/** Restricted Damerau-Levenshtein distance: a swap of neighbours (`Netwrok`) costs one edit, not two. */
export function measureNameDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length];
}

// Short names get one edit of slack: with two, `Sysmon` would be "corrected" to `Syslog`.
function allowedEdits(length: number): number {
  if (length <= 6) return 1;
  if (length <= 9) return 2;
  return Math.min(4, Math.floor(length / 4));
}

// Fragments shorter than this match too many names to say anything.
const MIN_FRAGMENT = 5;

// A candidate this much worse than the best one is noise: `DeviceNetworkEvent` contains `Event`, but meant `DeviceNetworkEvents`.
const MAX_BEHIND_BEST = 1;

/**
 * Scores how plausibly `unknown` was meant to be `known`; lower is closer, undefined means unrelated.
 * Typos score their edit distance; a truncated name (`DeviceProcess`) or a name wrapped in extra words
 * (`AADSigninLogs`) scores by how much is missing, so it still ranks behind a one-letter typo.
 */
function scoreCandidate(unknown: string, known: string): number | undefined {
  const a = unknown.toLowerCase();
  const b = known.toLowerCase();
  if (a === b) return 0;
  const distance = measureNameDistance(a, b);
  const scores: number[] = [];
  if (distance <= allowedEdits(a.length)) scores.push(distance);
  const gap = Math.abs(a.length - b.length);
  const shorter = Math.min(a.length, b.length);
  if (shorter >= 4 && (b.startsWith(a) || a.startsWith(b))) scores.push(1 + gap / 10);
  else if (shorter >= MIN_FRAGMENT && (b.includes(a) || a.includes(b))) scores.push(1.5 + gap / 10);
  return scores.length > 0 ? Math.min(...scores) : undefined;
}

/**
 * Up to `max` of `candidates` closest to `unknown`, best first (ties by name); empty when none is reasonably close.
 * `canonical` maps a candidate to the name to report, so aliases can point at their entry.
 */
export function rankSimilarNames(
  unknown: string,
  candidates: readonly string[],
  max = 3,
  canonical: (candidate: string) => string = (c) => c,
): string[] {
  const wanted = unknown.trim();
  if (wanted === '' || max <= 0) return [];
  const best = new Map<string, number>();
  for (const candidate of candidates) {
    const score = scoreCandidate(wanted, candidate);
    if (score === undefined) continue;
    const name = canonical(candidate);
    best.set(name, Math.min(score, best.get(name) ?? Infinity));
  }
  const ranked = [...best].sort(([nameA, a], [nameB, b]) => a - b || (nameA < nameB ? -1 : nameA > nameB ? 1 : 0));
  const cutoff = (ranked[0]?.[1] ?? 0) + MAX_BEHIND_BEST;
  return ranked
    .filter(([, score]) => score <= cutoff)
    .slice(0, max)
    .map(([name]) => name);
}

/** Known table names nearest to an unknown one, e.g. `DeviceNetworkEvent` → `DeviceNetworkEvents`; empty when nothing is close. */
export function suggestTableNames(catalog: ConnectorCatalog, unknown: string, max = 3): string[] {
  return rankSimilarNames(
    unknown,
    catalog.tables.map((t) => t.name),
    max,
  );
}

/** Known connector ids nearest to an unknown one; aliases count but the canonical id is suggested. */
export function suggestConnectorIds(catalog: ConnectorCatalog, unknown: string, max = 3): string[] {
  const owner = new Map<string, string>();
  for (const c of catalog.connectors) for (const id of [c.id, ...c.aliases]) owner.set(id, c.id);
  return rankSimilarNames(unknown, [...owner.keys()], max, (id) => owner.get(id) ?? id);
}
