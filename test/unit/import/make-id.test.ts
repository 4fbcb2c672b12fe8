import { describe, expect, it } from 'vitest';
import { makeWriteupId, reserveId } from '../../../src/lib/import/make-id.ts';

describe('makeWriteupId', () => {
  it.each([
    ['Behavior - AsyncRATInitialAccess', 'behavior-async-rat-initial-access'],
    ['NOBELIUM - Domain and IP IOCs - March 2021', 'nobelium-domain-and-ip-iocs-march-2021'],
    ['Rare_Outgoing_IPv4_Connections', 'rare-outgoing-ipv4-connections'],
    ['PowerShell downloads', 'powershell-downloads'],
    ['CVE-2024-49113 - LDAPNightmare', 'cve-2024-49113-ldap-nightmare'],
    ['Café  crème!', 'cafe-creme'],
    ['***', 'imported-writeup'],
  ])('%s → %s', (name, id) => {
    expect(makeWriteupId(name)).toBe(id);
  });
});

describe('reserveId', () => {
  it('numbers repeats', () => {
    const taken = new Set<string>();
    expect([reserveId('a', taken), reserveId('a', taken), reserveId('a', taken)]).toEqual(['a', 'a-2', 'a-3']);
  });
});
