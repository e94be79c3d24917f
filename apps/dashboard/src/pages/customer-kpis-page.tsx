// Customer KPIs page: retention, churn, returning-customer revenue, repurchase, new and returning
// customers, AOV, conversion and cart abandonment per week or month of the selected range, for all
// customers or one segment or lifecycle stage, each KPI with its definition.
import { useState } from 'react';
import { customerKpisPath, type KpiQuery, parseCustomerKpis } from '../api/customer-analytics';
import { useProjectQuery } from '../api/use-project-query';
import { QueryStatus } from '../components/query-status';
import { useDashboard } from '../state/dashboard-context';
import { SegmentPicker } from './cohorts/segment-picker';
import { useSegmentOptions } from './cohorts/use-segment-options';
import { LIFECYCLE_STAGES } from './kpis/kpi-catalog';
import { KpiTable } from './kpis/kpi-table';

type Filters = Omit<KpiQuery, 'from' | 'to'>;

export function CustomerKpisPage() {
  const { range } = useDashboard();
  const { segments } = useSegmentOptions();
  const [filters, setFilters] = useState<Filters>({ period: 'month', segment: null, lifecycleStage: null });
  const query = useProjectQuery(customerKpisPath({ ...filters, ...range }), parseCustomerKpis);
  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));

  return (
    <div className="page" data-testid="customer-kpis-page" data-state={query.status}>
      <div className="page-heading">
        <h1>Customer KPIs</h1>
        <p className="muted">
          {range.from} to {range.to} (UTC), per {filters.period === 'range' ? 'whole range' : filters.period}.
        </p>
      </div>
      <fieldset className="card controls-card">
        <legend className="visually-hidden">KPI filters</legend>
        <label className="field">
          <span className="field-label">Per</span>
          <select
            data-testid="kpi-period"
            value={filters.period}
            onChange={(e) => set({ period: e.target.value as Filters['period'] })}
          >
            <option value="week">Week</option>
            <option value="month">Month</option>
            <option value="range">Whole range</option>
          </select>
        </label>
        <SegmentPicker
          label="Segment"
          testId="kpi-segment"
          value={filters.segment}
          segments={segments}
          none="All customers"
          onChange={(segment) => set({ segment })}
        />
        <label className="field">
          <span className="field-label">Lifecycle stage</span>
          <select
            data-testid="kpi-lifecycle"
            value={filters.lifecycleStage ?? ''}
            onChange={(e) => set({ lifecycleStage: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">All stages</option>
            {LIFECYCLE_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {stage}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <QueryStatus query={query} />
      {query.data !== null && (
        <section
          className={`card section-card${query.status === 'loading' ? ' stale' : ''}`}
          aria-label="KPIs"
        >
          <KpiTable data={query.data} />
        </section>
      )}
    </div>
  );
}
