import { describe, expect, it } from 'vitest';
import { buildStixPattern } from '../../../src/lib/export/stix-patterns.ts';
import { buildStixBundle, type StixObject } from '../../../src/lib/export/stix-bundle.ts';
import { composeFeedQueries } from '../../../src/lib/import/compose-feed-queries.ts';
import { fenceQuery } from '../../../src/lib/import/render-writeup.ts';
import type { IocType } from '../../../src/lib/ioc/ioc-types.ts';
import { checkStixBundle, checkStixPattern } from './stix-rules.ts';
import { loadSampleWriteups, readWriteup } from './helpers.ts';

const EVERY_TYPE: [IocType, string][] = [
  ['ip:port', '203.0.113.10:449'],
  ['ip:port', '[2001:db8::5]:8443'],
  ['ip', '198.51.100.7'],
  ['cidr', '192.0.2.0/24'],
  ['domain', 'evil.example'],
  ['url', "https://login.evil.example/it's"],
  ['email', 'httpalerts@example.com'],
  ['md5', '0e462097431906509019562988736854'],
  ['sha1', '3395856ce81f2b7382dee72602f798b642f14140'],
  ['sha256', 'c8646cfb574ff2c6f183c3c3951bf6b2c6cf16ff8a5e949a118be27f15962fae'],
];

/** A writeup with one IOC of every type, hunted by generated queries. */
function everyTypeWriteup(id = 'every-type', malware = 'ExampleRAT') {
  const iocs = EVERY_TYPE.map(([type, value]) => ({ type, value }));
  const body = composeFeedQueries(iocs)
    .map((hunt) => fenceQuery(hunt.text, hunt.title))
    .join('\n\n');
  const yaml = EVERY_TYPE.map(
    ([type, value]) =>
      `  - { type: "${type}", value: ${JSON.stringify(value)}, first_seen: 2025-01-02, confidence: 80% }`,
  ).join('\n');
  return readWriteup(
    id,
    `---\ntitle: Every type\nsummary: One of each.\nseverity: high\ndate: 2025-01-03\nmalware: [${malware}]\nattack: [T1071.001]\nreferences: [https://www.example.org/r]\niocs:\n${yaml}\n---\n\n${body}\n`,
  );
}

describe('STIX patterns', () => {
  it('use the right object and property for each IOC type', () => {
    expect(EVERY_TYPE.map(([type, value]) => buildStixPattern(type, value))).toEqual([
      "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.10' AND network-traffic:dst_port = 449]",
      "[network-traffic:dst_ref.type = 'ipv6-addr' AND network-traffic:dst_ref.value = '2001:db8::5' AND network-traffic:dst_port = 8443]",
      "[ipv4-addr:value = '198.51.100.7']",
      "[ipv4-addr:value = '192.0.2.0/24']",
      "[domain-name:value = 'evil.example']",
      "[url:value = 'https://login.evil.example/it\\'s']",
      "[email-addr:value = 'httpalerts@example.com']",
      "[file:hashes.MD5 = '0e462097431906509019562988736854']",
      "[file:hashes.'SHA-1' = '3395856ce81f2b7382dee72602f798b642f14140']",
      "[file:hashes.'SHA-256' = 'c8646cfb574ff2c6f183c3c3951bf6b2c6cf16ff8a5e949a118be27f15962fae']",
    ]);
    expect(buildStixPattern('cidr', '2001:db8::/32')).toBe("[ipv6-addr:value = '2001:db8::/32']");
  });

  it('pass the syntax and value rules, which reject broken ones', () => {
    for (const [type, value] of EVERY_TYPE) expect(checkStixPattern(buildStixPattern(type, value))).toEqual([]);
    expect(checkStixPattern("[ipv4-addr:value = '198.51.100.300']")).toHaveLength(1);
    expect(checkStixPattern("[file:hashes.'SHA-256' = 'abc']")).toHaveLength(1);
    expect(checkStixPattern("ipv4-addr:value = '198.51.100.7'")).toHaveLength(1);
    expect(checkStixPattern("[url:value = 'it's']")).toHaveLength(1);
  });
});

describe('STIX bundles', () => {
  it('are valid STIX 2.1 for every sample writeup', () => {
    for (const writeup of [...loadSampleWriteups(), everyTypeWriteup()]) {
      expect(checkStixBundle(buildStixBundle(writeup)), writeup.id).toEqual([]);
    }
  });

  it('hold identity, one indicator per IOC, malware, techniques, relationships and a report', () => {
    const bundle = buildStixBundle(everyTypeWriteup());
    const count = (type: string) => bundle.objects.filter((object) => object.type === type).length;
    expect([count('identity'), count('indicator'), count('malware'), count('attack-pattern'), count('report')]).toEqual(
      [1, 10, 1, 1, 1],
    );
    expect(count('relationship')).toBe(11);
    const indicator = bundle.objects.find((object) => object.type === 'indicator')!;
    expect(indicator).toMatchObject({
      valid_from: '2025-01-02T00:00:00.000Z',
      confidence: 80,
      name: 'IP:port 203[.]0[.]113[.]10:449',
    });
  });

  it('have deterministic ids: a re-export is identical, shared objects keep their ids', () => {
    expect(JSON.stringify(buildStixBundle(everyTypeWriteup()))).toBe(
      JSON.stringify(buildStixBundle(everyTypeWriteup())),
    );
    const ids = (objects: StixObject[], type: string) =>
      objects.filter((object) => object.type === type).map((object) => object.id);
    const first = buildStixBundle(everyTypeWriteup('first'));
    const second = buildStixBundle(everyTypeWriteup('second'));
    expect(ids(first.objects, 'malware')).toEqual(ids(second.objects, 'malware'));
    expect(ids(first.objects, 'identity')).toEqual(ids(second.objects, 'identity'));
    expect(ids(first.objects, 'indicator')).not.toEqual(ids(second.objects, 'indicator'));
    expect(first.objects[0].id).toMatch(/^identity--[0-9a-f]{8}-[0-9a-f]{4}-5/);
  });

  it('are caught by the rules when broken', () => {
    const bundle = buildStixBundle(everyTypeWriteup());
    const broken = structuredClone(bundle);
    delete broken.objects[0].name;
    broken.objects[1].created = '2025-01-03';
    expect(checkStixBundle(broken)).toEqual([
      `identity ${bundle.objects[0].id}: name is required`,
      `report ${bundle.objects[1].id}: created must be a UTC timestamp to the millisecond`,
    ]);
  });
});
