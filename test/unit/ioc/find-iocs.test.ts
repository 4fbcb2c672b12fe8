import { describe, expect, it } from 'vitest';
import { findIocs } from '../../../src/lib/ioc/index.ts';
import type { FoundIoc } from '../../../src/lib/ioc/index.ts';

const MD5 = 'D41D8CD98F00B204E9800998ECF8427E';
const SHA1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
const SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The fields a table row states: raw, live, and type + value or the start of the rejection message. */
function summarise(found: FoundIoc): [string, boolean, string, string] {
  return found.rejection
    ? [found.raw, found.live, 'rejected', found.rejection.message.slice(0, 40)]
    : [found.raw, found.live, found.type ?? '', found.value ?? ''];
}

describe('findIocs', () => {
  it('finds three indicators in mixed forms in a chat paragraph, with exact offsets', () => {
    const text =
      'hey — blocked hxxps[://]evil[.]example/login and 203.0.113.10:449 (C2), phish came from Billing@EVIL.example.';
    const found = findIocs(text);
    expect(found.map(summarise)).toEqual([
      ['hxxps[://]evil[.]example/login', false, 'url', 'https://evil.example/login'],
      ['203.0.113.10:449', true, 'ip:port', '203.0.113.10:449'],
      ['Billing@EVIL.example', true, 'email', 'Billing@evil.example'],
    ]);
    for (const { raw, start, end } of found) expect(text.slice(start, end)).toBe(raw);
  });

  it.each<[string, string, boolean, string, string]>([
    // ports
    ['listens on 203.0.113.10:449.', '203.0.113.10:449', true, 'ip:port', '203.0.113.10:449'],
    ['C2 [2001:db8::5]:8443, twice', '[2001:db8::5]:8443', true, 'ip:port', '[2001:db8::5]:8443'],
    ['C2 at tcp://c2.example.net:8989/x.', 'tcp://c2.example.net:8989/x', true, 'url', 'tcp://c2.example.net:8989/x'],
    ['web panel on evil.example:8080!', 'evil.example:8080', true, 'domain', 'evil.example'],
    // trailing punctuation and brackets
    ['(see https://evil.example/a?b=1).', 'https://evil.example/a?b=1', true, 'url', 'https://evil.example/a?b=1'],
    ['Resolved evil.example.', 'evil.example', true, 'domain', 'evil.example'],
    ['"198.51.100.7",', '198.51.100.7', true, 'ip', '198.51.100.7'],
    ['[link](http://evil.example/x)', 'http://evil.example/x', true, 'url', 'http://evil.example/x'],
    // defanged or partly defanged
    ['evil[.]example and more', 'evil[.]example', false, 'domain', 'evil.example'],
    ['198[.]51[.]100[.]7 beacons', '198[.]51[.]100[.]7', false, 'ip', '198.51.100.7'],
    ['from billing[at]evil[.]example today', 'billing[at]evil[.]example', false, 'email', 'billing@evil.example'],
    ['hxxp://192.0.2[.]130/img.cgi', 'hxxp://192.0.2[.]130/img.cgi', true, 'url', 'http://192.0.2.130/img.cgi'],
    ['HXXPS[://]EVIL[.]EXAMPLE/A', 'HXXPS[://]EVIL[.]EXAMPLE/A', false, 'url', 'https://evil.example/A'],
    // hosts with a path but no scheme give the host
    ['Short link bit.ly/abc', 'bit.ly/abc', true, 'domain', 'bit.ly'],
    ['GET 192.0.2.1/x.cgi', '192.0.2.1/x.cgi', true, 'ip', '192.0.2.1'],
    ['Blocks 10.0.0.0/8 only', '10.0.0.0/8', true, 'cidr', '10.0.0.0/8'],
    // IPv6
    ['Seen at 2001:DB8::1: twice', '2001:DB8::1', true, 'ip', '2001:db8::1'],
    ['Range 2001:db8::/32 is test', '2001:db8::/32', true, 'cidr', '2001:db8::/32'],
    ['Defanged 2001[:]db8[:][:]1 too', '2001[:]db8[:][:]1', false, 'ip', '2001:db8::1'],
    // URLs with paths, query and fragment
    [
      'payload at https://cdn.evil.example/a/b.php?id=7&x=1.2#frag, then',
      'https://cdn.evil.example/a/b.php?id=7&x=1.2#frag',
      true,
      'url',
      'https://cdn.evil.example/a/b.php?id=7&x=1.2#frag',
    ],
    // e-mail
    ['Mail from httpalerts@example.com.', 'httpalerts@example.com', true, 'email', 'httpalerts@example.com'],
    // hashes: any case, never live
    [`md5 ${MD5}.`, MD5, false, 'md5', MD5.toLowerCase()],
    [`sha1=${SHA1}`, SHA1, false, 'sha1', SHA1],
    [`"${SHA256.toUpperCase()}"`, SHA256.toUpperCase(), false, 'sha256', SHA256],
    [`dropped ${MD5}.exe`, MD5, false, 'md5', MD5.toLowerCase()],
    // hyphens around a host and an address after `@` end the token instead of hiding it
    ['seen at 31.76.87.112- then', '31.76.87.112', true, 'ip', '31.76.87.112'],
    ['--evil.example--', 'evil.example', true, 'domain', 'evil.example'],
    ['logged in as x@31.76.87.112', '31.76.87.112', true, 'ip', '31.76.87.112'],
  ])('%s', (text, raw, live, type, value) => {
    expect(findIocs(text).map(summarise)).toEqual([[raw, live, type, value]]);
  });

  it.each<[string, string, string]>([
    ['Seen 203.0.113.300 once', '203.0.113.300', 'octet 300 > 255'],
    ['From 010.1.1.1 too', '010.1.1.1', 'leading zero'],
    ['Range 10.0.0.0/33 is wrong', '10.0.0.0/33', 'larger than /32'],
    ['open http://localhost:8080/admin now', 'http://localhost:8080/admin', 'single label'],
    ['Port [2001:db8::5]:99999 is out', '[2001:db8::5]:99999', 'outside 1–65535'],
  ])('reports %s as shaped like an indicator but invalid', (text, raw, reason) => {
    const [found, ...others] = findIocs(text);
    expect(others).toEqual([]);
    expect(found?.raw).toBe(raw);
    expect(found?.type).toBeUndefined();
    expect(found?.value).toBeUndefined();
    expect(found?.rejection?.message).toContain(reason);
    expect(found?.rejection?.hint).not.toBe('');
  });

  it.each<[string, string[]]>([
    ['block 198.51.100.0/24-198.51.101.0/24 now', ['cidr 198.51.100.0/24', 'cidr 198.51.101.0/24']],
    ['range 198.51.100.7-198.51.100.9', ['ip 198.51.100.7', 'ip 198.51.100.9']],
    ['served from http://198.51.100.7/24-198.51.100.8/x', ['url http://198.51.100.7/24-198.51.100.8/x']],
  ])('reads both ends of a range in %s', (text, expected) => {
    expect(findIocs(text).map((found) => `${found.type} ${found.value}`)).toEqual(expected);
  });

  it('marks a rejected value live only when defangText would still rewrite it', () => {
    expect(findIocs('203.0.113.300').map((f) => f.live)).toEqual([false]);
    expect(findIocs('http://localhost/').map((f) => f.live)).toEqual([true]);
    expect(findIocs('hxxp[://]localhost/').map((f) => f.live)).toEqual([false]);
  });

  it.each([
    'BackupService.exe writes to SCOMAgent.exe and C:\\Temp\\evil.dll',
    'Fixed in version 1.2.3 (and 10.0.19041.1), e.g. on build 4.18.2205.7, i.e. May.',
    'README.md, user.id, process.name and Process.Name are fields, not hosts.',
    'Built on .NET, ASP.NET and System.IO; see Safari.app and setup.sh.',
    'At 12:30:45 the MAC 00:1a:2b:3c:4d:5e and dead::beef appeared.',
    'The retina icon@2x.png and /tmp/evil.example are not hosts; T1059.001 is a technique.',
    `Not hashes: ${MD5}0, x${SHA1}, ${SHA256.slice(1)} and a GUID 26a3b261-b997-4374-94ea-6c37f67f4f39.`,
    'file:///etc/passwd has no host; A. B. C. U.S.A. are initials.',
  ])('finds nothing in %s', (text) => {
    expect(findIocs(text)).toEqual([]);
  });

  it('returns tokens in text order without overlaps', () => {
    const text = `a.evil.example, ${SHA1}; 198.51.100.7 https://evil.example/x evil[.]example`;
    const found = findIocs(text);
    expect(found).toHaveLength(5);
    for (const [i, ioc] of found.entries()) {
      if (i > 0) expect(ioc.start).toBeGreaterThanOrEqual(found[i - 1]?.end ?? 0);
    }
  });
});
