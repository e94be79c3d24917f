// Builds the Associations chart's ECharts option (pure, so it is unit-tested): for the listed
// associations, a horizontal pair of bars per association, the observed count coloured by
// direction (green: more often than chance, red: less often) beside the count expected under
// independence in grey, with the surprise factor (observed / expected) as the observed bar's
// label. The strongest association sits on top.
import type { Association } from '../api/mining';
import type { ChartOption } from './echarts-setup';

export const MORE_COLOUR = '#2f9e62';
export const LESS_COLOUR = '#d0453b';
export const EXPECTED_COLOUR = '#b8bfcc';
const NEUTRAL_COLOUR = '#7b8494';

export interface AssociationBar {
  label: string;
  observed: number;
  expected: number;
  surpriseFactor: number;
  direction: Association['direction'];
}

/** The colour of an association's surprise: over- or under-represented, or neither. */
export function surpriseColour(direction: Association['direction']): string {
  return direction === 'more' ? MORE_COLOUR : direction === 'less' ? LESS_COLOUR : NEUTRAL_COLOUR;
}

/** "×2.4" for 2.4 times as often as chance, "×0.31" below. */
export function formatSurprise(surprise: number): string {
  return `×${surprise >= 10 ? surprise.toFixed(0) : surprise >= 1 ? surprise.toFixed(1) : surprise.toFixed(2)}`;
}

/** The bars of the first `max` associations, named with labels where known. */
export function associationBars(
  associations: readonly Association[],
  labels: Readonly<Record<string, string>>,
  max = 15,
): AssociationBar[] {
  const name = (values: readonly string[]) => values.map((v) => labels[v] ?? v).join(' + ');
  return associations.slice(0, max).map((a) => ({
    label: `${name(a.antecedent)} → ${name(a.consequent)}`,
    observed: a.observed,
    expected: a.expected,
    surpriseFactor: a.surpriseFactor,
    direction: a.direction,
  }));
}

const shorten = (text: string, max = 42) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function buildAssociationOption(bars: readonly AssociationBar[]): ChartOption {
  // ECharts draws the first category at the bottom of a vertical category axis.
  const ordered = [...bars].reverse();
  return {
    animation: false,
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    legend: undefined,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const bar = ordered[first?.dataIndex ?? 0];
        if (!bar) return '';
        return `${bar.label}<br/>observed <b>${bar.observed}</b> · expected <b>${bar.expected.toFixed(1)}</b><br/>surprise ${formatSurprise(bar.surpriseFactor)}`;
      },
    },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#eceef2' } } },
    yAxis: {
      type: 'category',
      data: ordered.map((b) => shorten(b.label)),
      axisLabel: { fontSize: 11 },
    },
    series: [
      {
        type: 'bar',
        name: 'Observed',
        data: ordered.map((b) => ({ value: b.observed, itemStyle: { color: surpriseColour(b.direction) } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => formatSurprise(ordered[p.dataIndex]?.surpriseFactor ?? 0),
          fontSize: 11,
        },
        barMaxWidth: 14,
      },
      {
        type: 'bar',
        name: 'Expected',
        data: ordered.map((b) => b.expected),
        itemStyle: { color: EXPECTED_COLOUR },
        barMaxWidth: 14,
      },
    ],
  };
}
