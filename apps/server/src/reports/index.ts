// Scheduled reports as other workspaces use them: the CLI's local mode runs ReportService in
// its own process; plug-ins add analyses with registerReportAnalysis.
export { registerReportAnalysis, reportAnalysisCatalog } from './report-registry';
export { createReportScheduler, type ReportScheduler, startReportScheduler } from './report-scheduler';
export { type ReportExport, ReportService } from './report-service';
export type { ReportAnalysis, ReportChartSpec, ReportContent, ResolvedReportParams } from './report-types';
export { describeSchedule, nextRunAfter } from './schedule';
