import { describe, expect, it } from 'vitest';
import type { BrowseEntry } from '../../../src/lib/derive/browse-entries.ts';
import { ageBuckets, countFacet, indexFacets } from '../../../src/lib/derive/facet-index.ts';
import { loadAttackReference } from '../../../src/lib/derive/attack-reference.ts';
import { loadEntries } from './load-views.ts';

const seedFile = 'content/detections/remcos-threatfox-hunt.md';
const content = loadEntries('content/detections', { [seedFile]: '2026-12-01' });
const fixtures = loadEntries('test/fixtures/valid');
const byId = (entries: BrowseEntry[], id: string) => entries.find((entry) => entry.id === id)!;

describe('describeForBrowsing', () => {
  it('derives every facet of the seed writeup', () => {
    const seed = byId(content, 'remcos-threatfox-hunt');
    expect(seed.families).toEqual([{ slug: 'remcos', label: 'Remcos' }]);
    expect(seed.tags.map((tag) => tag.slug)).toEqual(['threatfox', 'c2', 'rat']);
    expect(seed.threatTypes).toEqual([{ slug: 'botnet-cc', label: 'botnet_cc' }]);
    expect(seed.techniques.map((t) => t.id)).toEqual(['T1071', 'T1219']);
    expect(seed.tactics).toEqual([{ slug: 'command-and-control', label: 'Command and Control' }]);
    expect(seed.tables.map((t) => t.slug)).toEqual(['CommonSecurityLog', 'DeviceNetworkEvents']);
    expect(seed.connectors.length).toBeGreaterThan(0);
    expect(seed.iocTypes).toEqual([{ slug: 'ip:port', label: 'ip:port' }]);
    expect(seed.lastCommit).toBe('2026-12-01');
    expect(seed.freshness).toMatchObject({ state: 'stale', newestSighting: '2026-06-15', ageDays: 171 });
    expect(seed.today).toBe('2026-12-03');
  });

  it('lets a technique filter find sub-techniques and retired ids through their parents and replacements', () => {
    expect(byId(fixtures, 'yaml-traps').techniqueKeys).toEqual(['T1071.001', 'T1071']);
    const notpetya = byId(content, 'notpetya-perfc-payload-and-ransom-mailbox');
    expect(notpetya.techniqueKeys).toEqual(expect.arrayContaining(['T1070.001', 'T1070', 'T1685.005', 'T1685']));
    expect(notpetya.tactics.map((t) => t.slug)).toContain('defense-impairment');
  });

  it('leaves writeups without dated indicators undated', () => {
    expect(byId(fixtures, 'minimal').freshness.state).toBe('undated');
    expect(ageBuckets(byId(fixtures, 'minimal'))).toEqual([]);
  });
});

describe('indexFacets', () => {
  const facets = indexFacets(content, loadAttackReference());
  const ids = (list: { slug: string; ids: string[] }[], slug: string) => list.find((value) => value.slug === slug)?.ids;

  it('counts each value once per writeup, severities highest first', () => {
    expect(facets.severity.map((s) => [s.slug, s.ids.length])).toEqual([
      ['critical', 2],
      ['high', 2],
      ['medium', 1],
    ]);
    expect(ids(facets.tag, 'supply-chain')).toHaveLength(3);
    expect(ids(facets.threatType, 'botnet-cc')).toHaveLength(3);
    expect(ids(facets.iocType, 'ip:port')).toEqual(expect.arrayContaining(['remcos-threatfox-hunt']));
  });

  it('counts sub-technique users under the parent, and says which use it directly', () => {
    const t1071 = facets.technique.find((t) => t.slug === 'T1071')!;
    expect(t1071.ids).toHaveLength(3);
    expect(t1071.directIds).toEqual(['remcos-threatfox-hunt']);
    expect(t1071.label).toBe('T1071 Application Layer Protocol');
    const t1195 = facets.technique.find((t) => t.slug === 'T1195')!;
    expect([t1195.ids.length, t1195.directIds.length]).toEqual([3, 0]);
  });

  it('orders tactics as the ATT&CK matrix does', () => {
    const order = loadAttackReference().tactics.map((t) => t.slug);
    const positions = facets.tactic.map((t) => order.indexOf(t.slug));
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('buckets the newest IOC age cumulatively, and flags stale writeups', () => {
    expect(ids(facets.freshness, 'stale')).toHaveLength(5);
    expect(ids(facets.age, 'within-365')).toEqual(['remcos-threatfox-hunt']);
    expect(ids(facets.age, 'within-90')).toBeUndefined();
    expect(ids(facets.age, 'older')).toHaveLength(4);
  });

  it('groups spellings of one name, and labels the group with the commonest spelling', () => {
    const entry = (id: string, family: string) =>
      ({ id, families: [{ slug: family.toLowerCase(), label: family }] }) as unknown as BrowseEntry;
    const groups = countFacet([entry('a', 'remcos'), entry('b', 'Remcos'), entry('c', 'Remcos')], (e) => e.families);
    expect(groups).toEqual([{ slug: 'remcos', label: 'Remcos', ids: ['a', 'b', 'c'] }]);
  });
});
