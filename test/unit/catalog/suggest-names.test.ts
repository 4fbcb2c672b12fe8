import { describe, expect, it } from 'vitest';
import {
  loadConnectorCatalog,
  measureNameDistance,
  rankSimilarNames,
  suggestConnectorIds,
  suggestTableNames,
} from '../../../src/lib/catalog/index.ts';
import { makeTinyCatalog } from './tiny-catalog.ts';

const catalog = loadConnectorCatalog();

describe('measureNameDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(measureNameDistance('Syslog', 'Syslog')).toBe(0);
    expect(measureNameDistance('Syslogs', 'Syslog')).toBe(1);
    expect(measureNameDistance('Sislog', 'Syslog')).toBe(1);
    expect(measureNameDistance('', 'abc')).toBe(3);
    expect(measureNameDistance('kitten', 'sitting')).toBe(3);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    expect(measureNameDistance('DeviceNetwrokEvents', 'DeviceNetworkEvents')).toBe(1);
    expect(measureNameDistance('ab', 'ba')).toBe(1);
  });
});

describe('suggestTableNames', () => {
  it.each([
    ['DeviceNetworkEvent', 'DeviceNetworkEvents'],
    ['CommonSecurityLogs', 'CommonSecurityLog'],
    ['SignInLogs', 'SigninLogs'],
    ['DevcieProcessEvents', 'DeviceProcessEvents'],
    ['SecurityEvents', 'SecurityEvent'],
    ['ThreatIntelIndicator', 'ThreatIntelIndicators'],
    ['OfficeActivities', 'OfficeActivity'],
    ['DeviceProcess', 'DeviceProcessEvents'],
    ['AADSigninLogs', 'SigninLogs'],
    ['heartbeat', 'Heartbeat'],
  ])('suggests %s → %s first', (typo, expected) => {
    expect(suggestTableNames(catalog, typo)[0]).toBe(expected);
  });

  it('drops candidates far behind the best one', () => {
    expect(suggestTableNames(catalog, 'DeviceNetworkEvent')).toEqual(['DeviceNetworkEvents']);
    expect(suggestTableNames(catalog, 'CommonSecurityLogs')).toEqual(['CommonSecurityLog']);
  });

  it('offers several names for a shared prefix, up to max', () => {
    const email = suggestTableNames(catalog, 'Email');
    expect(email).toHaveLength(3);
    expect(email.every((name) => name.startsWith('Email'))).toBe(true);
    expect(suggestTableNames(catalog, 'Email', 1)).toHaveLength(1);
    expect(suggestTableNames(catalog, 'Email', 0)).toEqual([]);
  });

  it('is empty when nothing is reasonably close', () => {
    for (const unrelated of ['Banana', 'Logs', 'Sysmon', 'x', '', '   ', 'MyCustomThing_CL']) {
      expect(suggestTableNames(catalog, unrelated), unrelated).toEqual([]);
    }
  });

  it('works on any catalog passed in', () => {
    expect(suggestTableNames(makeTinyCatalog(), 'FirewalLog')).toEqual(['FirewallLog']);
  });
});

describe('suggestConnectorIds', () => {
  it.each([
    ['MicrosoftThreatProtections', 'MicrosoftThreatProtection'],
    ['AzureActiveDirectry', 'AzureActiveDirectory'],
    ['Office 365', 'Office365'],
    ['CEFAma', 'CefAma'],
    ['WindowsSecurityEvent', 'WindowsSecurityEvents'],
    ['AzureMonitorIIS', 'AzureMonitor(IIS)'],
    ['ThreatIntelligenceTAXII', 'ThreatIntelligenceTaxii'],
  ])('suggests %s → %s first', (typo, expected) => {
    expect(suggestConnectorIds(catalog, typo)[0]).toBe(expected);
  });

  it('matches aliases but suggests the canonical id, once', () => {
    expect(suggestConnectorIds(catalog, 'Microsoft365Defenders')).toEqual(['MicrosoftThreatProtection']);
    expect(suggestConnectorIds(makeTinyCatalog(), 'OldEndpont')).toEqual(['Endpoint']);
  });

  it('is empty when nothing is reasonably close', () => {
    expect(suggestConnectorIds(catalog, 'DefenderXDR')).toEqual([]);
    expect(suggestConnectorIds(catalog, 'foo')).toEqual([]);
  });
});

describe('rankSimilarNames', () => {
  it('breaks ties by name so output is stable', () => {
    expect(rankSimilarNames('Tabel', ['Cable', 'Table'])).toEqual(['Table']);
    expect(rankSimilarNames('abcdx', ['abcdz', 'abcdy'])).toEqual(['abcdy', 'abcdz']);
  });
});
