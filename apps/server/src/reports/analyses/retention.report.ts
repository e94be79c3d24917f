// Cohort retention as a report: the retention matrix (cohorts by first order, the share active
// k periods later) as a table and a heatmap, with the average curve
// (CustomerAnalyticsService.retention). The cohorts are the last `periods` periods up to the end
// of the window, the same default as the dashboard's Cohorts page.
import type { ReportAnalysis } from '../report-types';
import { heatmapChart, lineChart } from './chart-options';

const ADVERB = { day: 'daily', week: 'weekly', month: 'monthly' } as const;

export const retentionReport: ReportAnalysis = {
  title: 'Cohort retention',
  description:
    'Customers grouped by the period of their first order, and the share of each cohort that ordered again in each later period.',
  params: { segment: true, periods: ['day', 'week', 'month'], periodCount: true },
  async run(service, projectId, params) {
    const report = await service.retention(projectId, {
      to: params.to,
      period: params.period ?? 'month',
      periods: params.periods ?? 12,
      segmentId: params.segmentId,
    });
    const m = report.matrix;
    const prefix = m.period === 'day' ? 'D' : m.period === 'week' ? 'W' : 'M';
    const offsets = Array.from({ length: m.periods }, (_, k) => `${prefix}${k}`);
    const cohorts = m.cohorts.filter((c) => c.size > 0);
    const segment = report.segmentId ? ` of segment ${report.segmentId}` : '';
    return {
      title: `Cohort retention${segment}: ${ADVERB[m.period]} cohorts from ${report.from}`,
      notes: [m.definition],
      tables: [
        {
          name: 'retention',
          title: 'Retention by cohort (%)',
          columns: ['Cohort', 'Start', 'Size', ...offsets],
          rows: [
            ...m.cohorts.map((c) => [c.cohort, c.start, c.size, ...c.rates]),
            ['Average', null, cohorts.reduce((n, c) => n + c.size, 0), ...m.average],
          ],
        },
      ],
      charts: [
        {
          title: 'Retention heatmap (%)',
          height: Math.max(240, 90 + 24 * cohorts.length),
          option: heatmapChart({
            rows: cohorts.map((c) => `${c.cohort} (${c.size})`),
            columns: offsets,
            values: cohorts.map((c) => c.rates),
            // Offset 0 is 100 % by definition; scaled to the later offsets, their differences show.
            max: Math.max(1, ...cohorts.flatMap((c) => c.rates.slice(1).filter((r) => r !== null))),
          }),
        },
        {
          title: 'Average retention curve (%)',
          option: lineChart({
            categories: offsets,
            unit: '%',
            series: [{ name: 'Average', data: m.average }],
          }),
        },
      ],
    };
  },
};
