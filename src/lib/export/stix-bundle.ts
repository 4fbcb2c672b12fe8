// A STIX 2.1 bundle per writeup: Huntbook's identity, one indicator per IOC, the malware families,
// the ATT&CK techniques, the relationships between them, and a report that groups it all.
// Every id is a UUIDv5 of a stable name, so a re-export updates objects instead of duplicating them.
import type { Writeup } from '../content/validate-writeup.ts';
import { IOC_TYPE_LABELS, defangIoc } from '../ioc/index.ts';
import type { Ioc } from '../schema/ioc-schema.ts';
import { buildStixPattern } from './stix-patterns.ts';
import { createUuidV5 } from './uuid-v5.ts';

/** Any STIX object of the bundle; properties follow the STIX 2.1 specification. */
export type StixObject = { type: string; id: string } & Record<string, unknown>;

/** A STIX 2.1 bundle (bundles carry no spec_version in 2.1). */
export interface StixBundle {
  type: 'bundle';
  id: string;
  objects: StixObject[];
}

/** Created/modified time of objects shared by all writeups (identity, malware, techniques). */
const SHARED_TIME = '2024-01-01T00:00:00.000Z';

/** `2026-06-15` → `2026-06-15T00:00:00.000Z`: STIX timestamps are UTC, to the millisecond. */
export function toStixTime(day: string): string {
  return `${day}T00:00:00.000Z`;
}

function stixId(type: string, name: string): string {
  return `${type}--${createUuidV5(`${type}|${name}`)}`;
}

/** Huntbook as the producer of every exported object. */
export const HUNTBOOK_IDENTITY: StixObject = {
  type: 'identity',
  spec_version: '2.1',
  id: stixId('identity', 'huntbook'),
  created: SHARED_TIME,
  modified: SHARED_TIME,
  name: 'Huntbook',
  identity_class: 'system',
  description: 'Detection knowledge base that publishes SOC hunting writeups.',
};

function shared(type: string, name: string, properties: Record<string, unknown>): StixObject {
  return {
    type,
    spec_version: '2.1',
    id: stixId(type, name),
    created: SHARED_TIME,
    modified: SHARED_TIME,
    created_by_ref: HUNTBOOK_IDENTITY.id,
    ...properties,
  };
}

function relationship(kind: string, source: string, target: string, time: string): StixObject {
  return {
    type: 'relationship',
    spec_version: '2.1',
    id: stixId('relationship', `${source}|${kind}|${target}`),
    created: time,
    modified: time,
    created_by_ref: HUNTBOOK_IDENTITY.id,
    relationship_type: kind,
    source_ref: source,
    target_ref: target,
  };
}

function buildIndicator(writeup: Writeup, ioc: Ioc, time: string): StixObject {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: stixId('indicator', `${writeup.id}|${ioc.type}|${ioc.value}`),
    created: time,
    modified: time,
    created_by_ref: HUNTBOOK_IDENTITY.id,
    // The name is for people, so it carries the defanged form; the pattern carries the live value.
    name: `${IOC_TYPE_LABELS[ioc.type]} ${defangIoc(ioc.value, ioc.type)}`,
    ...(ioc.note ? { description: ioc.note } : {}),
    indicator_types: ['malicious-activity'],
    pattern: buildStixPattern(ioc.type, ioc.value),
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: toStixTime(ioc.first_seen ?? writeup.date),
    ...(ioc.confidence !== undefined ? { confidence: Math.round(ioc.confidence) } : {}),
    ...(ioc.threat_type ? { labels: [ioc.threat_type] } : {}),
    external_references: [{ source_name: 'huntbook', external_id: writeup.id }],
  };
}

function buildExternalReferences(writeup: Writeup): Record<string, string>[] {
  const links = [...(writeup.source?.url ? [{ source_name: writeup.source.name, url: writeup.source.url }] : [])];
  for (const url of writeup.references) links.push({ source_name: new URL(url).hostname, url });
  return [{ source_name: 'huntbook', external_id: writeup.id }, ...links];
}

/** The whole bundle for one writeup. */
export function buildStixBundle(writeup: Writeup): StixBundle {
  const time = toStixTime(writeup.modified && writeup.modified > writeup.date ? writeup.modified : writeup.date);
  const indicators = writeup.iocs.map((ioc) => buildIndicator(writeup, ioc, time));
  const malware = [...new Map(writeup.malware.map((name) => [name.toLowerCase(), name])).values()].map((name) =>
    shared('malware', `malware|${name.toLowerCase()}`, { name, is_family: true }),
  );
  const techniques = [...new Set(writeup.attack)].map((id) =>
    shared('attack-pattern', `mitre-attack|${id}`, {
      name: id,
      external_references: [
        {
          source_name: 'mitre-attack',
          external_id: id,
          url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}/`,
        },
      ],
    }),
  );
  const relationships = [
    ...indicators.flatMap((indicator) =>
      malware.map((family) => relationship('indicates', indicator.id, family.id, time)),
    ),
    ...malware.flatMap((family) =>
      techniques.map((technique) => relationship('uses', family.id, technique.id, SHARED_TIME)),
    ),
    ...(malware.length
      ? []
      : indicators.flatMap((indicator) =>
          techniques.map((technique) => relationship('indicates', indicator.id, technique.id, time)),
        )),
  ];
  const content = [...indicators, ...malware, ...techniques, ...relationships];
  const report: StixObject = {
    type: 'report',
    spec_version: '2.1',
    id: stixId('report', writeup.id),
    created: time,
    modified: time,
    created_by_ref: HUNTBOOK_IDENTITY.id,
    name: writeup.title,
    description: writeup.summary,
    report_types: [indicators.length ? 'indicator' : 'threat-report'],
    published: toStixTime(writeup.date),
    object_refs: content.length ? content.map((object) => object.id) : [HUNTBOOK_IDENTITY.id],
    ...(writeup.tags.length ? { labels: writeup.tags } : {}),
    external_references: buildExternalReferences(writeup),
  };
  return { type: 'bundle', id: stixId('bundle', writeup.id), objects: [HUNTBOOK_IDENTITY, report, ...content] };
}
