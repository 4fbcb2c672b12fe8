import { SEVERITIES, STATUSES, writeupFrontmatterSchema } from './writeup-schema.ts';

/** Top-level frontmatter fields in schema order, for "did you mean" hints and for writing files. */
export const FRONTMATTER_FIELDS = Object.keys(
  writeupFrontmatterSchema.shape,
) as readonly (keyof typeof writeupFrontmatterSchema.shape)[];

/** Fields of nested objects, keyed by the parent's generic path. */
export const NESTED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'iocs[]': ['type', 'value', 'threat_type', 'first_seen', 'last_seen', 'confidence', 'note'],
  'connectors[]': ['table', 'note'],
  'false_positives[]': ['scenario', 'description', 'exclusion'],
  source: ['name', 'url'],
};

const DAY = 'write YYYY-MM-DD, e.g. 2026-06-15';

// Keyed by the generic path (list indexes removed) so one hint serves every item of a list.
const HINTS: Readonly<Record<string, string>> = {
  title: 'add `title:` with a short name for the detection',
  summary: 'add `summary:` with one paragraph: what the detection finds and why it matters',
  severity: `one of ${SEVERITIES.join(', ')}`,
  status: `one of ${STATUSES.join(', ')}`,
  date: DAY,
  modified: DAY,
  'attack[]': 'write a technique id such as T1071 or T1071.001',
  'iocs[]': 'write each indicator as a map, e.g. - { type: ip, value: "198.51.100.7" }',
  'iocs[].value': 'add `value:` with the indicator, e.g. "198.51.100.7:443"',
  'iocs[].first_seen': DAY,
  'iocs[].last_seen': DAY,
  'connectors[].table': 'name the Sentinel table the query reads, e.g. DeviceNetworkEvents',
  'false_positives[].scenario': 'name the benign situation in a few words',
  'source.name': 'name the provider, e.g. ThreatFox',
  malware: 'write a list, e.g. [Remcos]',
  tags: 'write a list, e.g. [c2, rat]',
  references: 'write a list of https:// links',
  iocs: 'write a list with one `- { value: ... }` per indicator',
  connectors: 'write a list with one `- { table: ..., note: ... }` per table',
  false_positives: 'write a list with one `- { scenario: ..., description: ..., exclusion: ... }` per case',
};

/** `iocs[2].value` → `iocs[].value`. */
export function toGenericPath(fieldPath: string): string {
  return fieldPath.replace(/\[\d+\]/g, '[]');
}

/** The standing advice for a field, when the failure itself carried none. */
export function hintForField(fieldPath: string): string | undefined {
  return HINTS[toGenericPath(fieldPath)];
}

/** Fields allowed beside an unknown key at this path (empty path = top level). */
export function knownFieldsAt(parentPath: string): readonly string[] {
  return parentPath === '' ? FRONTMATTER_FIELDS : (NESTED_FIELDS[toGenericPath(parentPath)] ?? []);
}
