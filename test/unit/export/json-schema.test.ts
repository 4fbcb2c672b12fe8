import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildWriteupJsonSchema } from '../../../src/lib/schema/json-schema.ts';
import { listWriteupFiles } from '../../../src/lib/content/load-collection.ts';
import { ROOT } from './helpers.ts';

type Schema = Record<string, unknown>;

/** A validator for the JSON Schema keywords the schema uses; unknown keywords fail loudly. */
function validate(schema: Schema, value: unknown, path = ''): string[] {
  const known = new Set([
    '$schema',
    '$id',
    'title',
    'description',
    'default',
    'format',
    'type',
    'properties',
    'required',
    'additionalProperties',
    'items',
    'anyOf',
    'enum',
    'pattern',
    'minLength',
    'minimum',
    'maximum',
  ]);
  const unknown = Object.keys(schema).filter((key) => !known.has(key));
  if (unknown.length) return [`${path}: unsupported keywords ${unknown.join(', ')}`];
  if (schema.anyOf) {
    const options = (schema.anyOf as Schema[]).map((option) => validate(option, value, path));
    return options.some((errors) => errors.length === 0)
      ? []
      : [`${path}: matches no alternative (${options.flat().join('; ')})`];
  }
  const types = schema.type === undefined ? [] : ([schema.type].flat() as string[]);
  const typeOf = Array.isArray(value)
    ? 'array'
    : value === null
      ? 'null'
      : typeof value === 'object'
        ? 'object'
        : typeof value;
  if (types.length && !types.includes(typeOf)) return [`${path}: ${typeOf} is not ${types.join('|')}`];
  const errors: string[] = [];
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${path}: ${String(value)} not in enum`);
  if (typeof value === 'string') {
    const pattern = typeof schema.pattern === 'string' ? schema.pattern : undefined;
    if (pattern && !new RegExp(pattern).test(value)) errors.push(`${path}: "${value}" does not match ${pattern}`);
    if (typeof schema.minLength === 'number' && value.length < schema.minLength) errors.push(`${path}: too short`);
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) errors.push(`${path}: below minimum`);
    if (typeof schema.maximum === 'number' && value > schema.maximum) errors.push(`${path}: above maximum`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, index) => errors.push(...validate(schema.items as Schema, item, `${path}[${index}]`)));
  if (typeOf === 'object') {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const key of (schema.required ?? []) as string[])
      if (!(key in object)) errors.push(`${path}.${key}: required`);
    for (const [key, inner] of Object.entries(object)) {
      if (properties[key]) errors.push(...validate(properties[key], inner, `${path}.${key}`));
      else if (schema.additionalProperties === false) errors.push(`${path}.${key}: unknown field`);
    }
  }
  return errors;
}

/** Frontmatter as an editor's YAML plugin reads it (YAML 1.2 core schema). */
function readFrontmatter(file: string): unknown {
  const text = readFileSync(join(ROOT, file), 'utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
  return parse(text.split(/^---$/m)[1]);
}

describe('the frontmatter JSON Schema', () => {
  const schema = buildWriteupJsonSchema();

  it('is checked in up to date (run `npm run schema` after changing src/lib/schema/)', () => {
    const checkedIn = JSON.parse(readFileSync(join(ROOT, 'schema/writeup.schema.json'), 'utf8')) as unknown;
    expect(checkedIn).toEqual(schema);
  });

  it('accepts every valid writeup, shorthands included', () => {
    const files = ['content/detections', 'test/fixtures/valid'].flatMap((dir) =>
      listWriteupFiles(join(ROOT, dir), ROOT),
    );
    expect(files.length).toBeGreaterThanOrEqual(8);
    // The YAML-traps fixture leaves digit-only hashes unquoted: Huntbook keeps them as text, but an editor's
    // YAML reader sees numbers, and the schema asks for a quoted value there on purpose (F10).
    const unquotedHashes = {
      'test/fixtures/valid/yaml-traps.md': [
        '.iocs[0].value: number is not string',
        '.iocs[1].value: number is not string',
      ],
    };
    for (const file of files)
      expect(validate(schema, readFrontmatter(file)), file).toEqual(
        unquotedHashes[file as keyof typeof unquotedHashes] ?? [],
      );
    expect(
      validate(schema, {
        title: 't',
        summary: 's',
        severity: 'low',
        date: '2026-01-01',
        malware: 'Remcos',
        connectors: ['DeviceNetworkEvents'],
        false_positives: ['Backups'],
        source: 'ThreatFox',
        iocs: [{ value: 'x', confidence: '75%' }],
      }),
    ).toEqual([]);
  });

  it('rejects what the checker rejects: unknown fields, bad enums, dates and technique ids, missing values', () => {
    const base = { title: 't', summary: 's', severity: 'low', date: '2026-01-01' };
    expect(validate(schema, { ...base, severty: 'low' })).toEqual(['.severty: unknown field']);
    expect(validate(schema, { ...base, severity: 'urgent' })).toEqual(['.severity: urgent not in enum']);
    expect(validate(schema, { ...base, date: '15/06/2026' })).toHaveLength(1);
    expect(validate(schema, { ...base, attack: ['X1071'] })).toHaveLength(1);
    expect(validate(schema, { ...base, iocs: [{ type: 'ip' }] })).toEqual(['.iocs[0].value: required']);
    expect(validate(schema, { title: 't' })).toHaveLength(3);
  });
});
