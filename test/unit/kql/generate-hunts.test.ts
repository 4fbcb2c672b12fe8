import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConnectorCatalog } from '../../../src/lib/catalog/index.ts';
import { validateWriteup } from '../../../src/lib/content/validate-writeup.ts';
import { analyseQuery } from '../../../src/lib/kql/analyse-query.ts';
import { generateHunts } from '../../../src/lib/kql/generate-hunts.ts';
import { HUNT_COLUMNS } from '../../../src/lib/kql/hunt-columns.ts';
import { listItems, loadKustoEngine, type KustoDiagnostic, type KustoList } from '../../../src/lib/kql/load-kusto.ts';
import type { IocType } from '../../../src/lib/ioc/index.ts';

const catalog = loadConnectorCatalog();
const engine = loadKustoEngine();

// Semantic analysis against a schema of exactly the columns the generator may use (plus
// TimeGenerated): a misspelt column, a wrong function or a type clash in a union leg fails here.
interface KustoLanguage {
  Symbols: {
    TableSymbol: { $ctor7: new (name: string, schema: string, description: null) => unknown };
    DatabaseSymbol: { $ctor1: new (name: string, members: unknown[], isOpen: boolean) => unknown };
  };
  GlobalState: { Default: { WithDatabase(database: unknown): unknown } };
  KustoCode: { ParseAndAnalyze(text: string, globals: unknown): { GetDiagnostics(): KustoList<KustoDiagnostic> } };
}
const kusto = (globalThis as unknown as { Kusto: { Language: KustoLanguage } }).Kusto.Language;
const globals = kusto.GlobalState.Default.WithDatabase(
  new kusto.Symbols.DatabaseSymbol.$ctor1(
    'huntbook',
    Object.entries(HUNT_COLUMNS).map(([name, columns]) => {
      const types = new Map([['TimeGenerated', 'datetime']]);
      for (const { address, port } of columns.addresses ?? []) {
        types.set(address, 'string');
        if (port) types.set(port, name === 'SecurityEvent' ? 'string' : 'int');
      }
      for (const key of ['hosts', 'urls', 'emails', 'md5', 'sha1', 'sha256'] as const)
        for (const column of columns[key] ?? []) types.set(column, 'string');
      return new kusto.Symbols.TableSymbol.$ctor7(
        name,
        `(${[...types].map(([column, type]) => `${column}:${type}`).join(', ')})`,
        null,
      );
    }),
    false,
  ),
);
const semanticErrors = (code: string) =>
  listItems(kusto.KustoCode.ParseAndAnalyze(code, globals).GetDiagnostics())
    .filter((diagnostic) => diagnostic.Severity === 'Error')
    .map((diagnostic) => `${diagnostic.Message} at ${code.slice(diagnostic.Start, diagnostic.Start + 40)}`);

const everyType: { type: IocType; value: string }[] = [
  { type: 'ip:port', value: '203.0.113.10:449' },
  { type: 'ip:port', value: '[2001:db8::5]:8443' },
  { type: 'ip', value: '198.51.100.7' },
  { type: 'cidr', value: '198.51.100.0/24' },
  { type: 'cidr', value: '2001:db8::/32' },
  { type: 'domain', value: 'evil.example' },
  { type: 'url', value: 'https://login.evil.example/a?b=c' },
  { type: 'email', value: 'httpalerts@example.com' },
  { type: 'md5', value: '0e462097431906509019562988736854' },
  { type: 'sha1', value: '3395856ce81f2b7382dee72602f798b642f14140' },
  { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
];

describe('generated hunts', () => {
  const hunts = generateHunts(everyType, catalog);

  it('writes one query per IOC type present, in the canonical order', () => {
    expect(hunts.map((hunt) => hunt.type)).toEqual([
      'ip:port',
      'ip',
      'cidr',
      'domain',
      'url',
      'email',
      'md5',
      'sha1',
      'sha256',
    ]);
    expect(generateHunts([], catalog)).toEqual([]);
  });

  it('parses and type-checks every generated query', () => {
    for (const hunt of hunts) {
      expect(analyseQuery(hunt.code, engine).syntaxErrors, hunt.type).toEqual([]);
      expect(semanticErrors(hunt.code), hunt.type).toEqual([]);
    }
  });

  it('reads exactly the tables it reports, all of them listed by the catalog for the type', () => {
    for (const hunt of hunts) {
      const read = analyseQuery(hunt.code, engine).tableReferences.map((reference) => reference.name);
      expect(read, hunt.type).toEqual(hunt.tables);
      expect(hunt.tables.length, hunt.type).toBeGreaterThan(0);
    }
    expect(hunts.find((hunt) => hunt.type === 'domain')?.tables).toEqual(
      expect.arrayContaining(['DnsEvents', 'DeviceNetworkEvents', 'CommonSecurityLog']),
    );
    expect(hunts.find((hunt) => hunt.type === 'sha256')?.tables).toEqual(
      expect.arrayContaining(['DeviceFileEvents', 'DeviceProcessEvents']),
    );
  });

  it('splits ip:port into an address list and a port list, and never builds a URL from it (F05)', () => {
    const code = hunts[0].code;
    expect(code).toContain('let hunt_addresses = dynamic(["203.0.113.10", "2001:db8::5"]);');
    expect(code).toContain('let hunt_ports = dynamic([449, 8443]);');
    expect(code).not.toMatch(/http|RemoteUrl/);
  });

  it('matches domains and hashes case-insensitively (F19), and ranges with range functions', () => {
    const byType = new Map(hunts.map((hunt) => [hunt.type, hunt.code]));
    expect(byType.get('sha1')).toContain('SHA1 in~ (hunt_sha1)');
    expect(byType.get('domain')).toContain('RemoteUrl has_any (hunt_domains)');
    expect(byType.get('cidr')).toContain(
      'ipv4_is_in_any_range(RemoteIP, hunt_ranges_v4) or ipv6_is_in_any_range(RemoteIP, hunt_ranges_v6)',
    );
    expect(byType.get('url')).toContain('dynamic(["login.evil.example/a?b=c"])');
    expect(byType.get('sha1')).not.toMatch(/==|\bin \(/);
  });

  it('parses for every writeup in content/ and in the valid fixtures', () => {
    const files = [
      ...readdirSync('content/detections').map((name) => `content/detections/${name}`),
      ...readdirSync('test/fixtures/valid').map((name) => `test/fixtures/valid/${name}`),
    ].filter((file) => file.endsWith('.md'));
    for (const file of files) {
      const { writeup } = validateWriteup(file, readFileSync(file, 'utf8'), catalog);
      for (const hunt of generateHunts(writeup?.iocs ?? [], catalog)) {
        expect(analyseQuery(hunt.code, engine).syntaxErrors, `${file} ${hunt.type}`).toEqual([]);
        expect(semanticErrors(hunt.code), `${file} ${hunt.type}`).toEqual([]);
      }
    }
  });
});
