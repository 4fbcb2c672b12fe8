import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSentinelRule } from '../../../src/lib/import/read-sentinel-rule.ts';
import { checkDraft, FIXTURES, importPaths, iocKeys } from './helpers.ts';

const QUIRKS = join(FIXTURES, 'sentinel-quirks.yaml');
const XDR = join(FIXTURES, 'sentinel-xdr.yaml');

describe('reading Sentinel YAML', () => {
  it('tolerates lowercase keys, empty list items and one-space block scalars', () => {
    const rule = readSentinelRule(readFileSync(QUIRKS, 'utf8'), 'quirks.yaml');
    expect(rule.schema).toBe('analytic-rule');
    expect(rule.connectors[0]).toEqual({ connectorId: 'CiscoASA', dataTypes: ['CommonSecurityLog'] });
    expect(rule.techniques).toEqual(['T1071', 'not-a-technique']);
    expect(rule.query?.startsWith('let C2IPs = dynamic(')).toBe(true);
    expect(rule.unmappedTags).toEqual(['{"schema":"ASIMDns","schemaversion":"0.1.1"}']);
  });

  it('reads the XDR custom-detection schema', () => {
    const rule = readSentinelRule(readFileSync(XDR, 'utf8'), 'xdr.yaml');
    expect(rule).toMatchObject({
      schema: 'xdr-custom-detection',
      name: 'Example - many failed logons',
      severity: 'medium',
      techniques: ['T1110.001', 'T1110'],
      tactics: ['CredentialAccess', 'CredentialAccess'],
    });
    expect(rule.query).toContain('| where EventID == 4625');
  });

  it('says when a file is not YAML', () => {
    expect(() => readSentinelRule('name: [unclosed', 'bad.yaml')).toThrow(/bad\.yaml: not valid YAML/);
  });
});

describe('importing a Sentinel rule', () => {
  const [draft] = importPaths('sentinel', [QUIRKS]).drafts;

  it('maps name, description, severity, techniques, tactics and tags', () => {
    expect(draft.id).toBe('example-c2-domains-and-addresses');
    expect(draft.frontmatter).toMatchObject({
      title: 'Example C2 domains and addresses',
      summary: 'Matches documentation C2 addresses and domains in firewall and endpoint logs.',
      severity: 'high',
      attack: ['T1071'],
      tags: ['ExampleCampaign', 'command-and-control'],
      references: ['https://www.example.org/advisory'],
      date: '2026-07-01',
    });
  });

  it('lifts the hunted IOC lists, leaving exclusions and file names out', () => {
    expect(iocKeys(draft.frontmatter.iocs ?? [])).toEqual([
      'domain c2.evil.example',
      'ip 198.51.100.23',
      'ip:port 203.0.113.77:8443',
    ]);
  });

  it('declares exactly the tables the query reads, noting what the rule declared', () => {
    expect(draft.frontmatter.connectors).toEqual([
      { table: 'CommonSecurityLog', note: "Listed in the rule's requiredDataConnectors (CiscoASA)" },
      { table: 'DeviceNetworkEvents', note: "Listed in the rule's requiredDataConnectors (MicrosoftThreatProtection)" },
    ]);
  });

  it('keeps the query verbatim and says what could not be mapped', () => {
    const query = readSentinelRule(readFileSync(QUIRKS, 'utf8'), 'q').query!;
    const checked = checkDraft(draft);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.writeup?.queries[0].text).toBe(query.replace(/\n$/, ''));
    expect(draft.unmapped).toEqual([
      'requiredDataConnectors lists DeviceFileEvents, which the query never reads: left out of connectors',
      'requiredDataConnectors lists SecurityEvent, which the query never reads: left out of connectors',
      'technique "not-a-technique" is not an ATT&CK technique id',
      'structured tags {"schema":"ASIMDns","schemaversion":"0.1.1"}',
      'fields with no writeup equivalent: entitymappings',
    ]);
  });

  it('marks a behavioural query iocs=none and gives a hunting query severity medium', () => {
    const [xdr] = importPaths('sentinel', [XDR]).drafts;
    expect(xdr.body).toContain('```kql title="Example - many failed logons" iocs=none');
    expect(xdr.frontmatter.severity).toBe('medium');
    expect(checkDraft(xdr).problems.filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('skips a rule without a query, with the reason', () => {
    const result = importPaths('sentinel', [join(FIXTURES, 'hunting-page.md')]);
    expect(result.drafts).toEqual([]);
    expect(result.skipped[0].reason).toMatch(/not valid YAML|no query/);
  });
});
