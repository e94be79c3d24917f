// Builds the ECharts option of a retention heatmap (pure, so it is unit-tested): one row per cohort
// (oldest on top), one column per period offset, the colour and the label giving the share of the
// cohort active in that period; a grey first column gives the cohort size. Periods that have not
// started yet stay empty instead of showing a misleading 0 %.
import type { CohortPeriod, RetentionMatrix } from '../api/customer-analytics';
import type { ChartOption } from './echarts-setup';

export const SIZE_COLUMN = 'Size';

/** A cohort's period start, k periods later, as YYYY-MM-DD (UTC). */
export function offsetStart(start: string, period: CohortPeriod, k: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === 'day') d.setUTCDate(d.getUTCDate() + k);
  else if (period === 'week') d.setUTCDate(d.getUTCDate() + 7 * k);
  else d.setUTCMonth(d.getUTCMonth() + k, 1);
  return d.toISOString().slice(0, 10);
}

export function cohortLabel(start: string, period: CohortPeriod): string {
  if (period === 'month') return start.slice(0, 7);
  if (period === 'week') return `wk of ${start}`;
  return start;
}

export function offsetLabel(period: CohortPeriod, k: number): string {
  return `${period === 'day' ? 'D' : period === 'week' ? 'W' : 'M'}${k}`;
}

export interface HeatmapCell {
  /** Column index: 0 is the size column, 1 + k the offset k. */
  x: number;
  y: number;
  value: number | null;
}

/** Rates per cell, null for offsets that start after `today` (YYYY-MM-DD) or the API left empty. */
export function retentionCells(matrix: RetentionMatrix, today: string): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  matrix.cohorts.forEach((cohort, y) => {
    for (let k = 0; k < matrix.periods; k++) {
      const future = offsetStart(cohort.start, matrix.period, k) > today;
      const rate = cohort.rates[k];
      cells.push({ x: k + 1, y, value: future || rate === undefined ? null : rate });
    }
  });
  return cells;
}

export interface HeatmapStyle {
  /** 'rate': 0..1 from white to accent; 'difference': -1..1 diverging, in percentage points. */
  kind: 'rate' | 'difference';
}

const percent = (v: number, signed: boolean) =>
  `${signed && v > 0 ? '+' : ''}${(v * 100).toFixed(v !== 0 && Math.abs(v) < 0.1 ? 1 : 0)}%`;

export function buildRetentionOption(
  matrix: RetentionMatrix,
  { today, kind = 'rate' }: { today: string; kind?: HeatmapStyle['kind'] },
): ChartOption {
  const yLabels = matrix.cohorts.map((c) => cohortLabel(c.start, matrix.period));
  const xLabels = [
    SIZE_COLUMN,
    ...Array.from({ length: matrix.periods }, (_, k) => offsetLabel(matrix.period, k)),
  ];
  const cells = retentionCells(matrix, today).filter((c) => c.value !== null);
  const signed = kind === 'difference';
  const max = signed ? Math.max(0.05, ...cells.map((c) => Math.abs(c.value ?? 0))) : 1;
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 56, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const data = item?.data;
        if (!Array.isArray(data)) return '';
        const [x, y, v] = data as [number, number, number];
        const cohort = matrix.cohorts[y];
        if (cohort === undefined) return '';
        if (x === 0) return `${yLabels[y]}<br/><b>${cohort.size}</b> customers in the cohort`;
        const k = x - 1;
        const count = cohort.retained[k];
        return signed
          ? `${yLabels[y]} · ${xLabels[x]}<br/><b>${percent(v, true)}</b> points vs. all`
          : `${yLabels[y]} · ${xLabels[x]}<br/><b>${percent(v, false)}</b> (${count ?? '—'} of ${cohort.size}) active`;
      },
    },
    xAxis: { type: 'category', data: xLabels, splitArea: { show: true }, position: 'top' },
    yAxis: { type: 'category', data: yLabels, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      seriesIndex: 1,
      min: signed ? -max : 0,
      max,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 200,
      inRange: { color: signed ? ['#d9534f', '#f7f7f7', '#2e9d5b'] : ['#eef1fd', '#4f6bed', '#1f2f8f'] },
      formatter: (value) => percent(Number(value), signed),
    },
    series: [
      {
        type: 'heatmap',
        name: 'Cohort size',
        data: matrix.cohorts.map((c, y) => [0, y, c.size]),
        itemStyle: { color: '#eceef2', borderColor: '#ffffff', borderWidth: 1 },
        label: { show: true, color: '#1d2330', fontWeight: 'bold' },
      },
      {
        type: 'heatmap',
        name: signed ? 'Difference' : 'Retention',
        data: cells.map((c) => [c.x, c.y, c.value ?? 0]),
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: matrix.periods <= 24,
          fontSize: 11,
          formatter: (p) => {
            const data = p.data;
            return Array.isArray(data) ? percent(Number(data[2]), signed) : '';
          },
        },
        emphasis: { itemStyle: { borderColor: '#1d2330', borderWidth: 1 } },
      },
    ],
  };
}

/** compare − base per cohort and offset, for cohorts and offsets both have. */
export function differenceMatrix(base: RetentionMatrix, compare: RetentionMatrix): RetentionMatrix {
  const byStart = new Map(base.cohorts.map((c) => [c.start, c]));
  const periods = Math.min(base.periods, compare.periods);
  return {
    period: base.period,
    periods,
    cohorts: compare.cohorts.flatMap((c) => {
      const b = byStart.get(c.start);
      if (b === undefined) return [];
      const rates = Array.from({ length: periods }, (_, k) => {
        const x = c.rates[k];
        const y = b.rates[k];
        return x === null || x === undefined || y === null || y === undefined ? null : x - y;
      });
      return [{ start: c.start, size: c.size, retained: c.retained.slice(0, periods), rates }];
    }),
  };
}
