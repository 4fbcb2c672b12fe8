import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { validateWriteup } from '../../../src/lib/content/validate-writeup.ts';
import { adviseOperator } from '../../../src/lib/kql/advise-operator.ts';
import { listHuntKeys, readLiteralIndicator } from '../../../src/lib/kql/ioc-keys.ts';
import { locateInQuery } from '../../../src/lib/kql/locate-in-query.ts';
import type { LiteralUse } from '../../../src/lib/kql/query-facts.ts';
import { formatProblem, sortProblems } from '../../../src/lib/problems/format-problems.ts';

const catalog = loadConnectorCatalog();

/** A writeup file with the given frontmatter lines and body. */
function writeup(frontmatter: string[], body: string): string {
  return [
    '---',
    'title: T',
    'summary: S',
    'severity: low',
    'date: 2026-01-02',
    ...frontmatter,
    '---',
    '',
    body,
    '',
  ].join('\n');
}
const check = (text: string) => validateWriteup('x/t.md', text, catalog);
const lines = (text: string) => sortProblems(check(text).problems).map(formatProblem);
const use = (operator: string): LiteralUse => ({ operator, offset: 0, negated: false, column: 'C' });

describe('positions', () => {
  it('maps a query offset to the file line and column, counting the fence indent', () => {
    const query = { text: 'A\n| where B', line: 10, indent: 2 };
    expect(locateInQuery(query, 0)).toEqual({ line: 11, column: 3 });
    expect(locateInQuery(query, 4)).toEqual({ line: 12, column: 5 });
  });
});

describe('connectors derived from the queries', () => {
  it('derives the tables when connectors is omitted, wildcards included', () => {
    const result = check(writeup([], '```kql\nunion DeviceNetwork*, (CommonSecurityLog | take 1)\n```'));
    expect(result.problems).toEqual([]);
    expect(result.writeup?.tables).toEqual(['CommonSecurityLog', 'DeviceNetworkEvents', 'DeviceNetworkInfo']);
    expect(result.writeup?.queries[0]?.tables).toEqual([
      'CommonSecurityLog',
      'DeviceNetworkEvents',
      'DeviceNetworkInfo',
    ]);
  });

  it('accepts a declared table reached only through a wildcard', () => {
    expect(lines(writeup(['connectors: [DeviceNetworkEvents]'], '```kql\nunion DeviceNetwork*\n```'))).toEqual([]);
  });

  it('keeps declared order and notes first', () => {
    const text = writeup(
      ['connectors:', '  - { table: DeviceNetworkEvents, note: n }', '  - CommonSecurityLog'],
      '```kql\nCommonSecurityLog | union DeviceNetworkEvents\n```',
    );
    expect(check(text).writeup?.tables).toEqual(['DeviceNetworkEvents', 'CommonSecurityLog']);
  });

  it('names both sides when connectors and the queries disagree (F20)', () => {
    const text = writeup(
      ['connectors: [DeviceNetworkEvents, DnsEvents]'],
      '```kql\nDeviceNetworkEvents\n| union CommonSecurityLog\n```',
    );
    expect(lines(text)).toEqual([
      'x/t.md:6: connectors[1].table: DnsEvents is declared but no query reads it (the queries read DeviceNetworkEvents, CommonSecurityLog) (remove it from connectors, or add the query that reads it)',
      'x/t.md:11:9: queries[0]: query #1: reads CommonSecurityLog, which connectors does not list (declared: DeviceNetworkEvents, DnsEvents) (add { table: CommonSecurityLog } to connectors, or remove connectors: to derive the list from the queries)',
    ]);
  });
});

describe('IOCs and queries in step', () => {
  it('passes the seed writeup unchanged: ip:port IOCs are hunted by their addresses (F05)', () => {
    const seed = readFileSync('content/detections/remcos-threatfox-hunt.md', 'utf8');
    const result = validateWriteup('content/detections/remcos-threatfox-hunt.md', seed, catalog);
    expect(result.problems).toEqual([]);
    expect(result.writeup?.queries.map((query) => [query.tables, query.huntedIocs])).toEqual([
      [['CommonSecurityLog'], 5],
      [['DeviceNetworkEvents'], 5],
    ]);
  });

  it('compares domains and hashes regardless of case (F19)', () => {
    const text = writeup(
      ['iocs:', '  - { value: "evil[.]example" }', '  - { value: "3395856CE81F2B7382DEE72602F798B642F14140" }'],
      '```kql\nDeviceNetworkEvents\n| where RemoteUrl has_any ("EVIL.example") or InitiatingProcessSHA1 in~ ("3395856ce81f2b7382dee72602f798b642f14140")\n```',
    );
    expect(lines(text)).toEqual([]);
  });

  it('lets a behavioural query opt out with iocs=none', () => {
    const body =
      '```kql title="Script host" iocs=none\nDeviceNetworkEvents\n| where RemoteUrl in~ ("raw.githubusercontent.com")\n```';
    expect(lines(writeup([], body))).toEqual([]);
    expect(lines(writeup([], body.replace(' iocs=none', '')))[0]).toContain(
      'hunts domain raw[.]githubusercontent[.]com, which is not in iocs',
    );
  });

  it('reads a literal as an indicator only when it looks like one', () => {
    expect(readLiteralIndicator('rundll32.exe')).toMatchObject({ type: 'domain' });
    expect(readLiteralIndicator('ConnectionSuccess')).toBeUndefined();
    expect(listHuntKeys({ type: 'ip:port', value: '[2001:db8::5]:443' })).toEqual([
      'ip:port [2001:db8::5]:443',
      'ip 2001:db8::5',
    ]);
    const rundll = writeup([], '```kql\nDeviceProcessEvents\n| where FileName in~ ("rundll32.exe", "perfc.dat")\n```');
    expect(lines(rundll)).toEqual([]);
    const deviceId = writeup(
      [],
      '```kql\nlet victim = "ad99bd95733f62294b5b76bb63b113bff44d06ef";\nDeviceProcessEvents\n| where DeviceId =~ victim\n```',
    );
    expect(lines(deviceId)).toEqual([]);
  });
});

describe('operator advice', () => {
  const ip = { type: 'ip', value: '198.51.100.7' } as const;
  const v6 = { type: 'ip', value: '2001:db8::7' } as const;
  const domain = { type: 'domain', value: 'evil.example' } as const;
  const sha1 = { type: 'sha1', value: '3395856ce81f2b7382dee72602f798b642f14140' } as const;
  it('suggests an exact operator for addresses searched as text', () => {
    expect(adviseOperator(ip, use('has'))?.better).toBe('==');
    expect(adviseOperator(ip, use('contains'))?.better).toBe('==');
    expect(adviseOperator(ip, use('has_any'))?.better).toBe('in (…)');
    expect(adviseOperator(ip, use('in'))).toBeUndefined();
  });

  it('suggests case-insensitive operators for domains and hashes', () => {
    expect(adviseOperator(domain, use('=='))?.better).toBe('=~');
    expect(adviseOperator(sha1, use('in'))?.better).toBe('in~');
    expect(adviseOperator(domain, use('has_cs'))?.better).toBe('has');
    expect(adviseOperator(domain, use('has_any'))).toBeUndefined();
    expect(adviseOperator(sha1, use('in~'))).toBeUndefined();
  });

  it('suggests the IPv6 function for IPv6 values, and range functions for CIDRs', () => {
    expect(adviseOperator(v6, use('ipv4_is_in_range'))?.better).toBe('ipv6_is_in_range()');
    expect(adviseOperator(ip, use('ipv4_is_in_range'))).toBeUndefined();
    expect(adviseOperator({ type: 'cidr', value: '2001:db8::/32' }, use('in'))?.better).toBe(
      'ipv6_is_in_range() or ipv6_is_in_any_range()',
    );
    expect(adviseOperator({ type: 'cidr', value: '10.0.0.0/8' }, use('ipv4_is_in_any_range'))).toBeUndefined();
  });
});
