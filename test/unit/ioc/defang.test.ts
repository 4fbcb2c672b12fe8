import { describe, expect, it } from 'vitest';
import {
  IOC_TYPE_LABELS,
  IOC_TYPES,
  defangIoc,
  defangText,
  defangValue,
  normaliseIoc,
  refangText,
} from '../../../src/lib/ioc/index.ts';
import type { IocType } from '../../../src/lib/ioc/index.ts';

describe('defangIoc', () => {
  it.each<[IocType, string, string]>([
    ['ip', '198.51.100.7', '198[.]51[.]100[.]7'],
    ['ip', '2001:db8::1', '2001[:]db8[:][:]1'],
    ['ip', '::ffff:192.0.2.1', '[:][:]ffff[:]192[.]0[.]2[.]1'],
    ['ip:port', '203.0.113.10:449', '203[.]0[.]113[.]10:449'],
    ['ip:port', '[2001:db8::5]:8443', '[2001[:]db8[:][:]5]:8443'],
    ['cidr', '10.0.0.0/8', '10[.]0[.]0[.]0/8'],
    ['cidr', '2001:db8::/32', '2001[:]db8[:][:]/32'],
    ['domain', 'evil.example', 'evil[.]example'],
    ['domain', 'a.b.c.evil.example', 'a[.]b[.]c[.]evil[.]example'],
    ['url', 'http://evil.example/a.php?x=1.2', 'hxxp[://]evil[.]example/a.php?x=1.2'],
    ['url', 'https://evil.example', 'hxxps[://]evil[.]example'],
    ['url', 'http://192.0.2.130/img.cgi', 'hxxp[://]192[.]0[.]2[.]130/img.cgi'],
    ['url', 'http://[2001:db8::1]:8080/x', 'hxxp[://][2001[:]db8[:][:]1]:8080/x'],
    ['url', 'ftp://files.evil.example/a.zip', 'ftp[://]files[.]evil[.]example/a.zip'],
    ['url', 'tcp://c2.example.net:8989/x', 'tcp[://]c2[.]example[.]net:8989/x'],
    ['url', 'http://user.name:pw@evil.example/', 'hxxp[://]user.name:pw@evil[.]example/'],
    ['email', 'httpalerts@example.com', 'httpalerts@example[.]com'],
    ['email', 'first.last@mail.evil.example', 'first.last@mail[.]evil[.]example'],
    ['md5', 'd41d8cd98f00b204e9800998ecf8427e', 'd41d8cd98f00b204e9800998ecf8427e'],
    [
      'sha256',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ],
  ])('%s %s → %s', (type, canonical, shown) => {
    expect(defangIoc(canonical, type)).toBe(shown);
    expect(normaliseIoc(shown, type)).toEqual({ ok: true, type, value: canonical });
  });

  it('brackets a nested :// or dotted IPv4 outside the host, so no link stays live', () => {
    const redirect = 'https://r.example/u?to=http://198.51.100.7/x';
    const shown = defangIoc(redirect, 'url');
    expect(shown).toBe('hxxps[://]r[.]example/u?to=http[://]198[.]51[.]100[.]7/x');
    expect(refangText(shown)).toBe(redirect);
  });

  it('brackets the host after a nested :// as well', () => {
    const redirect = 'https://t.example/r?u=https://evil.example/x&y=1.2';
    const shown = defangIoc(redirect, 'url');
    expect(shown).toBe('hxxps[://]t[.]example/r?u=https[://]evil[.]example/x&y=1.2');
    expect(refangText(shown)).toBe(redirect);
    expect(defangText(`see ${redirect} now`)).toBe(`see ${shown} now`);
  });

  it('keeps the URL path byte-identical otherwise', () => {
    const url = 'http://evil.example/%7Euser/a%20b/..;/x.php?q=a.b&r=[1]#frag.ment';
    expect(defangIoc(url, 'url')).toBe(`hxxp[://]evil[.]example${url.slice('http://evil.example'.length)}`);
  });

  it('never doubles brackets, even when handed a defanged value', () => {
    expect(defangIoc('evil[.]example', 'domain')).toBe('evil[.]example');
    expect(defangIoc('2001[:]db8[:][:]1', 'ip')).toBe('2001[:]db8[:][:]1');
    expect(defangIoc('hxxp[://]evil[.]example/x', 'url')).toBe('hxxp[://]evil[.]example/x');
  });
});

describe('defangValue', () => {
  it.each([
    ['evil[.]example', 'evil[.]example'],
    ['evil.example', 'evil[.]example'],
    ['EVIL[dot]EXAMPLE.', 'evil[.]example'],
    ['hxxp://192.0.2[.]130/img.cgi', 'hxxp[://]192[.]0[.]2[.]130/img.cgi'],
    ['HXXPS[://]evil[.]example/a', 'hxxps[://]evil[.]example/a'],
    ['2001:0DB8::0001', '2001[:]db8[:][:]1'],
    ['billing[at]evil[.]example', 'billing@evil[.]example'],
  ])('%s → %s', (raw, shown) => {
    expect(defangValue(raw)).toBe(shown);
    expect(defangValue(shown)).toBe(shown);
  });

  it('uses the declared type when given', () => {
    expect(defangValue('2001:db8::5:8443', 'ip')).toBe('2001[:]db8[:][:]5[:]8443');
  });

  it('still defangs a value that does not validate', () => {
    expect(defangValue('http://localhost:8080/admin')).toBe('hxxp[://]localhost:8080/admin');
    expect(defangValue('see evil.example for details')).toBe('see evil[.]example for details');
  });
});

describe('IOC_TYPE_LABELS', () => {
  it('has a label for every type', () => {
    expect(Object.keys(IOC_TYPE_LABELS).sort()).toEqual([...IOC_TYPES].sort());
    expect(IOC_TYPE_LABELS['ip:port']).toBe('IP:port');
  });
});
