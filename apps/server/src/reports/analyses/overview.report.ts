// The Overview as a report: the headline KPIs of the window and events per day, the same
// numbers as the dashboard's Overview page (CentricService.overview).
import type { ReportAnalysis } from '../report-types';
import { barChart } from './chart-options';

export const overviewReport: ReportAnalysis = {
  title: 'Overview',
  description:
    'Events, visitors, sessions, orders, revenue, conversion rate and average order value, with events per day.',
  params: { segment: false, periods: [], periodCount: false },
  async run(service, projectId, { from, to }) {
    const o = await service.overview(projectId, { from, to });
    const money = o.currency ? ` (${o.currency})` : '';
    return {
      title: 'Overview',
      notes: [
        'Conversion rate: sessions with an order / all sessions. Average order value: revenue / orders.',
      ],
      tables: [
        {
          name: 'kpis',
          title: 'KPIs',
          columns: ['KPI', 'Value'],
          rows: [
            ['Events', o.events],
            ['Visitors', o.visitors],
            ['Sessions', o.sessions],
            ['Orders', o.orders],
            [`Revenue${money}`, o.revenue],
            ['Conversion rate (%)', Math.round(o.conversionRate * 10_000) / 100],
            [`Average order value${money}`, o.averageOrderValue],
          ],
        },
        {
          name: 'events_per_day',
          title: 'Events per day',
          columns: ['Day', 'Events'],
          rows: o.eventsPerDay.map((d) => [d.day, d.events]),
        },
      ],
      charts: [
        {
          title: 'Events per day',
          option: barChart({
            categories: o.eventsPerDay.map((d) => d.day),
            series: [{ name: 'Events', data: o.eventsPerDay.map((d) => d.events) }],
            integer: true,
          }),
        },
      ],
    };
  },
};
