// Checks the journey charts' options: Sankey nodes by unique id in their columns with readable
// labels, links by sessions; the funnel in step order with optional steps paler.
import { describe, expect, it } from 'vitest';
import { parsePaths } from '../api/journey-parsers';
import type { FunnelStepRow, SankeyData } from '../api/journeys';
import { buildFunnelOption, buildSankeyOption, percentText } from './journey-options';

const sankey: SankeyData = {
  direction: 'forward',
  depth: 2,
  sessions: 4,
  nodes: [
    {
      id: '1|home',
      column: 1,
      step: 'home',
      label: 'Home',
      sessions: 3,
      share: 75,
      ends: 1,
      endShare: 33.33,
    },
    {
      id: '1|(other)',
      column: 1,
      step: '(other)',
      label: 'Other',
      sessions: 1,
      share: 25,
      ends: 0,
      endShare: 0,
    },
    {
      id: '2|product',
      column: 2,
      step: 'product',
      label: 'Product',
      sessions: 3,
      share: 75,
      ends: 3,
      endShare: 100,
    },
  ],
  links: [{ source: '1|home', target: '2|product', sessions: 2, share: 50, ofNode: 66.67 }],
};

describe('buildSankeyOption', () => {
  it('places nodes by column and labels them with their share', () => {
    const option = buildSankeyOption(sankey) as {
      series: {
        data: Record<string, unknown>[];
        links: unknown[];
        label: { formatter: (p: unknown) => string };
      }[];
    };
    const series = option.series[0]!;
    expect(series.data.map((d) => [d.name, d.depth, d.value])).toEqual([
      ['1|home', 0, 3],
      ['1|(other)', 0, 1],
      ['2|product', 1, 3],
    ]);
    expect(series.links).toEqual([{ source: '1|home', target: '2|product', value: 2 }]);
    expect(series.label.formatter({ name: '2|product' })).toBe('Product 75.0 %');
    expect((series.data[1]!.itemStyle as { color: string }).color).toBe('#b8bfcc');
  });

  it('reads the API answer', () => {
    const parsed = parsePaths({
      from: '2026-03-01',
      to: '2026-03-07',
      segmentId: null,
      groupBy: 'event',
      sankey,
      comparison: null,
    });
    expect(parsed.sankey.nodes).toHaveLength(3);
    expect(() => parsePaths({ from: '2026-03-01' })).toThrow();
  });
});

describe('buildFunnelOption', () => {
  it('keeps the step order and pales optional steps', () => {
    const step = (index: number, reached: number, optional = false): FunnelStepRow => ({
      index,
      label: `S${index}`,
      optional,
      reached,
      conversionFromPrevious: null,
      conversionFromStart: reached * 10,
      dropOff: 0,
      timeFromPrevious: null,
    });
    const option = buildFunnelOption([step(0, 10), step(1, 2, true), step(2, 5)]) as {
      series: {
        sort: string;
        max: number;
        data: { name: string; value: number; itemStyle: { opacity: number } }[];
      }[];
    };
    const series = option.series[0]!;
    expect(series.sort).toBe('none');
    expect(series.max).toBe(10);
    expect(series.data.map((d) => [d.value, d.itemStyle.opacity])).toEqual([
      [10, 1],
      [2, 0.45],
      [5, 1],
    ]);
    expect(series.data[1]!.name).toBe('S1: 2 (20.0 %)');
    expect(percentText(null)).toBe('—');
  });
});
