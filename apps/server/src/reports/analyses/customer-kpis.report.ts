// Customer KPIs as a report: retention, churn, repurchase, AOV, conversion and cart abandonment
// per period (or for the whole window), revenue split into new and returning customers, and
// the definitions next to them (CustomerAnalyticsService.customerKpis).
import { CentricError } from '../../errors';
import type { ReportAnalysis } from '../report-types';
import { barChart, lineChart } from './chart-options';

const COLUMNS = [
  ['retentionRate', 'Retention rate (%)'],
  ['churnRate', 'Churn rate (%)'],
  ['repurchaseRate', 'Repurchase rate (%)'],
  ['averageOrderValue', 'Average order value'],
  ['conversionRate', 'Conversion rate (%)'],
  ['cartAbandonmentRate', 'Cart abandonment rate (%)'],
  ['revenue', 'Revenue'],
  ['returningCustomerRevenue', 'Returning-customer revenue'],
  ['newCustomerRevenue', 'New-customer revenue'],
  ['orders', 'Orders'],
  ['startCustomers', 'Active at start (S)'],
  ['endCustomers', 'Active at end (E)'],
  ['newCustomers', 'New customers (N)'],
  ['churnedCustomers', 'Churned customers'],
  ['sessions', 'Sessions'],
] as const;

export const customerKpisReport: ReportAnalysis = {
  title: 'Customer KPIs',
  description:
    'Retention (CRR), churn, repurchase, AOV, conversion and cart abandonment per week or month, with revenue from new and returning customers.',
  params: { segment: true, periods: ['week', 'month'], periodCount: false },
  async run(service, projectId, params) {
    if (params.period === 'day')
      throw new CentricError('invalid_query', 'customer KPIs are per week or month');
    const report = await service.customerKpis(projectId, {
      from: params.from,
      to: params.to,
      period: params.period,
      segmentId: params.segmentId,
    });
    const labels = report.periods.map((p) => (p.from === p.to ? p.from : `${p.from} to ${p.to}`));
    const segment = report.segmentId ? ` of segment ${report.segmentId}` : '';
    return {
      title: `Customer KPIs${segment}${report.period ? ` per ${report.period}` : ''}`,
      notes: [report.definitions.retentionRate, report.definitions.activeCustomer],
      tables: [
        {
          name: 'kpis',
          title: report.period ? `Customer KPIs per ${report.period}` : 'Customer KPIs',
          columns: ['From', 'To', ...COLUMNS.map(([, label]) => label)],
          rows: report.periods.map((p) => [p.from, p.to, ...COLUMNS.map(([key]) => p[key])]),
        },
        {
          name: 'definitions',
          title: 'Definitions',
          columns: ['KPI', 'Definition'],
          rows: COLUMNS.map(([key, label]) => [label, report.definitions[key]]),
        },
      ],
      charts: [
        {
          title: 'Revenue from new and returning customers',
          option: barChart({
            categories: labels,
            series: [
              {
                name: 'Returning customers',
                data: report.periods.map((p) => p.returningCustomerRevenue),
                stack: 'r',
              },
              { name: 'New customers', data: report.periods.map((p) => p.newCustomerRevenue), stack: 'r' },
            ],
          }),
        },
        {
          title: 'Retention and churn rate',
          option: lineChart({
            categories: labels,
            unit: '%',
            series: [
              { name: 'Retention rate', data: report.periods.map((p) => p.retentionRate) },
              { name: 'Churn rate', data: report.periods.map((p) => p.churnRate) },
              { name: 'Repurchase rate', data: report.periods.map((p) => p.repurchaseRate) },
            ],
          }),
        },
      ],
    };
  },
};
