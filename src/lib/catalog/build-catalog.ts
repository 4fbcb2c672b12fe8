import { IOC_TYPES, type IocType } from '../ioc/ioc-types.ts';
import {
  CONNECTOR_KINDS,
  type ConnectorCatalog,
  type ConnectorEntry,
  type ConnectorKind,
  type DeprecationNote,
  type TableEntry,
} from './catalog-types.ts';

type RawObject = Record<string, unknown>;

// Parentheses appear in real ids such as `AzureMonitor(IIS)`.
const CONNECTOR_ID = /^[A-Za-z][A-Za-z0-9_()-]*$/;
const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HTTPS_URL = /^https:\/\/\S+$/;

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

function readObject(
  value: unknown,
  where: string,
  required: readonly string[],
  optional: readonly string[] = [],
): RawObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object');
  const object = value as RawObject;
  for (const key of required) if (!(key in object)) fail(where, `missing "${key}"`);
  const allowed = new Set([...required, ...optional]);
  for (const key of Object.keys(object)) {
    if (!allowed.has(key)) fail(where, `unknown field "${key}" (allowed: ${[...allowed].join(', ')})`);
  }
  return object;
}

function readText(object: RawObject, key: string, where: string, pattern?: RegExp): string {
  const value = object[key];
  if (typeof value !== 'string' || value.trim() === '') fail(where, `"${key}" must be a non-empty string`);
  if (pattern && !pattern.test(value)) fail(where, `"${key}" ${JSON.stringify(value)} does not match ${pattern}`);
  return value;
}

function readTextList(object: RawObject, key: string, where: string, pattern?: RegExp): string[] {
  const value = object[key] ?? [];
  if (!Array.isArray(value)) fail(where, `"${key}" must be a list`);
  const seen = new Set<string>();
  return value.map((item: unknown, index) => {
    const at = `${where}: ${key}[${index}]`;
    if (typeof item !== 'string' || item.trim() === '') fail(at, 'must be a non-empty string');
    if (pattern && !pattern.test(item)) fail(at, `${JSON.stringify(item)} does not match ${pattern}`);
    if (seen.has(item)) fail(at, `${JSON.stringify(item)} is listed twice`);
    seen.add(item);
    return item;
  });
}

function readDeprecation(object: RawObject, where: string): DeprecationNote | null {
  const value = object.deprecated;
  if (value === undefined || value === null) return null;
  const note = readObject(value, `${where}: deprecated`, ['replacement', 'reason']);
  return {
    replacement: readText(note, 'replacement', `${where}: deprecated`),
    reason: readText(note, 'reason', `${where}: deprecated`),
  };
}

function readConnector(value: unknown, index: number, source: string): Omit<ConnectorEntry, 'tables'> {
  const id = (value as RawObject | null)?.id;
  const where = `${source}: connectors[${index}]${typeof id === 'string' ? ` "${id}"` : ''}`;
  const raw = readObject(value, where, ['id', 'name', 'kind', 'setup', 'docs'], ['aliases', 'deprecated']);
  const kind = readText(raw, 'kind', where);
  if (!(CONNECTOR_KINDS as readonly string[]).includes(kind))
    fail(where, `"kind" must be one of ${CONNECTOR_KINDS.join(', ')}`);
  return {
    id: readText(raw, 'id', where, CONNECTOR_ID),
    name: readText(raw, 'name', where),
    kind: kind as ConnectorKind,
    setup: readText(raw, 'setup', where),
    docs: readText(raw, 'docs', where, HTTPS_URL),
    aliases: readTextList(raw, 'aliases', where, CONNECTOR_ID),
    deprecated: readDeprecation(raw, where),
  };
}

function readTable(value: unknown, index: number, source: string): TableEntry {
  const name = (value as RawObject | null)?.name;
  const where = `${source}: tables[${index}]${typeof name === 'string' ? ` "${name}"` : ''}`;
  const raw = readObject(
    value,
    where,
    ['name', 'description', 'connectors', 'iocTypes'],
    ['deprecated', 'dataTypeAliases'],
  );
  const iocTypes = readTextList(raw, 'iocTypes', where);
  iocTypes.forEach((type, i) => {
    if (!(IOC_TYPES as readonly string[]).includes(type))
      fail(`${where}: iocTypes[${i}]`, `"${type}" is not an IOC type (use ${IOC_TYPES.join(', ')})`);
  });
  const connectors = readTextList(raw, 'connectors', where);
  if (connectors.length === 0) fail(where, '"connectors" must name at least one connector');
  return {
    name: readText(raw, 'name', where, TABLE_NAME),
    description: readText(raw, 'description', where),
    connectors,
    deprecated: readDeprecation(raw, where),
    iocTypes: iocTypes as IocType[],
    dataTypeAliases: readTextList(raw, 'dataTypeAliases', where),
  };
}

/** Claims each key once, case-insensitively, because lookups ignore case. */
function claimUnique(claims: Map<string, string>, key: string, owner: string, where: string): void {
  const previous = claims.get(key.toLowerCase());
  if (previous !== undefined)
    fail(where, `"${key}" clashes with ${previous} (names must differ in more than letter case)`);
  claims.set(key.toLowerCase(), owner);
}

/** Checks the references between entries; the field-level checks have already passed. */
function checkReferences(
  connectors: readonly Omit<ConnectorEntry, 'tables'>[],
  tables: readonly TableEntry[],
  source: string,
): void {
  const ids = new Map<string, string>();
  const canonical = new Map(connectors.map((c) => [c.id, c]));
  connectors.forEach((c, i) => {
    const where = `${source}: connectors[${i}] "${c.id}"`;
    claimUnique(ids, c.id, `connector "${c.id}"`, where);
    for (const alias of c.aliases) claimUnique(ids, alias, `an alias of connector "${c.id}"`, where);
  });
  const names = new Map<string, string>();
  const byName = new Map(tables.map((t) => [t.name, t]));
  tables.forEach((t, i) => {
    const where = `${source}: tables[${i}] "${t.name}"`;
    claimUnique(names, t.name, `table "${t.name}"`, where);
    for (const alias of t.dataTypeAliases) claimUnique(names, alias, `a data type alias of table "${t.name}"`, where);
    t.connectors.forEach((id, j) => {
      if (canonical.has(id)) return;
      const owner = connectors.find((c) => c.aliases.includes(id));
      fail(
        `${where}: connectors[${j}]`,
        owner ? `"${id}" is an alias; list the canonical id "${owner.id}"` : `no connector has id "${id}"`,
      );
    });
    checkReplacement(t.deprecated, t.name, byName, where, 'table');
  });
  connectors.forEach((c, i) => {
    const where = `${source}: connectors[${i}] "${c.id}"`;
    if (!tables.some((t) => t.connectors.includes(c.id)))
      fail(where, 'no table lists this connector; add it to the tables it fills');
    checkReplacement(c.deprecated, c.id, canonical, where, 'connector');
  });
}

function checkReplacement(
  note: DeprecationNote | null,
  self: string,
  known: Map<string, { deprecated: DeprecationNote | null }>,
  where: string,
  what: string,
): void {
  if (note === null) return;
  const replacement = known.get(note.replacement);
  if (replacement === undefined)
    fail(`${where}: deprecated`, `replacement "${note.replacement}" is not a ${what} in the catalog`);
  if (note.replacement === self) fail(`${where}: deprecated`, 'an entry cannot replace itself');
  if (replacement.deprecated !== null)
    fail(`${where}: deprecated`, `replacement "${note.replacement}" is itself deprecated; point at its replacement`);
}

/**
 * Validates raw catalog data and derives each connector's table list.
 * Throws an Error naming the data file and the offending entry; `source` labels the file in messages.
 */
export function buildConnectorCatalog(data: unknown, source = 'connectors.json'): ConnectorCatalog {
  const root = readObject(data, source, ['version', 'connectors', 'tables'], ['about', '$comment']);
  if (root.version !== 1) fail(source, `unsupported "version" ${JSON.stringify(root.version)} (expected 1)`);
  if (!Array.isArray(root.connectors)) fail(source, '"connectors" must be a list');
  if (!Array.isArray(root.tables)) fail(source, '"tables" must be a list');
  const connectors = root.connectors.map((value: unknown, i) => readConnector(value, i, source));
  const tables = root.tables.map((value: unknown, i) => readTable(value, i, source));
  checkReferences(connectors, tables, source);
  return Object.freeze({
    version: 1,
    connectors: Object.freeze(
      connectors.map((c) =>
        Object.freeze({
          ...c,
          tables: Object.freeze(tables.filter((t) => t.connectors.includes(c.id)).map((t) => t.name)),
        }),
      ),
    ),
    tables: Object.freeze(tables.map((t) => Object.freeze(t))),
  });
}
