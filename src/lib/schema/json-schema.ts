// The JSON Schema of writeup frontmatter, generated from the zod schema (zod 4's JSON Schema
// export), for editors that validate and complete YAML while the author types. zod cannot see
// through the preprocessing that accepts author shorthands (`malware: Remcos`, bare table names,
// `75%`), so those alternatives, the defaults and the text formats are added here.
import { z } from 'astro/zod';
import { IOC_TYPE_ALIASES, IOC_TYPES } from '../ioc/ioc-types.ts';
import { writeupFrontmatterSchema } from './writeup-schema.ts';

/** Where the site publishes the schema. */
export const WRITEUP_SCHEMA_PATH = '/schema/writeup.json';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema };

const DAY = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A calendar day, YYYY-MM-DD.' };
const DAY_OR_TIMESTAMP = {
  type: 'string',
  pattern: '^\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?( ?UTC|Z)?)?$',
  description: "YYYY-MM-DD, or ThreatFox's YYYY-MM-DD HH:MM:SS UTC (cut to the day).",
};
const WEB_URL = { type: 'string', pattern: '^https?://', format: 'uri' };

const DESCRIPTIONS: Readonly<Record<string, string>> = {
  title: 'Page title: a short name for the detection.',
  summary: 'One paragraph: what the detection finds and why it matters.',
  severity: 'How urgent a hit is.',
  status: 'Maturity of the detection (default experimental).',
  date: 'Day the writeup was published, YYYY-MM-DD.',
  modified: 'Day of the last meaningful change, YYYY-MM-DD.',
  malware: 'Malware family names; one name alone is accepted.',
  attack: 'MITRE ATT&CK technique ids, T1071 or T1071.001.',
  tags: 'Free-form tags.',
  author: 'Who wrote the detection.',
  source: 'Provenance of the intelligence: { name, url }, or just a name.',
  references: 'Public reports behind the writeup (full https:// links).',
  iocs: 'Indicators of compromise; only value is required.',
  connectors: 'Sentinel tables the queries read, with notes; bare table names are accepted.',
  false_positives: 'Known benign causes and their exclusions; a plain string is the scenario alone.',
};

/** A list field that also takes one item on its own (`malware: Remcos`). */
function listOrOne(list: JsonSchema): JsonSchema {
  const item = list.items ?? {};
  return { anyOf: [list, item] };
}

/** An object field that also takes a plain string naming its first property. */
function objectOrString(object: JsonSchema, field: string): JsonSchema {
  return { anyOf: [object, { type: 'string', minLength: 1, description: `The ${field} alone.` }] };
}

function refineIoc(ioc: JsonSchema): JsonSchema {
  const properties = { ...ioc.properties };
  properties.type = {
    type: 'string',
    enum: [...IOC_TYPES, ...Object.keys(IOC_TYPE_ALIASES)],
    description: 'Indicator type; inferred from the value when omitted.',
  };
  properties.value = {
    type: 'string',
    minLength: 1,
    description: 'The indicator, fanged, defanged or half-defanged. Quote it.',
  };
  properties.first_seen = DAY_OR_TIMESTAMP;
  properties.last_seen = DAY_OR_TIMESTAMP;
  properties.confidence = {
    anyOf: [
      { type: 'number', minimum: 0, maximum: 100 },
      { type: 'string', pattern: '^\\s*\\d+(\\.\\d+)?\\s*%?\\s*$' },
    ],
    description: 'Confidence 0-100, written 75 or 75%.',
  };
  return { ...ioc, properties };
}

/** The frontmatter schema as JSON Schema (draft 2020-12), with Huntbook's shorthands allowed. */
export function buildWriteupJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(writeupFrontmatterSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = { ...generated.properties } as Record<string, JsonSchema>;
  properties.date = DAY;
  properties.modified = DAY;
  properties.status = { ...properties.status, default: 'experimental' };
  properties.attack = { ...properties.attack, items: { type: 'string', pattern: '^[Tt]\\d{4}(\\.\\d{3})?$' } };
  properties.references = { ...properties.references, items: WEB_URL };
  const source = properties.source;
  source.properties = { ...source.properties, url: WEB_URL };
  properties.source = objectOrString(source, 'provider name');
  const iocs = properties.iocs;
  properties.iocs = { ...iocs, items: refineIoc(iocs.items ?? {}) };
  properties.connectors = {
    ...properties.connectors,
    items: objectOrString(properties.connectors.items ?? {}, 'table name'),
  };
  properties.false_positives = {
    ...properties.false_positives,
    items: objectOrString(properties.false_positives.items ?? {}, 'scenario'),
  };
  for (const name of ['malware', 'tags', 'attack']) properties[name] = listOrOne(properties[name]);
  for (const [name, description] of Object.entries(DESCRIPTIONS))
    properties[name] = { ...properties[name], description };
  return {
    $schema: generated.$schema,
    $id: 'urn:huntbook:schema:writeup:1',
    title: 'Huntbook writeup frontmatter',
    description:
      'YAML frontmatter of a detection writeup, content/detections/<id>.md. Generated by `npm run schema` from src/lib/schema/writeup-schema.ts.',
    type: 'object',
    properties,
    // Only these four are required: every list defaults to empty and status to experimental.
    required: ['title', 'summary', 'severity', 'date'],
    additionalProperties: false,
  };
}

/** The schema as the checked-in file holds it: two-space JSON with a final newline. */
export function formatWriteupJsonSchema(): string {
  return `${JSON.stringify(buildWriteupJsonSchema(), null, 2)}\n`;
}
