import { describe, expect, it } from 'vitest';
import { defangText } from '../../../src/lib/ioc/index.ts';

describe('defangText', () => {
  it.each([
    ['Beacons to evil.example every 60s.', 'Beacons to evil[.]example every 60s.'],
    [
      'Downloads from http://192.0.2.130/img.cgi, then runs it.',
      'Downloads from hxxp[://]192[.]0[.]2[.]130/img.cgi, then runs it.',
    ],
    ['(see https://evil.example/a)', '(see hxxps[://]evil[.]example/a)'],
    ['C2 at tcp://c2.example.net:8989/x.', 'C2 at tcp[://]c2[.]example[.]net:8989/x.'],
    ['Mail from httpalerts@example.com.', 'Mail from httpalerts@example[.]com.'],
    ['Connects to 203.0.113.10:449 and 198.51.100.7.', 'Connects to 203[.]0[.]113[.]10:449 and 198[.]51[.]100[.]7.'],
    ['Blocks 10.0.0.0/8 and 2001:db8::/32.', 'Blocks 10[.]0[.]0[.]0/8 and 2001[:]db8[:][:]/32.'],
    ['Listens on [2001:db8::5]:8443 and 2001:db8::1.', 'Listens on [2001[:]db8[:][:]5]:8443 and 2001[:]db8[:][:]1.'],
    ['Seen at 2001:db8::1: twice', 'Seen at 2001[:]db8[:][:]1: twice'],
    ['Visit WWW.MDOT.EXAMPLE/pay now', 'Visit WWW[.]MDOT[.]EXAMPLE/pay now'],
    ['Host bücher.example resolves', 'Host bücher[.]example resolves'],
    ['UNC path \\\\files.evil.example\\share', 'UNC path \\\\files[.]evil[.]example\\share'],
    ['Phish at evil.app and cdn.evil.sh', 'Phish at evil.app and cdn[.]evil[.]sh'],
    ['Short link bit.ly/abc', 'Short link bit[.]ly/abc'],
    ['`evil.example`', '`evil[.]example`'],
    ['[link](http://evil.example/x)', '[link](hxxp[://]evil[.]example/x)'],
    // A hyphen before or after a host is punctuation: no label starts or ends with one.
    ['range 31.76.87.112-31.76.87.120', 'range 31[.]76[.]87[.]112-31[.]76[.]87[.]120'],
    ['seen at 31.76.87.112- then gone', 'seen at 31[.]76[.]87[.]112- then gone'],
    ['evil.example-, then --evil.example', 'evil[.]example-, then --evil[.]example'],
    ['user@evil.example--', 'user@evil[.]example--'],
    // An address after `@` is an address, not a mail domain.
    ['logged in as x@31.76.87.112', 'logged in as x@31[.]76[.]87[.]112'],
    // A host after an address and a hyphen is one name; a dot or an at sign no word precedes is punctuation.
    ['31.76.87.113-static.evil.example', '31[.]76[.]87[.]113-static[.]evil[.]example'],
    ['x@31.76.87.112-evil.example', 'x@31[.]76[.]87[.]112-evil[.]example'],
    ['block *.evil.example and .evil.example', 'block *.evil[.]example and .evil[.]example'],
    ['mail from @evil.example', 'mail from @evil[.]example'],
  ])('%s', (input, expected) => {
    expect(defangText(input)).toBe(expected);
  });

  it.each([
    'BackupService.exe writes to SCOMAgent.exe',
    'Runs setup.sh then script.py, e.g. from cron, i.e. hourly.',
    'Fixed in version 1.2.3 (and 10.0.19041.1).',
    'README.md, user.id and process.name are fields, not hosts.',
    'Built on ASP.NET and System.IO; see Safari.app.',
    'At 12:30:45 the MAC 00:1a:2b:3c:4d:5e and dead::beef appeared.',
    'The retina icon@2x.png and /tmp/evil.example are not hosts.',
    'Invalid 203.0.113.300 and 1.2.3.4.5 stay as written.',
    'A. B. C. Etc. U.S.A. No dots here',
    'foo.bar-baz and a-1.2.3 and my-file.tar.gz-1 stay words.',
    'Versions 1.2.3.4-beta, kernel-5.15.0.91, openssl-1.1.1.1 and nginx:1.25.3.1-alpine stay versions.',
    'Paths /var/www/-site.com/index.php, /tmp/.evil.example and C:\\Users\\-evil.example\\x stay paths.',
  ])('leaves non-indicators byte-identical: %s', (input) => {
    expect(defangText(input)).toBe(input);
  });

  it.each([
    'hxxp[://]evil[.]example/x',
    'evil[.]example and evil(dot)example and evil{.}example',
    'HXXPS[://]EVIL[.]EXAMPLE/a',
    'billing[at]evil[.]example',
    '198[.]51[.]100[.]7 and 203[.]0[.]113[.]10:449',
    '2001[:]db8[:][:]1 and [2001[:]db8[:][:]5]:8443',
    'hxxp[:]//evil[.]example',
  ])('leaves already-defanged text as it is: %s', (input) => {
    expect(defangText(input)).toBe(input);
  });

  it('completes partly defanged tokens and keeps their existing brackets', () => {
    expect(defangText('hxxp://192.0.2[.]130/img.cgi')).toBe('hxxp[://]192[.]0[.]2[.]130/img.cgi');
    expect(defangText('evil[dot]example.net')).toBe('evil[dot]example[.]net');
  });

  it('preserves case, including in the scheme', () => {
    expect(defangText('HTTP://Evil.Example/A')).toBe('HXXP[://]Evil[.]Example/A');
  });

  it('defangs any URL with a scheme, even one that would not validate', () => {
    expect(defangText('open http://localhost:8080/admin')).toBe('open hxxp[://]localhost:8080/admin');
  });

  it('is idempotent on a mixed paragraph', () => {
    const text =
      'From billing@evil.example via https://evil.example/a?u=http://198.51.100.7/ to 203.0.113.10:449; see setup.sh.';
    const once = defangText(text);
    expect(once).toBe(
      'From billing@evil[.]example via hxxps[://]evil[.]example/a?u=http[://]198[.]51[.]100[.]7/ to 203[.]0[.]113[.]10:449; see setup.sh.',
    );
    expect(defangText(once)).toBe(once);
  });

  it.each([
    'http://]http://http://',
    'http://http://.9',
    '1.2.3.4/1.2.3.41.2.3.4',
    '1.2.3.4.sh@0.com',
    '1.2.3.4a@b.com[://].1.2.3.4',
    'evil[://].p',
  ])('stays idempotent on malformed input found by fuzzing: %s', (input) => {
    const once = defangText(input);
    expect(defangText(once)).toBe(once);
    expect(once).not.toMatch(/(?<!\[):\/\//);
  });
});

describe('defangText — lookalike characters', () => {
  it.each([
    ['beacons to relay\u3002example daily', 'beacons to relay[.]example daily'],
    ['接続先はrelay\u3002exampleです。', '接続先はrelay[.]exampleです。'],
    ['C2 at ２０３．０．１１３．２２:443', 'C2 at 203[.]0[.]113[.]22:443'],
    ['mail operator＠relay\uFF61example now', 'mail operator＠relay[.]example now'],
    ['ｈｔｔｐ：／／ｅｖｉｌ．ｅｘａｍｐｌｅ', 'ｈｔｔｐ：／／evil[.]example'],
    ['［evil\u3002example］：//attacker.zip', '［evil[.]example］：//attacker.zip'],
    ['soft 198.51.100.7\u00AD hyphen', 'soft 198[.]51[.]100[.]7 hyphen'],
    ['zero\u200Bwidth evil\u200B.example', 'zero\u200Bwidth evil[.]example'],
    ['31.76.87.1\u034F12 and evil\uFE0F.example', '31[.]76[.]87[.]112 and evil[.]example'],
    ['連絡先はevil\u3002example\u3002次', '連絡先はevil[.]example\u3002次'],
    ['（evil\u3002example）', '（evil[.]example）'],
    ['see //evil\u3002example', 'see //evil[.]example'],
    ['接続先は203.0.113.10です。', '接続先は203[.]0[.]113[.]10です。'],
    ['確認した。２０３．０．１１３．１０に接続', '確認した。203[.]0[.]113[.]10に接続'],
    ['送信元はevil.exampleでした', '送信元はevil[.]exampleでした'],
    ['접속 대상은198.51.100.7입니다', '접속 대상은198[.]51[.]100[.]7입니다'],
    ['連絡先：operator@evil.example。', '連絡先：operator@evil[.]example。'],
    // An ideographic full stop between two indicators ends a sentence; inside one name it is a dot.
    ['接続先は203.0.113.10。203.0.113.11も同様', '接続先は203[.]0[.]113[.]10。203[.]0[.]113[.]11も同様'],
    ['接続先はevil.com。good.comは無害', '接続先はevil[.]com。good[.]comは無害'],
    ['ポートは443。evil.comは', 'ポートは443。evil[.]comは'],
    ['接続先は203.0.113.10。203。0。113。11も', '接続先は203[.]0[.]113[.]10。203[.]0[.]113[.]11も'],
    ['README.md。evil.com', 'README.md。evil[.]com'],
    ['中継はsub.relay\u3002exampleです', '中継はsub[.]relay[.]exampleです'],
    ['ไปที่203.0.113.10แล้ว', 'ไปที่203[.]0[.]113[.]10แล้ว'],
    ['ｻｰﾊﾞｰ203.0.113.10', 'ｻｰﾊﾞｰ203[.]0[.]113[.]10'],
  ])('%j', (input, expected) => {
    expect(defangText(input)).toBe(expected);
    expect(defangText(expected)).toBe(expected);
  });

  it.each([
    '３月に観測。',
    'v1．2 release',
    '全角（かっこ）と！',
    'relay[.]example stays',
    'バージョン1.2.3です。README.mdを参照',
  ])('leaves %j as written when it holds no indicator', (input) => {
    expect(defangText(input)).toBe(input);
  });
});

// `.zip` and `.mov` are real TLDs but mostly file names in prose: only a host the collection
// declares as an indicator is defanged on them.
describe('defangText — declared indicators', () => {
  const known = new Set(['attacker.zip', 'ops@mail.attacker.mov']);

  it.each([
    ['beacon to attacker.zip daily', 'beacon to attacker[.]zip daily'],
    ['mail from ops@mail.attacker.mov', 'mail from ops@mail[.]attacker[.]mov'],
    ['接続先はattacker.zipです', '接続先はattacker[.]zipです'],
  ])('%j', (input, expected) => {
    expect(defangText(input, known)).toBe(expected);
    expect(defangText(expected, known)).toBe(expected);
    expect(defangText(input)).toBe(input);
  });

  it.each([
    ['cdn.attacker.zip serves it', 'cdn[.]attacker[.]zip serves it'],
    ['203.0.113.10。attacker。zip', '203[.]0[.]113[.]10。attacker[.]zip'],
    ['from OPS@MAIL.ATTACKER.MOV', 'from OPS@MAIL[.]ATTACKER[.]MOV'],
  ])('defangs a declared host under another name, spelling or case: %j', (input, expected) => {
    expect(defangText(input, known)).toBe(expected);
  });

  it('leaves file names with the same TLD alone', () => {
    for (const text of ['unpack archive.zip and play intro.mov', 'notattacker.zip'])
      expect(defangText(text, known)).toBe(text);
  });
});
