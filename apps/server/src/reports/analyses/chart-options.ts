// ECharts options the built-in report analyses share: bars, lines and a heatmap, styled alike
// and JSON only (no formatter functions), so the same option renders in an e-mail image, a
// file and the dashboard. No animation: a server-side render is one frame.
import type { EChartsOption } from 'echarts';

type Value = number | null;
const PALETTE = ['#4e73df', '#1cc88a', '#f6c23e', '#e74a3b', '#36b9cc', '#858796'];
const BASE = {
  animation: false,
  color: PALETTE,
  backgroundColor: '#ffffff',
  textStyle: { fontFamily: 'sans-serif' },
} as const;

export interface SeriesSpec {
  name: string;
  data: readonly Value[];
  /** Series with the same stack name are stacked (bars). */
  stack?: string;
}

export interface CategoryChartSpec {
  categories: readonly string[];
  series: readonly SeriesSpec[];
  /** Axis title, e.g. "%" or "EUR". */
  unit?: string;
  /** Counts: no 2.5 orders on the axis. */
  integer?: boolean;
}

function legendFor(series: readonly SeriesSpec[]): EChartsOption['legend'] {
  return series.length > 1 ? { top: 0, data: series.map((s) => s.name) } : { show: false };
}

function axes(spec: CategoryChartSpec): Pick<EChartsOption, 'xAxis' | 'yAxis' | 'grid'> {
  return {
    grid: { left: 56, right: 24, top: spec.series.length > 1 ? 36 : 16, bottom: 40 },
    xAxis: { type: 'category', data: [...spec.categories] },
    yAxis: {
      type: 'value',
      ...(spec.unit ? { name: spec.unit, nameGap: 12 } : {}),
      ...(spec.integer ? { minInterval: 1 } : {}),
    },
  };
}

/** Bars per category; stacked where the series say so. */
export function barChart(spec: CategoryChartSpec): EChartsOption {
  return {
    ...BASE,
    legend: legendFor(spec.series),
    ...axes(spec),
    series: spec.series.map((s) => ({
      type: 'bar',
      name: s.name,
      data: [...s.data],
      ...(s.stack ? { stack: s.stack } : {}),
    })),
  };
}

/** Lines per category; gaps where a value is null (not measured), never a drop to 0. */
export function lineChart(spec: CategoryChartSpec): EChartsOption {
  return {
    ...BASE,
    legend: legendFor(spec.series),
    ...axes(spec),
    series: spec.series.map((s) => ({
      type: 'line',
      name: s.name,
      data: [...s.data],
      connectNulls: false,
      symbolSize: 6,
    })),
  };
}

export interface HeatmapSpec {
  /** Row labels, top to bottom. */
  rows: readonly string[];
  columns: readonly string[];
  /** values[row][column]; null cells stay empty. */
  values: readonly (readonly Value[])[];
  max: number;
}

/** A cohort heatmap: one row per cohort, one column per offset, the value as label and colour. */
export function heatmapChart(spec: HeatmapSpec): EChartsOption {
  const cells: [number, number, number][] = [];
  spec.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== null) cells.push([c, r, value]);
    });
  });
  return {
    ...BASE,
    grid: { left: 96, right: 16, top: 8, bottom: 64 },
    xAxis: { type: 'category', data: [...spec.columns], splitArea: { show: true } },
    // Reversed so the oldest cohort is on top, as in the dashboard.
    yAxis: { type: 'category', data: [...spec.rows], inverse: true, splitArea: { show: true } },
    visualMap: {
      min: 0,
      max: Math.max(1, spec.max),
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 120,
      inRange: { color: ['#eef2fb', '#4e73df'] },
    },
    series: [{ type: 'heatmap', data: cells, label: { show: true, fontSize: 10 } }],
  };
}
