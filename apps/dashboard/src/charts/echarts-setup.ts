// The ECharts build the dashboard uses: only the chart types, components and renderer registered
// here are bundled. Loaded on demand by chart.tsx so the sign-in screen and the KPI tiles do not wait
// for ~500 kB of charting code. Register more parts here when a page needs another chart type.
import {
  BarChart,
  type BarSeriesOption,
  FunnelChart,
  type FunnelSeriesOption,
  HeatmapChart,
  type HeatmapSeriesOption,
  SankeyChart,
  type SankeySeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
  VisualMapComponent,
  type VisualMapComponentOption,
} from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  BarChart,
  HeatmapChart,
  SankeyChart,
  FunnelChart,
  GridComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | HeatmapSeriesOption
  | SankeySeriesOption
  | FunnelSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | VisualMapComponentOption
>;

export { init };
