// Builds the retention heatmaps' ECharts options (pure, so it is unit-tested): one row per cohort
// (oldest on top) plus a size-weighted average row, one column per period offset, colour and label
// giving the share of the cohort active in that period; a grey first column gives the cohort size.
// Cohorts without customers are left out; periods not begun yet stay empty rather than 0 %.
import type { CohortPeriod, RetentionComparison, RetentionMatrix } from '../api/customer-analytics';
import type { ChartOption } from './echarts-setup';

export const SIZE_COLUMN = 'Size';
export const AVERAGE_ROW = 'Average';

export interface HeatmapRow {
  label: string;
  size: number;
  /** Fractions (rates, or differences of rates); null where not observed. */
  values: (number | null)[];
  /** Active customers per offset, for the tooltip; null for the difference and average rows. */
  active: (number | null)[] | null;
}

export interface HeatmapData {
  kind: 'rate' | 'difference';
  period: CohortPeriod;
  periods: number;
  cohorts: HeatmapRow[];
  /** Shown as a last row, when present. */
  average: HeatmapRow | null;
}

export function offsetLabel(period: CohortPeriod, k: number): string {
  return `${period === 'day' ? 'D' : period === 'week' ? 'W' : 'M'}${k}`;
}

/** The heatmap of a retention matrix: non-empty cohorts and the average. */
export function rateHeatmap(matrix: RetentionMatrix): HeatmapData {
  const cohorts = matrix.cohorts
    .filter((c) => c.size > 0)
    .map((c) => ({ label: c.label, size: c.size, values: c.rates, active: c.active }));
  return {
    kind: 'rate',
    period: matrix.period,
    periods: matrix.periods,
    cohorts,
    average:
      cohorts.length > 1
        ? {
            label: AVERAGE_ROW,
            size: cohorts.reduce((sum, c) => sum + c.size, 0),
            values: matrix.average,
            active: null,
          }
        : null,
  };
}

/** The heatmap of compared − base, in fractions, for cohorts with customers on either side. */
export function differenceHeatmap(comparison: RetentionComparison): HeatmapData {
  const cohorts = comparison.difference
    .filter((c) => c.sizeA > 0 || c.sizeB > 0)
    .map((c) => ({ label: c.label, size: c.sizeB, values: c.difference, active: null }));
  return {
    kind: 'difference',
    period: comparison.matrix.period,
    periods: comparison.matrix.periods,
    cohorts,
    average:
      cohorts.length > 1
        ? {
            label: AVERAGE_ROW,
            size: cohorts.reduce((sum, c) => sum + c.size, 0),
            values: comparison.averageDifference,
            active: null,
          }
        : null,
  };
}

function percent(v: number, signed: boolean): string {
  const digits = v !== 0 && Math.abs(v) < 0.1 ? 1 : 0;
  return `${signed && v > 0 ? '+' : ''}${(v * 100).toFixed(digits)}${signed ? ' pp' : '%'}`;
}

/** [x, y, value] cells: x 0 is the size column, x 1 + k the offset k. */
export function heatmapCells(data: HeatmapData): { sizes: number[][]; values: number[][] } {
  const rows = data.average === null ? data.cohorts : [...data.cohorts, data.average];
  const sizes = rows.map((row, y) => [0, y, row.size]);
  const values: number[][] = [];
  rows.forEach((row, y) => {
    for (let k = 0; k < data.periods; k++) {
      const v = row.values[k];
      if (v !== null && v !== undefined) values.push([k + 1, y, v]);
    }
  });
  return { sizes, values };
}

export function buildRetentionOption(data: HeatmapData): ChartOption {
  const rows = data.average === null ? data.cohorts : [...data.cohorts, data.average];
  const yLabels = rows.map((r) => r.label);
  const xLabels = [
    SIZE_COLUMN,
    ...Array.from({ length: data.periods }, (_, k) => offsetLabel(data.period, k)),
  ];
  const { sizes, values } = heatmapCells(data);
  const signed = data.kind === 'difference';
  const spread = signed ? Math.max(0.05, ...values.map((c) => Math.abs(c[2] ?? 0))) : 1;
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      position: 'top',
      formatter: (params) => {
        const item = Array.isArray(params) ? params[0] : params;
        const cell = item?.data;
        if (!Array.isArray(cell)) return '';
        const [x, y, v] = cell as [number, number, number];
        const row = rows[y];
        if (row === undefined) return '';
        if (x === 0) return `${row.label}<br/><b>${row.size}</b> customers`;
        const where = `${row.label} · ${xLabels[x]}`;
        if (signed) return `${where}<br/><b>${percent(v, true)}</b> (percentage points)`;
        const count = row.active?.[x - 1];
        const of = count === null || count === undefined ? '' : ` (${count} of ${row.size})`;
        return `${where}<br/><b>${percent(v, false)}</b>${of} active`;
      },
    },
    xAxis: { type: 'category', data: xLabels, position: 'top', splitArea: { show: true } },
    yAxis: { type: 'category', data: yLabels, inverse: true, splitArea: { show: true } },
    visualMap: {
      type: 'continuous',
      seriesIndex: 1,
      min: signed ? -spread : 0,
      max: spread,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 200,
      itemWidth: 12,
      text: [percent(spread, signed), percent(signed ? -spread : 0, signed)],
      inRange: { color: signed ? ['#d9534f', '#f7f7f7', '#2e9d5b'] : ['#eef1fd', '#7f93f2', '#1f2f8f'] },
    },
    series: [
      {
        type: 'heatmap',
        name: 'Cohort size',
        data: sizes,
        itemStyle: { color: '#eceef2', borderColor: '#ffffff', borderWidth: 1 },
        label: { show: true, color: '#1d2330', fontWeight: 'bold' },
      },
      {
        type: 'heatmap',
        name: signed ? 'Difference' : 'Retention',
        data: values,
        itemStyle: { borderColor: '#ffffff', borderWidth: 1 },
        label: {
          show: data.periods <= 24,
          fontSize: 11,
          formatter: (p) => (Array.isArray(p.data) ? percent(Number(p.data[2]), signed) : ''),
        },
        emphasis: { itemStyle: { borderColor: '#1d2330', borderWidth: 1 } },
      },
    ],
  };
}
