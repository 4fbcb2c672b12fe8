// Reads a Microsoft Sentinel analytic rule or hunting query (YAML), or a rule in the newer Defender
// XDR custom-detection schema, into one plain shape. Real files have lowercase keys, empty list
// items and odd block-scalar indents; every key is matched ignoring case.
import { parseDocument } from 'yaml';

/** A requiredDataConnectors entry. */
export interface RuleConnector {
  connectorId: string;
  dataTypes: string[];
}

/** The parts of a rule a writeup can use, plus the names of the parts it cannot. */
export interface SentinelRule {
  /** Which schema the file used. */
  schema: 'analytic-rule' | 'hunting-query' | 'xdr-custom-detection';
  id?: string;
  name?: string;
  description?: string;
  severity?: string;
  tactics: string[];
  techniques: string[];
  connectors: RuleConnector[];
  query?: string;
  /** Plain-text tags; structured tags are listed in `unmappedTags`. */
  tags: string[];
  /** Tags that are maps, such as `{ Schema: ASIMDns }`, rendered as text. */
  unmappedTags: string[];
  author?: string;
  /** Scheduling and version facts shown as a table in the body. */
  settings: [string, string][];
  /** Top-level (or XDR `properties`) keys that have no place in a writeup. */
  unmappedKeys: string[];
}

type Data = Record<string, unknown>;

/** Keys lowercased at every level, so `dataTypes` and `datatypes` read the same. */
function lowerKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key.toLowerCase(), lowerKeys(inner)]));
  }
  return value;
}

function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const result = String(value).trim();
  return result === '' ? undefined : result;
}

/** A list without its empty items (`- ` on its own line reads as null). */
function list(value: unknown): unknown[] {
  if (value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => item !== null && item !== '');
}

function textList(value: unknown): string[] {
  return list(value).flatMap((item) => text(item) ?? []);
}

function object(value: unknown): Data {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
}

function readConnectors(value: unknown): RuleConnector[] {
  return list(value).flatMap((item) => {
    const entry = object(item);
    const connectorId = text(entry.connectorid);
    return connectorId ? [{ connectorId, dataTypes: textList(entry.datatypes) }] : [];
  });
}

const CLASSIC_KEYS = new Set([
  'id',
  'name',
  'description',
  'description-detailed',
  'severity',
  'status',
  'tactics',
  'relevanttechniques',
  'requireddataconnectors',
  'query',
  'tags',
  'version',
  'kind',
  'queryfrequency',
  'queryperiod',
  'triggeroperator',
  'triggerthreshold',
  'metadata',
]);

function readClassic(data: Data): SentinelRule {
  const tags = list(data.tags);
  const settings: [string, string][] = [];
  for (const key of [
    'id',
    'kind',
    'version',
    'status',
    'queryFrequency',
    'queryPeriod',
    'triggerOperator',
    'triggerThreshold',
  ]) {
    const value = text(data[key.toLowerCase()]);
    if (value !== undefined) settings.push([key, value]);
  }
  const detailed = text(data['description-detailed']);
  return {
    schema: data.severity === undefined && data.queryfrequency === undefined ? 'hunting-query' : 'analytic-rule',
    id: text(data.id),
    name: text(data.name),
    description: [text(data.description), detailed].filter(Boolean).join('\n\n') || undefined,
    severity: text(data.severity),
    tactics: textList(data.tactics),
    techniques: textList(data.relevanttechniques),
    connectors: readConnectors(data.requireddataconnectors),
    query: typeof data.query === 'string' ? data.query : undefined,
    tags: tags.flatMap((tag) => text(tag) ?? []),
    unmappedTags: tags.filter((tag) => typeof tag === 'object').map((tag) => JSON.stringify(tag)),
    author: text(object(object(data.metadata).author).name),
    settings,
    unmappedKeys: Object.keys(data).filter((key) => !CLASSIC_KEYS.has(key)),
  };
}

const XDR_PROPERTY_KEYS = new Set(['id', 'displayname', 'status', 'querycondition', 'schedule', 'detectionaction']);

function readXdr(data: Data): SentinelRule {
  const properties = object(data.properties);
  const template = object(object(properties.detectionaction).alerttemplate);
  const provenance = object(data.contentprovenance);
  const conversion = object(provenance.conversion);
  const tactics = list(template.tactics).map(object);
  const techniques = [
    ...tactics.flatMap((tactic) => list(tactic.techniques).flatMap((t) => text(object(t).technique) ?? [])),
    ...textList(conversion.originaltechniques),
  ];
  const settings: [string, string][] = [];
  const source = object(provenance.source);
  for (const [label, value] of [
    ['id', properties.id],
    ['schemaVersion', data.schemaversion],
    ['status', properties.status],
    ['schedule frequency', object(properties.schedule).frequency],
    ['source rule id', source.id],
    ['source rule version', source.version],
  ] as const) {
    const shown = text(value);
    if (shown !== undefined) settings.push([label, shown]);
  }
  const alertKeys = Object.keys(template).filter(
    (key) => !['title', 'description', 'severity', 'tactics'].includes(key),
  );
  return {
    schema: 'xdr-custom-detection',
    id: text(properties.id),
    name: text(properties.displayname) ?? text(template.title),
    description: text(template.description),
    severity: text(template.severity),
    tactics: [...tactics.flatMap((t) => text(t.tactic) ?? []), ...textList(conversion.originaltactics)],
    techniques,
    connectors: [],
    query:
      typeof object(properties.querycondition).querytext === 'string'
        ? (object(properties.querycondition).querytext as string)
        : undefined,
    tags: [],
    unmappedTags: [],
    settings,
    unmappedKeys: [
      ...Object.keys(properties)
        .filter((key) => !XDR_PROPERTY_KEYS.has(key))
        .map((key) => `properties.${key}`),
      ...alertKeys.map((key) => `alertTemplate.${key}`),
    ],
  };
}

/** Parses one rule file; throws with the YAML error when the file cannot be read at all. */
export function readSentinelRule(yamlText: string, file: string): SentinelRule {
  const doc = parseDocument(yamlText.replace(/^\uFEFF/, ''), { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length) throw new Error(`${file}: not valid YAML (${doc.errors[0].message.split('\n')[0]})`);
  const data = object(lowerKeys(doc.toJS()));
  const isXdr = text(data.kind) === 'CustomDetection' || 'properties' in data;
  return isXdr ? readXdr(data) : readClassic(data);
}
