import { describe, expect, it } from 'vitest';
import { analyseQuery } from '../../../src/lib/kql/analyse-query.ts';
import { measureTimespan, pickLongestLookback } from '../../../src/lib/kql/find-lookback.ts';
import { loadKustoEngine } from '../../../src/lib/kql/load-kusto.ts';
import type { QueryLiteral } from '../../../src/lib/kql/query-facts.ts';

// Passing the engine skips the on-disk facts cache, so these tests always exercise the extractor.
const engine = loadKustoEngine();
const analyse = (text: string) => analyseQuery(text, engine);
const tablesOf = (text: string) =>
  analyse(text).tableReferences.map((ref) => (ref.wildcard ? `${ref.name} (wildcard)` : ref.name));
const usesOf = (literal: QueryLiteral | undefined) =>
  literal?.uses.map((use) => `${use.negated ? 'NOT ' : ''}${use.column ?? '?'} ${use.operator}`);
const literal = (text: string, value: string) => analyse(text).literals.find((item) => item.value === value);

describe('tables a query reads', () => {
  it('follows let, materialize, union, join and lookup', () => {
    const query = [
      'let recent = materialize(DeviceNetworkEvents | where Timestamp > ago(1d));',
      'let firewall = CommonSecurityLog;',
      'recent',
      '| join kind=inner (firewall | where DeviceVendor == "x") on $left.RemoteIP == $right.DestinationIP',
      '| union (DnsEvents | project Name), SigninLogs',
      '| lookup kind=leftouter IdentityInfo on AccountUpn',
    ].join('\n');
    expect(tablesOf(query)).toEqual([
      'DeviceNetworkEvents',
      'CommonSecurityLog',
      'DnsEvents',
      'SigninLogs',
      'IdentityInfo',
    ]);
  });

  it('keeps union wildcards, bracketed names and table("…")', () => {
    expect(tablesOf("union isfuzzy=true Device*, ['My-Table'], table('AzureActivity') | take 1")).toEqual([
      'Device* (wildcard)',
      'My-Table',
      'AzureActivity',
    ]);
  });

  it('leaves out let names, function parameters and `as` names, even when they shadow a table', () => {
    const query = [
      'let DeviceEvents = DeviceProcessEvents | take 5;',
      'let probe = (T:(RemoteIP:string)) { T | where RemoteIP == "x" };',
      'DeviceEvents | as Snapshot | union Snapshot | invoke probe()',
    ].join('\n');
    expect(tablesOf(query)).toEqual(['DeviceProcessEvents']);
  });

  it('reads the tables of search in (…) and find in (…)', () => {
    expect(tablesOf('search in (DeviceNetworkEvents, Email*) "tcp" | take 1')).toEqual([
      'DeviceNetworkEvents',
      'Email* (wildcard)',
    ]);
    expect(tablesOf('find in (SigninLogs, AuditLogs) where UserPrincipalName == "x"')).toEqual([
      'SigninLogs',
      'AuditLogs',
    ]);
  });

  it('reads tables inside toscalar() and subqueries of in (…)', () => {
    const query =
      'let bad = toscalar(ThreatIntelIndicators | summarize make_set(ObservableValue));\nDeviceNetworkEvents | where RemoteIP in ((AlertEvidence | project RemoteIP))';
    expect(tablesOf(query)).toEqual(['ThreatIntelIndicators', 'DeviceNetworkEvents', 'AlertEvidence']);
  });

  it('does not take columns, functions or strings for tables', () => {
    expect(tablesOf('Syslog | where SyslogMessage has "Event" | extend Event = 1 | project Event')).toEqual(['Syslog']);
  });
});

describe('literals a query hunts', () => {
  it('reads dynamic() lists bound with let and the columns they are compared with', () => {
    const query =
      'let ips = dynamic(["198.51.100.7", "203.0.113.9"]);\nCommonSecurityLog | where DestinationIP in (ips) or SourceIP in (ips)';
    const found = literal(query, '203.0.113.9');
    expect(found).toMatchObject({ form: 'list', listName: 'ips' });
    expect(usesOf(found)).toEqual(['DestinationIP in', 'SourceIP in']);
  });

  it('reads inline in, in~, has_any and has_all lists', () => {
    const query =
      'T | where A in ("a.example") and B in~ ("b.example") and C has_any ("c.example") and D has_all ("d.example")';
    expect(['a', 'b', 'c', 'd'].map((name) => usesOf(literal(query, `${name}.example`))?.[0])).toEqual([
      'A in',
      'B in~',
      'C has_any',
      'D has_all',
    ]);
    expect(literal(query, 'a.example')?.form).toBe('list');
  });

  it('reads == and =~ comparisons on either side, and single values bound with let', () => {
    const query =
      'let host = "evil.example";\nT | where "198.51.100.7" == RemoteIP or RemoteUrl =~ host or SHA1 == "abc"';
    expect(usesOf(literal(query, '198.51.100.7'))).toEqual(['RemoteIP ==']);
    expect(literal(query, '198.51.100.7')?.form).toBe('comparison');
    expect(usesOf(literal(query, 'evil.example'))).toEqual(['RemoteUrl =~']);
  });

  it('reads pack_array(), datatable and inline dynamic lists', () => {
    const query = [
      'let feed = datatable(ip:string) ["192.0.2.1", "192.0.2.2"];',
      'T | where A in (feed) or B in (pack_array("192.0.2.3")) or C in (dynamic(["192.0.2.4"]))',
    ].join('\n');
    expect(['192.0.2.1', '192.0.2.3', '192.0.2.4'].map((value) => usesOf(literal(query, value))?.[0])).toEqual([
      'A in',
      'B in',
      'C in',
    ]);
  });

  it('marks exclusions: !in, !=, !has, !~ and not()', () => {
    const query =
      'T | where A !in ("192.0.2.1") and B != "192.0.2.2" and C !has "x.example" and D !~ "y.example" and not(E in ("192.0.2.5"))';
    for (const value of ['192.0.2.1', '192.0.2.2', 'x.example', 'y.example', '192.0.2.5']) {
      expect(
        literal(query, value)?.uses.every((use) => use.negated),
        value,
      ).toBe(true);
    }
  });

  it('reads IP functions with their column, and unescapes string literals', () => {
    const query =
      'T | where ipv4_is_in_range(RemoteIP, "10.0.0.0/8") or ipv6_is_match(LocalIP, @"2001:db8::1") or Path == @"C:\\Temp"';
    expect(usesOf(literal(query, '10.0.0.0/8'))).toEqual(['RemoteIP ipv4_is_in_range']);
    expect(usesOf(literal(query, '2001:db8::1'))).toEqual(['LocalIP ipv6_is_match']);
    expect(literal(query, 'C:\\Temp')).toBeDefined();
  });

  it('keeps a declared list that no comparison uses, and ignores strings elsewhere', () => {
    const query =
      'let unused = dynamic(["evil.example"]);\nT | extend Label = case(A == 1, "worm dropper", "other") | where Msg matches regex "a.example"';
    expect(literal(query, 'evil.example')).toMatchObject({ form: 'list', uses: [] });
    expect(literal(query, 'worm dropper')).toBeUndefined();
    expect(literal(query, 'a.example')).toBeUndefined();
  });
});

describe('time window', () => {
  it('collects ago() arguments, resolving let timespans', () => {
    const query = 'let lookback = 14d;\nT | where Timestamp between (ago(lookback) .. ago(1h)) | where T2 > ago(90m)';
    expect(analyse(query).lookbacks).toEqual(['14d', '1h', '90m']);
    expect(pickLongestLookback(analyse(query).lookbacks)).toBe('14d');
  });

  it('measures KQL timespans', () => {
    expect([
      measureTimespan('30d'),
      measureTimespan('1.5h'),
      measureTimespan('time(2m)'),
      measureTimespan('x'),
    ]).toEqual([2_592_000_000, 5_400_000, 120_000, undefined]);
    expect(pickLongestLookback(['lookback', '7d', '30d'])).toBe('30d');
    expect(pickLongestLookback(['starttime'])).toBe('starttime');
  });
});

describe('syntax errors', () => {
  it('reports Kusto diagnostics with their offsets', () => {
    const before = 'DeviceNetworkEvents\n| where RemoteIP ==';
    const facts = analyse(`${before}\n| take 1`);
    expect(facts.syntaxErrors[0]).toMatchObject({
      offset: before.length,
      code: 'KS006',
      message: 'Missing expression',
    });
  });

  it('parses Sentinel idioms cleanly', () => {
    const query =
      'let w = _GetWatchlist(\'vip\') | project SearchKey;\nunion isfuzzy=true (SecurityEvent | where EventID == 4625), (SigninLogs | where ResultType != "0")\n| mv-expand x = pack_array(1, 2) to typeof(long)\n| evaluate bag_unpack(x)';
    expect(analyse(query).syntaxErrors).toEqual([]);
  });
});
