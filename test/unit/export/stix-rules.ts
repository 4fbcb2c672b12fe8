// The STIX 2.1 rules that matter for Huntbook's bundles, checked independently of the exporter:
// required properties, id and timestamp formats, references that resolve, and pattern syntax with
// a valid value for each observable type (STIX 2.1 §3, §4, §9).
import { isIPv4, isIPv6 } from 'node:net';

type StixObject = Record<string, unknown> & { type: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const MILLISECONDS = /\.\d{3}Z$/;
const REQUIRED: Readonly<Record<string, string[]>> = {
  identity: ['name'],
  indicator: ['pattern', 'pattern_type', 'valid_from'],
  malware: ['is_family'],
  'attack-pattern': ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  report: ['name', 'published', 'object_refs'],
};

function isTimestamp(value: unknown): boolean {
  return typeof value === 'string' && TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

function isCidrOrAddress(value: string, check: (address: string) => boolean, maxPrefix: number): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length || !check(address)) return false;
  return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= maxPrefix);
}

const COMPARISON = /^([a-z0-9-]+):([a-z0-9_]+(?:\.(?:[A-Za-z0-9_]+|'[^']+'))*) = ('(?:[^'\\]|\\['\\])*'|\d+)$/;

/** Checks one comparison's value against what its object path holds. */
function checkComparison(objectType: string, path: string, literal: string): string | undefined {
  const value = literal.startsWith("'") ? literal.slice(1, -1).replace(/\\(['\\])/g, '$1') : Number(literal);
  const key = `${objectType}:${path}`;
  const text = typeof value === 'string' ? value : '';
  const checks: Record<string, () => boolean> = {
    'ipv4-addr:value': () => isCidrOrAddress(text, isIPv4, 32),
    'ipv6-addr:value': () => isCidrOrAddress(text, isIPv6, 128),
    'domain-name:value': () => /^(?!-)[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(text),
    'url:value': () => URL.canParse(text),
    'email-addr:value': () => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text),
    'file:hashes.MD5': () => /^[0-9a-f]{32}$/i.test(text),
    "file:hashes.'SHA-1'": () => /^[0-9a-f]{40}$/i.test(text),
    "file:hashes.'SHA-256'": () => /^[0-9a-f]{64}$/i.test(text),
    'network-traffic:dst_ref.type': () => text === 'ipv4-addr' || text === 'ipv6-addr',
    'network-traffic:dst_ref.value': () => isIPv4(text) || isIPv6(text),
    'network-traffic:dst_port': () =>
      typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 65535,
  };
  const check = checks[key];
  if (!check) return `unsupported object path ${key}`;
  return check() ? undefined : `invalid value ${literal} for ${key}`;
}

/** Problems in one STIX pattern: `[a:b = 'c' AND …]`, every comparison on the same object type. */
export function checkStixPattern(pattern: string): string[] {
  const match = /^\[(.*)\]$/.exec(pattern);
  if (!match) return [`pattern ${pattern} is not one observation expression in brackets`];
  const comparisons = match[1].split(' AND ');
  const problems: string[] = [];
  const objectTypes = new Set<string>();
  for (const comparison of comparisons) {
    const parts = COMPARISON.exec(comparison);
    if (!parts) {
      problems.push(`comparison "${comparison}" is not valid STIX pattern syntax`);
      continue;
    }
    objectTypes.add(parts[1]);
    const problem = checkComparison(parts[1], parts[2], parts[3]);
    if (problem) problems.push(problem);
  }
  if (objectTypes.size > 1)
    problems.push('AND joins comparisons on different object types (needs one observation each)');
  return problems;
}

/** Every rule broken by a bundle; empty when it is valid. */
export function checkStixBundle(bundle: {
  type?: unknown;
  id?: unknown;
  objects?: unknown;
  spec_version?: unknown;
}): string[] {
  const problems: string[] = [];
  if (bundle.type !== 'bundle') problems.push('bundle type must be "bundle"');
  if (typeof bundle.id !== 'string' || !/^bundle--/.test(bundle.id) || !UUID.test(bundle.id.slice(8)))
    problems.push('bundle id must be bundle--<uuid>');
  if ('spec_version' in bundle) problems.push('a 2.1 bundle has no spec_version');
  const objects = Array.isArray(bundle.objects) ? (bundle.objects as StixObject[]) : [];
  if (objects.length === 0) problems.push('bundle has no objects');
  const ids = new Map(objects.map((object) => [object.id, object]));
  if (ids.size !== objects.length) problems.push('object ids are not unique');
  for (const object of objects) {
    const where = `${object.type} ${object.id}`;
    const [prefix, uuid] = String(object.id).split('--');
    if (prefix !== object.type || !UUID.test(uuid ?? '')) problems.push(`${where}: id must be ${object.type}--<uuid>`);
    if (object.spec_version !== '2.1') problems.push(`${where}: spec_version must be "2.1"`);
    for (const key of ['created', 'modified']) {
      if (!isTimestamp(object[key]) || !MILLISECONDS.test(String(object[key])))
        problems.push(`${where}: ${key} must be a UTC timestamp to the millisecond`);
    }
    if (String(object.modified) < String(object.created)) problems.push(`${where}: modified is before created`);
    if (object.created_by_ref !== undefined && ids.get(object.created_by_ref as string)?.type !== 'identity')
      problems.push(`${where}: created_by_ref names no identity in the bundle`);
    for (const key of REQUIRED[object.type] ?? [])
      if (object[key] === undefined) problems.push(`${where}: ${key} is required`);
    for (const reference of (object.external_references as { source_name?: unknown }[] | undefined) ?? []) {
      if (typeof reference.source_name !== 'string') problems.push(`${where}: external reference without source_name`);
    }
    if (object.type === 'indicator') {
      if (object.pattern_type !== 'stix') problems.push(`${where}: pattern_type must be stix`);
      if (!isTimestamp(object.valid_from)) problems.push(`${where}: valid_from must be a timestamp`);
      if (
        object.confidence !== undefined &&
        !(Number.isInteger(object.confidence) && Number(object.confidence) >= 0 && Number(object.confidence) <= 100)
      )
        problems.push(`${where}: confidence must be an integer 0-100`);
      problems.push(...checkStixPattern(String(object.pattern)).map((problem) => `${where}: ${problem}`));
    }
    if (object.type === 'malware' && typeof object.is_family !== 'boolean')
      problems.push(`${where}: is_family must be a boolean`);
    if (object.type === 'relationship') {
      const source = ids.get(String(object.source_ref));
      const target = ids.get(String(object.target_ref));
      if (!source || !target) problems.push(`${where}: source_ref and target_ref must name objects in the bundle`);
      const allowed = [
        'indicator indicates malware',
        'indicator indicates attack-pattern',
        'malware uses attack-pattern',
      ];
      if (source && target && !allowed.includes(`${source.type} ${String(object.relationship_type)} ${target.type}`))
        problems.push(
          `${where}: ${source.type} ${String(object.relationship_type)} ${target.type} is not a STIX relationship`,
        );
    }
    if (object.type === 'report') {
      const refs = object.object_refs as string[];
      if (!isTimestamp(object.published)) problems.push(`${where}: published must be a timestamp`);
      if (!Array.isArray(refs) || refs.length === 0) problems.push(`${where}: object_refs must not be empty`);
      else
        for (const ref of refs)
          if (!ids.has(ref)) problems.push(`${where}: object_refs names ${ref}, not in the bundle`);
    }
  }
  return problems;
}
