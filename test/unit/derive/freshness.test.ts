import { describe, expect, it } from 'vitest';
import {
  assessFreshness,
  daysBetween,
  DEFAULT_STALE_DAYS,
  describeAge,
  describeAgeAgo,
  resolveStaleDays,
  resolveToday,
} from '../../../src/lib/derive/freshness.ts';

describe('day arithmetic', () => {
  it('counts whole calendar days, across leap days and daylight-saving changes', () => {
    expect(daysBetween('2026-06-15', '2026-12-03')).toBe(171);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-12-03', '2026-12-01')).toBe(-2);
  });

  it('describes ages in the unit a reader expects', () => {
    expect(describeAge(0)).toBe('today');
    expect(describeAge(1)).toBe('1 day');
    expect(describeAge(90)).toBe('90 days');
    expect(describeAge(171)).toBe('5 months');
    expect(describeAge(3446)).toBe('9 years');
    expect(describeAge(-4)).toBe('in 4 days');
    expect(describeAgeAgo(12)).toBe('12 days ago');
    expect(describeAgeAgo(0)).toBe('today');
  });
});

describe('build settings', () => {
  it('pins today with HUNTBOOK_TODAY, and refuses anything but a real day', () => {
    expect(resolveToday('2026-12-03')).toBe('2026-12-03');
    expect(resolveToday(' 2026-12-03 ')).toBe('2026-12-03');
    expect(() => resolveToday('2026-02-30')).toThrow(/HUNTBOOK_TODAY/);
    expect(() => resolveToday('03/12/2026')).toThrow(/YYYY-MM-DD/);
  });

  it('defaults to the build machine calendar day', () => {
    expect(resolveToday(undefined, new Date(2026, 11, 3, 23, 59))).toBe('2026-12-03');
    expect(resolveToday('', new Date(2027, 0, 1, 0, 1))).toBe('2027-01-01');
  });

  it('reads the stale threshold, 90 days by default', () => {
    expect(resolveStaleDays(undefined)).toBe(DEFAULT_STALE_DAYS);
    expect(DEFAULT_STALE_DAYS).toBe(90);
    expect(resolveStaleDays('30')).toBe(30);
    expect(() => resolveStaleDays('0')).toThrow(/HUNTBOOK_STALE_DAYS/);
    expect(() => resolveStaleDays('ninety')).toThrow(/whole number/);
  });
});

describe('assessFreshness', () => {
  it('judges a writeup by its most recently seen indicator', () => {
    const iocs = [{ first_seen: '2026-01-01' }, { first_seen: '2025-01-01', last_seen: '2026-11-20' }, {}];
    expect(assessFreshness(iocs, '2026-12-03', 90)).toEqual({
      state: 'current',
      newestSighting: '2026-11-20',
      ageDays: 13,
      staleAfterDays: 90,
    });
  });

  it('marks it stale one day past the threshold, not on the day', () => {
    expect(assessFreshness([{ first_seen: '2026-09-04' }], '2026-12-03', 90).state).toBe('current');
    expect(assessFreshness([{ first_seen: '2026-09-03' }], '2026-12-03', 90).state).toBe('stale');
    expect(assessFreshness([{ first_seen: '2026-09-03' }], '2026-12-03', 180).state).toBe('current');
  });

  it('calls a writeup without dated indicators undated, never stale', () => {
    expect(assessFreshness([], '2026-12-03', 90)).toEqual({ state: 'undated', staleAfterDays: 90 });
    expect(assessFreshness([{}, {}], '2026-12-03', 90).state).toBe('undated');
  });
});
