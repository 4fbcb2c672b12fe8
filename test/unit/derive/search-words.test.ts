import { describe, expect, it } from 'vitest';
import { searchWords } from '../../../src/lib/derive/search-words.ts';

describe('searchWords', () => {
  it('adds nothing where typing the value, live or defanged, already finds it', () => {
    expect(searchWords({ type: 'ip', value: '31.76.87.112', defanged: '31[.]76[.]87[.]112' })).toBeUndefined();
    expect(searchWords({ type: 'domain', value: 'evil.example', defanged: 'evil[.]example' })).toBeUndefined();
    expect(searchWords({ type: 'ip', value: '2001:db8::5', defanged: '2001[:]db8[:][:]5' })).toBeUndefined();
    expect(searchWords({ type: 'email', value: 'a@evil.example', defanged: 'a@evil[.]example' })).toBeUndefined();
  });

  it('lets a bare address find the ip:port that lists it', () => {
    expect(searchWords({ type: 'ip:port', value: '31.76.87.112:7716', defanged: '31[.]76[.]87[.]112:7716' })).toBe(
      '317687112',
    );
    expect(searchWords({ type: 'ip:port', value: '[2001:db8::5]:8443', defanged: '[2001[:]db8[:][:]5]:8443' })).toBe(
      '2001db85',
    );
  });

  it('gives a URL the word search makes of its live form, its parts, and its host', () => {
    expect(
      searchWords({
        type: 'url',
        value: 'http://www.evil.example/gate',
        defanged: 'hxxp[://]www[.]evil[.]example/gate',
      }),
    ).toBe('httpwwwevilexamplegate http www evil example gate wwwevilexample');
  });

  it('never returns anything a browser could read as a live indicator', () => {
    const words = searchWords({
      type: 'url',
      value: 'https://198.51.100.7:8443/a.php?id=1',
      defanged: 'hxxps[://]198[.]51[.]100[.]7:8443/a.php?id=1',
    })!;
    expect(words).not.toMatch(/[.:/@[\]]/);
  });
});
