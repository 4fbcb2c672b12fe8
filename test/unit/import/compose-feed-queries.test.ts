import { describe, expect, it } from 'vitest';
import { analyseQuery } from '../../../src/lib/kql/analyse-query.ts';
import { composeFeedQueries } from '../../../src/lib/import/compose-feed-queries.ts';
import type { IocType } from '../../../src/lib/ioc/ioc-types.ts';

const every: { type: IocType; value: string }[] = [
  { type: 'ip:port', value: '203.0.113.10:449' },
  { type: 'ip:port', value: '[2001:db8::5]:8443' },
  { type: 'ip', value: '198.51.100.7' },
  { type: 'cidr', value: '192.0.2.0/24' },
  { type: 'cidr', value: '2001:db8::/32' },
  { type: 'domain', value: 'evil.example' },
  { type: 'url', value: 'https://login.evil.example/a?b=c' },
  { type: 'email', value: 'httpalerts@example.com' },
  { type: 'md5', value: '0e462097431906509019562988736854' },
  { type: 'sha1', value: '3395856ce81f2b7382dee72602f798b642f14140' },
  { type: 'sha256', value: 'c8646cfb574ff2c6f183c3c3951bf6b2c6cf16ff8a5e949a118be27f15962fae' },
];

describe('composeFeedQueries', () => {
  const hunts = composeFeedQueries(every, 'Test feed');

  it('writes queries that parse without errors', () => {
    expect(hunts.length).toBe(5);
    for (const hunt of hunts) expect(analyseQuery(hunt.text).syntaxErrors, hunt.title).toEqual([]);
  });

  it('splits ip:port into an address list and a port list, never a URL (F05)', () => {
    const network = hunts[1].text;
    expect(network).toContain('let malicious_ips = dynamic(["203.0.113.10", "2001:db8::5", "198.51.100.7"]);');
    expect(network).toContain('let c2_ports = dynamic([449, 8443]);');
    expect(network).toContain('ipv4_is_in_any_range(RemoteIP, malicious_ranges)');
    expect(network).toContain('ipv6_is_in_any_range(RemoteIP, malicious_v6_ranges)');
    expect(hunts.map((h) => h.text).join('\n')).not.toContain('http://203.0.113.10');
  });

  it('matches domains, hashes and addresses case-insensitively (F19)', () => {
    const text = hunts.map((h) => h.text).join('\n');
    expect(text).toContain('RemoteUrl has_any (malicious_domains)');
    expect(text).toContain('SHA1 in~ (malicious_sha1)');
    expect(text).toContain('SenderFromAddress in~ (malicious_senders)');
    expect(text).not.toMatch(/SHA\d+ == /);
  });

  it('names the tables each query reads', () => {
    expect(hunts.map((h) => h.tables)).toEqual([
      ['CommonSecurityLog'],
      ['DeviceNetworkEvents'],
      ['DeviceNetworkEvents'],
      ['DeviceFileEvents'],
      ['EmailEvents'],
    ]);
  });
});
