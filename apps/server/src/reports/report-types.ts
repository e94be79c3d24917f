// What a report analysis is: a named run over a project that answers tables and charts. Kept
// apart from the registry so analyses (reports/analyses/*) import only types, never the list
// that imports them.
import type { ReportParams, ReportTable } from '@centric/contracts';
import type { EChartsOption } from 'echarts';
import type { CentricService } from '../services/centric-service';

/** A chart of a report: an ECharts option, JSON only (no functions), so any surface can draw it. */
export interface ReportChartSpec {
  title: string;
  option: EChartsOption;
  /** CSS pixels; the image is rendered at twice this for sharp screens. */
  width?: number;
  height?: number;
}

export interface ReportContent {
  title: string;
  /** Short lines shown under the title: definitions, caveats. */
  notes?: string[];
  /** The main table first: a CSV export without a table name answers it. */
  tables: ReportTable[];
  charts: ReportChartSpec[];
}

/** The saved parameters with the window resolved to days for this run. */
export interface ResolvedReportParams extends ReportParams {
  from: string;
  to: string;
  /** The run's clock, for analyses that need "now" (e.g. cohorts not begun yet). */
  nowMs: number;
}

export interface ReportAnalysis {
  title: string;
  /** One or two sentences for the dashboard's picker and the API catalogue. */
  description: string;
  /** Which of the common parameters it reads (the dashboard shows only those fields). */
  params: {
    segment: boolean;
    periods: readonly string[];
    periodCount: boolean;
  };
  run(service: CentricService, projectId: string, params: ResolvedReportParams): Promise<ReportContent>;
}
