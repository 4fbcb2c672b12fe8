import { isCalendarDay } from '../schema/scalars.ts';

// Ages are counted in whole calendar days between two `YYYY-MM-DD` strings. Date.UTC is used only
// as a day counter, so no time zone can move a day; nothing here renders a Date.

const DAY_MS = 86_400_000;

/** Default age, in days, after which a writeup's newest indicator counts as stale. */
export const DEFAULT_STALE_DAYS = 90;

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` string. */
export function dayNumber(day: string): number {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

/** Whole days from `from` to `to`; negative when `from` is later. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** "today", "12 days", "5 months", "3 years"; a future day reads "in 4 days". */
export function describeAge(days: number): string {
  if (days === 0) return 'today';
  if (days < 0) return `in ${describeAge(-days)}`;
  const unit = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  if (days <= 90) return unit(days, 'day');
  if (days < 730) return unit(Math.floor(days / 30.44), 'month');
  return unit(Math.floor(days / 365.25), 'year');
}

/** "today", "12 days ago", "in 4 days": an age as a phrase. */
export function describeAgeAgo(days: number): string {
  return days > 0 ? `${describeAge(days)} ago` : describeAge(days);
}

/** The local calendar day of `now`, as `YYYY-MM-DD`. */
function formatLocalDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * "Today" for ages: `HUNTBOOK_TODAY` when set (tests and reproducible builds pin it), otherwise the
 * build machine's calendar day.
 */
export function resolveToday(pinned: string | undefined, now: Date = new Date()): string {
  if (pinned === undefined || pinned.trim() === '') return formatLocalDay(now);
  const day = pinned.trim();
  if (!isCalendarDay(day)) throw new Error(`HUNTBOOK_TODAY="${pinned}" is not a day; write YYYY-MM-DD`);
  return day;
}

/** The stale threshold: `HUNTBOOK_STALE_DAYS` when set, else {@link DEFAULT_STALE_DAYS}. */
export function resolveStaleDays(setting: string | undefined): number {
  if (setting === undefined || setting.trim() === '') return DEFAULT_STALE_DAYS;
  if (!/^\d+$/.test(setting.trim()) || Number(setting) < 1) {
    throw new Error(`HUNTBOOK_STALE_DAYS="${setting}" is not a whole number of days (e.g. 90)`);
  }
  return Number(setting);
}

/** How current a writeup's indicators are. */
export interface Freshness {
  /** `stale`: the newest sighting is older than the threshold; `undated`: no IOC has a date. */
  state: 'current' | 'stale' | 'undated';
  /** Latest `last_seen` or `first_seen` among the writeup's indicators. */
  newestSighting?: string;
  /** Days from `newestSighting` to today. */
  ageDays?: number;
  /** The threshold the state was judged against. */
  staleAfterDays: number;
}

/** Dates an indicator may carry. */
export interface DatedIoc {
  first_seen?: string;
  last_seen?: string;
}

/** Judges a writeup by its most recently seen indicator: one live IOC keeps the writeup current. */
export function assessFreshness(iocs: readonly DatedIoc[], today: string, staleAfterDays: number): Freshness {
  const days = iocs.flatMap((ioc) => [ioc.first_seen, ioc.last_seen]).filter((day): day is string => Boolean(day));
  if (days.length === 0) return { state: 'undated', staleAfterDays };
  const newestSighting = days.reduce((newest, day) => (day > newest ? day : newest));
  const ageDays = daysBetween(newestSighting, today);
  return { state: ageDays > staleAfterDays ? 'stale' : 'current', newestSighting, ageDays, staleAfterDays };
}
