// The analyses a saved report can run, by id. An analysis added elsewhere (journeys, funnels,
// patterns, associations ...) joins with one line in REPORT_ANALYSES below, its module next to
// the built-in ones in reports/analyses/ (see report-types.ts for the contract). The API, the
// CLI and the dashboard's picker all read this list.
import type { ReportAnalysisInfo } from '@centric/contracts';
import { customerKpisReport } from './analyses/customer-kpis.report';
import { overviewReport } from './analyses/overview.report';
import { retentionReport } from './analyses/retention.report';
import type { ReportAnalysis } from './report-types';

const REPORT_ANALYSES: Record<string, ReportAnalysis> = {
  overview: overviewReport,
  customer_kpis: customerKpisReport,
  retention: retentionReport,
};

const registry = new Map<string, ReportAnalysis>(Object.entries(REPORT_ANALYSES));

/** Adds an analysis at run time (plug-ins, tests); an id is registered once. */
export function registerReportAnalysis(id: string, analysis: ReportAnalysis): void {
  if (!/^[a-z][a-z0-9_]{0,99}$/.test(id)) throw new Error(`report analysis id "${id}" is not snake_case`);
  if (registry.has(id)) throw new Error(`report analysis "${id}" is registered already`);
  registry.set(id, analysis);
}

export function reportAnalysis(id: string): ReportAnalysis | undefined {
  return registry.get(id);
}

/** The catalogue entries, in registration order. */
export function reportAnalysisCatalog(): ReportAnalysisInfo[] {
  return [...registry].map(([id, a]) => ({
    id,
    title: a.title,
    description: a.description,
    params: { segment: a.params.segment, periods: [...a.params.periods], periodCount: a.params.periodCount },
  }));
}
