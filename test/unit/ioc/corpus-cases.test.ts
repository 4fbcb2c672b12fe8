// Regressions found by running the engine over ../shared/corpus (see corpus.test.ts); values rewritten as examples.
import { describe, expect, it } from 'vitest';
import { defangText, findIocs } from '../../../src/lib/ioc/index.ts';

describe('corpus cases', () => {
  it('a Markdown link whose text is a URL gives two URLs, and both are defanged', () => {
    const text = '- **Github:** [https://git.example/team](https://git.example/team)';
    expect(findIocs(text).map((f) => f.value)).toEqual(['https://git.example/team', 'https://git.example/team']);
    expect(defangText(text)).toBe('- **Github:** [hxxps[://]git[.]example/team](hxxps[://]git[.]example/team)');
  });

  it('the same holds for a schemeless host as link text', () => {
    expect(defangText('[evil.example/x](http://evil.example/x)')).toBe('[evil[.]example/x](hxxp[://]evil[.]example/x)');
  });

  it('a `](` inside a defanged token does not end it', () => {
    const shown = defangText('http://evil.(x');
    expect(shown).toBe('hxxp[://]evil[.](x');
    expect(defangText(shown)).toBe(shown);
  });

  it.each(['microsoft-update.bid', 'miner.rocks', 'miner.center', 'monero.farm', 'hashfor.cash', 'abcxyz.stream'])(
    'finds and defangs %s: abused gTLDs from IOC lists count as hosts',
    (domain) => {
      expect(findIocs(`"${domain}",`).map((f) => [f.type, f.value, f.live])).toEqual([['domain', domain, true]]);
      expect(defangText(domain)).toBe(domain.replace('.', '[.]'));
    },
  );

  it('a .name or .email host with a hyphen is a host; without one it reads as a field', () => {
    expect(findIocs('com-identifier-servicelog.name').map((f) => f.value)).toEqual(['com-identifier-servicelog.name']);
    expect(defangText('login-verify.email')).toBe('login-verify[.]email');
    expect(findIocs('extend n = process.name, right.Name, user.email')).toEqual([]);
    expect(defangText('process.name and user.email')).toBe('process.name and user.email');
  });

  it.each([
    'left.RemoteIP == right.IP and EvData.DataItem.EventData.Data',
    'New-Object Net.WebClient; Physmem.sys; WimBootConfigurations.ini',
    'Microsoft.Compute/virtualMachines/runCommand/action by parsed_property.osProfile',
    'T1566.001 with score 0.75 and rdp.bat',
  ])('KQL fields, file names and technique ids stay prose: %s', (text) => {
    expect(findIocs(text)).toEqual([]);
    expect(defangText(text)).toBe(text);
  });

  it('a WebDAV UNC path with @port gives the address', () => {
    expect(findIocs(String.raw`\\198.51.100.8@80\webdav\x.lnk`).map((f) => [f.type, f.value])).toEqual([
      ['ip', '198.51.100.8'],
    ]);
  });
});
