// Associations page: which two things occur together more (or less) often than chance, for a
// chosen pair of sides (products bought together, products viewed together, search term →
// product viewed, entry channel → category bought, segment → product), with observed against
// expected counts, the surprise factor and a corrected significance test.
import { useState } from 'react';
import {
  type AssociationParams,
  type AssociationSide,
  type AssociationSort,
  associationsPath,
  parseAssociationReport,
} from '../api/mining';
import { useProjectQuery } from '../api/use-project-query';
import { AssociationChart } from '../charts/association-chart';
import { LESS_COLOUR, MORE_COLOUR } from '../charts/association-option';
import { type Choice, NumberField, SelectField } from '../components/form-fields';
import { QueryStatus } from '../components/query-status';
import { formatCount } from '../format/number';
import { useDashboard } from '../state/dashboard-context';
import { AssociationTable } from './mining/association-table';

type Settings = Omit<AssociationParams, 'from' | 'to'>;

const SIDES: Choice<AssociationSide>[] = [
  { value: 'bought_together', label: 'Products bought together' },
  { value: 'viewed_together', label: 'Products viewed together' },
  { value: 'search_to_product', label: 'Search term → product viewed' },
  { value: 'channel_to_category', label: 'Entry channel → category bought' },
  { value: 'segment_to_product', label: 'Segment → product bought' },
];
const SORTS: Choice<AssociationSort>[] = [
  { value: 'significance', label: 'Most significant' },
  { value: 'surprise', label: 'Most surprising' },
  { value: 'support', label: 'Most frequent' },
  { value: 'confidence', label: 'Highest confidence' },
];

function Controls({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const set = (change: Partial<Settings>) => onChange({ ...settings, ...change });
  return (
    <fieldset className="card controls-card">
      <legend className="visually-hidden">Association settings</legend>
      <SelectField
        label="Associate"
        testId="association-side"
        value={settings.side}
        choices={SIDES}
        onChange={(side) => set({ side })}
      />
      <NumberField
        label="Min. support (% of baskets)"
        testId="association-min-support"
        min={0.001}
        max={100}
        step={0.05}
        value={Math.round(settings.minSupport * 100000) / 1000}
        onChange={(pct) => set({ minSupport: pct / 100 })}
      />
      <NumberField
        label="Min. confidence (%)"
        testId="association-min-confidence"
        min={0}
        max={100}
        step={5}
        value={Math.round(settings.minConfidence * 100)}
        onChange={(pct) => set({ minConfidence: pct / 100 })}
      />
      <SelectField
        label="Order"
        testId="association-sort"
        value={settings.sort}
        choices={SORTS}
        onChange={(sort) => set({ sort })}
      />
    </fieldset>
  );
}

export function AssociationsPage() {
  const { range } = useDashboard();
  const [settings, setSettings] = useState<Settings>({
    side: 'bought_together',
    minSupport: 0.002,
    minConfidence: 0,
    sort: 'significance',
  });
  const query = useProjectQuery(
    associationsPath({ ...settings, from: range.from, to: range.to }),
    parseAssociationReport,
  );
  const data = query.data;
  return (
    <div className="page" data-testid="associations-page" data-state={query.status}>
      <div className="page-heading">
        <h1>Associations</h1>
        <p className="muted">
          Pairs that occur together, with the count expected if they were independent (baskets × share of A ×
          share of B) and the surprise factor observed ÷ expected:{' '}
          <span style={{ color: MORE_COLOUR, fontWeight: 600 }}>▲ more often than chance</span>,{' '}
          <span style={{ color: LESS_COLOUR, fontWeight: 600 }}>▼ less often</span>. q is Fisher's exact test
          corrected for the number of pairs tested (Benjamini-Hochberg).
        </p>
      </div>
      <Controls settings={settings} onChange={setSettings} />
      <QueryStatus query={query} />
      {data !== null && (
        <div className={`page-stack${query.status === 'loading' ? ' stale' : ''}`}>
          <p className="muted" data-testid="association-summary">
            {formatCount(data.basketCount)} {data.basketKind} from {data.from} to {data.to}; pairs in at least{' '}
            {formatCount(data.minCount)} of them: {formatCount(data.associationCount)} associations
            {data.truncated ? ' (the most frequent pairs only)' : ''}.
          </p>
          {data.associations.length === 0 ? (
            <p className="muted">
              No pair is that frequent: lower the minimum support or widen the date range.
            </p>
          ) : (
            <>
              <section className="card chart-card" aria-labelledby="association-chart-title">
                <h2 id="association-chart-title">Observed against expected</h2>
                <AssociationChart associations={data.associations} labels={data.labels} />
              </section>
              <section className="card table-card" aria-labelledby="association-table-title">
                <h2 id="association-table-title">All associations listed</h2>
                <AssociationTable associations={data.associations} labels={data.labels} />
              </section>
            </>
          )}
        </div>
      )}
    </div>
  );
}
