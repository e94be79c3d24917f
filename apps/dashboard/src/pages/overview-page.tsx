// Overview page: headline numbers for the selected project and date range, plus events per day.
import { type Overview, overviewPath, parseOverview } from '../api/endpoints';
import { useProjectQuery } from '../api/use-project-query';
import { EventsPerDayChart } from '../charts/events-per-day-chart';
import { KpiTile } from '../components/kpi-tile';
import { formatCount, formatMoney, formatPercent } from '../format/number';
import { useDashboard } from '../state/dashboard-context';

interface KpiDefinition {
  id: string;
  label: string;
  value: (o: Overview) => number | null;
  format: (o: Overview) => string;
  definition: string;
}

const KPIS: readonly KpiDefinition[] = [
  {
    id: 'visitors',
    label: 'Visitors',
    value: (o) => o.visitors,
    format: (o) => formatCount(o.visitors),
    definition: 'Distinct visitors with at least one event (by anonymous id, else user id).',
  },
  {
    id: 'sessions',
    label: 'Sessions',
    value: (o) => o.sessions,
    format: (o) => formatCount(o.sessions),
    definition: 'Visits; 30 minutes of inactivity or a new campaign starts a new one.',
  },
  {
    id: 'orders',
    label: 'Orders',
    value: (o) => o.orders,
    format: (o) => formatCount(o.orders),
    definition: 'Distinct orders placed (Order Completed events).',
  },
  {
    id: 'revenue',
    label: 'Revenue',
    value: (o) => o.revenue,
    format: (o) => formatMoney(o.revenue, o.currency),
    definition: 'Sum of the revenue of those orders, in the most used order currency.',
  },
  {
    id: 'conversion-rate',
    label: 'Conversion rate',
    value: (o) => o.conversionRate,
    format: (o) => formatPercent(o.conversionRate),
    definition: 'Sessions with at least one Order Completed ÷ all sessions.',
  },
  {
    id: 'average-order-value',
    label: 'Average order value',
    value: (o) => o.averageOrderValue,
    format: (o) => formatMoney(o.averageOrderValue, o.currency),
    definition: 'Revenue ÷ orders.',
  },
  {
    id: 'events',
    label: 'Events',
    value: (o) => o.events,
    format: (o) => formatCount(o.events),
    definition: 'All events received in the range, of every type.',
  },
];

export function OverviewPage() {
  const { range, project } = useDashboard();
  const query = useProjectQuery(overviewPath(range.from, range.to), parseOverview);
  const data = query.data;

  return (
    <div
      className="page"
      data-testid="overview-page"
      data-state={query.status}
      aria-busy={query.status === 'loading'}
    >
      <div className="page-heading">
        <h1>Overview</h1>
        <p className="muted">
          {project.projectName} · {range.from} to {range.to} (UTC)
        </p>
      </div>

      {query.status === 'error' && (
        <div className="card error-card" role="alert" data-testid="overview-error">
          <p className="error">{query.error.message}</p>
          <button type="button" className="button-secondary" onClick={query.retry}>
            Try again
          </button>
        </div>
      )}

      {query.status === 'loading' && data === null && (
        <p className="muted loading" role="status">
          Loading…
        </p>
      )}

      {data !== null && (
        <div className={query.status === 'loading' ? 'stale' : undefined}>
          <div className="kpi-grid">
            {KPIS.map((kpi) => (
              <KpiTile
                key={kpi.id}
                id={kpi.id}
                label={kpi.label}
                value={kpi.value(data)}
                formatted={kpi.format(data)}
                definition={kpi.definition}
              />
            ))}
          </div>
          <section className="card chart-card" aria-labelledby="events-per-day-title">
            <h2 id="events-per-day-title">Events per day</h2>
            <EventsPerDayChart days={data.eventsPerDay} />
          </section>
        </div>
      )}
    </div>
  );
}
