import { describe, expect, it } from 'vitest';
import { describeBar, layoutIocTimeline } from '../../../src/lib/derive/ioc-timeline.ts';

const size = { width: 600, height: 72, barWidth: 8 };

describe('layoutIocTimeline', () => {
  it('draws one bar per first-seen day, tallest for the busiest day', () => {
    const iocs = [{ first_seen: '2026-06-14' }, { first_seen: '2026-06-15' }, { first_seen: '2026-06-14' }, {}];
    const layout = layoutIocTimeline(iocs, size)!;
    expect(layout).toMatchObject({ start: '2026-06-14', end: '2026-06-15', dated: 3, undated: 1 });
    expect(layout.bars.map((bar) => [bar.from, bar.count])).toEqual([
      ['2026-06-14', 2],
      ['2026-06-15', 1],
    ]);
    const [busy, quiet] = layout.bars;
    expect(busy.height).toBeGreaterThan(quiet.height);
    expect(busy.x).toBe(0);
    expect(quiet.x).toBe(size.width - size.barWidth);
    expect(busy.height).toBeLessThanOrEqual(layout.baseline);
  });

  it('merges days closer than one bar, so years of sightings stay readable', () => {
    const iocs = [{ first_seen: '2017-05-12' }, { first_seen: '2017-05-13' }, { first_seen: '2026-06-15' }];
    const layout = layoutIocTimeline(iocs, size)!;
    expect(layout.bars).toHaveLength(2);
    expect(describeBar(layout.bars[0])).toBe('2 IOCs first seen 2017-05-12 to 2017-05-13');
    expect(describeBar(layout.bars[1])).toBe('1 IOC first seen on 2026-06-15');
  });

  it('centres a single day and skips writeups without dates', () => {
    const layout = layoutIocTimeline([{ first_seen: '2020-12-13' }, { first_seen: '2020-12-13' }], size)!;
    expect(layout.bars).toHaveLength(1);
    expect(layout.bars[0]).toMatchObject({ from: '2020-12-13', to: '2020-12-13', count: 2, x: (600 - 8) / 2 });
    expect(layoutIocTimeline([{}, {}], size)).toBeUndefined();
    expect(layoutIocTimeline([], size)).toBeUndefined();
  });

  it('keeps every bar inside the drawing', () => {
    const iocs = Array.from({ length: 200 }, (_, i) => ({
      first_seen: `20${10 + (i % 16)}-0${1 + (i % 9)}-1${i % 10}`,
    }));
    const layout = layoutIocTimeline(iocs, size)!;
    for (const bar of layout.bars) {
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + size.barWidth).toBeLessThanOrEqual(size.width);
      expect(bar.height).toBeGreaterThan(0);
    }
    expect(layout.bars.reduce((sum, bar) => sum + bar.count, 0)).toBe(200);
  });
});
