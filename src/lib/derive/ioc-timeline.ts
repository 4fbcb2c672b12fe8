import { dayNumber } from './freshness.ts';

/** One column of the first-seen chart: the indicators first seen on a day (or a few adjacent days). */
export interface TimelineBar {
  /** First and last day in the column (equal for a single day). */
  from: string;
  to: string;
  /** Indicators first seen in the column. */
  count: number;
  /** Left edge and height, in the SVG's user units. */
  x: number;
  height: number;
}

/** Everything the timeline component draws; no chart library reaches the browser. */
export interface TimelineLayout {
  width: number;
  height: number;
  barWidth: number;
  /** Y of the baseline; bars grow up from it. */
  baseline: number;
  bars: TimelineBar[];
  /** First and last first-seen day. */
  start: string;
  end: string;
  /** Indicators with a first-seen day, and without. */
  dated: number;
  undated: number;
}

/** Size of the drawing, in SVG user units. */
export interface TimelineSize {
  width: number;
  height: number;
  barWidth: number;
}

const DEFAULT_SIZE: TimelineSize = { width: 640, height: 72, barWidth: 8 };

/**
 * Lays out a bar chart of first-seen days. Days closer together than one bar share a column, so a
 * campaign spread over years still draws readable bars. Undefined when no indicator has a date.
 */
export function layoutIocTimeline(
  iocs: readonly { first_seen?: string }[],
  size: TimelineSize = DEFAULT_SIZE,
): TimelineLayout | undefined {
  const days = iocs.map((ioc) => ioc.first_seen).filter((day): day is string => Boolean(day));
  if (days.length === 0) return undefined;
  days.sort();
  const start = days[0];
  const end = days[days.length - 1];
  const span = dayNumber(end) - dayNumber(start);
  const columns = Math.max(1, Math.floor(size.width / (size.barWidth * 1.5)));
  const columnOf = (day: string) =>
    span === 0 ? 0 : Math.round(((dayNumber(day) - dayNumber(start)) / span) * (columns - 1));

  const groups = new Map<number, string[]>();
  for (const day of days) groups.set(columnOf(day), [...(groups.get(columnOf(day)) ?? []), day]);
  const most = Math.max(...[...groups.values()].map((group) => group.length));
  const baseline = size.height - 2;
  const plot = baseline - 4;
  const usable = size.width - size.barWidth;
  const bars = [...groups].map(([column, group]) => ({
    from: group[0],
    to: group[group.length - 1],
    count: group.length,
    // A single day sits in the middle; otherwise columns spread across the width.
    x: span === 0 ? usable / 2 : (column / Math.max(1, columns - 1)) * usable,
    height: Math.max(3, Math.round((group.length / most) * plot)),
  }));
  return {
    ...size,
    baseline,
    bars,
    start,
    end,
    dated: days.length,
    undated: iocs.length - days.length,
  };
}

/** "5 on 2026-06-14" or "12 between 2023-03-01 and 2023-03-03". */
export function describeBar(bar: TimelineBar): string {
  const what = `${bar.count} IOC${bar.count === 1 ? '' : 's'}`;
  return bar.from === bar.to ? `${what} first seen on ${bar.from}` : `${what} first seen ${bar.from} to ${bar.to}`;
}
