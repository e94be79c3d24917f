// `centric query overview`: the Overview KPIs as a table or JSON.
import type { kpis } from '@centric/analyses';

export function formatOverview(o: kpis.OverviewKpis): string {
  const money = (v: number) => `${v.toFixed(2)}${o.currency ? ` ${o.currency}` : ''}`;
  const rows: [string, string][] = [
    ['range', `${o.from} .. ${o.to}`],
    ['events', String(o.events)],
    ['visitors', String(o.visitors)],
    ['sessions', String(o.sessions)],
    ['orders', String(o.orders)],
    ['revenue', money(o.revenue)],
    ['conversion rate', `${(o.conversionRate * 100).toFixed(2)} %`],
    ['average order value', money(o.averageOrderValue)],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}
