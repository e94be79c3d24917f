// Journeys page: where the sessions of the date range enter (marketing channel, landing page),
// how they end (order, cart abandoned, bounce, browse), what they search and view, and their
// paths as a Sankey; everything optionally beside another period or segment.
import { useState } from 'react';
import { parseJourneys } from '../api/journey-parsers';
import { journeysPath } from '../api/journeys';
import { useProjectQuery } from '../api/use-project-query';
import { QueryStatus } from '../components/query-status';
import { useDashboard } from '../state/dashboard-context';
import { useSegmentOptions } from './cohorts/use-segment-options';
import {
  ComparisonControls,
  comparisonOf,
  DEFAULT_SCOPE,
  type ScopeSettings,
} from './journeys/comparison-controls';
import { PathsSection } from './journeys/paths-section';
import { SummaryTables } from './journeys/summary-tables';

export function JourneysPage() {
  const { range } = useDashboard();
  const { segments, error: segmentsError } = useSegmentOptions();
  const [settings, setSettings] = useState<ScopeSettings>(DEFAULT_SCOPE);
  const scope = { from: range.from, to: range.to, segment: settings.segment };
  const comparison = comparisonOf(settings, range);
  const query = useProjectQuery(journeysPath(scope, comparison), parseJourneys);
  const data = query.data;
  const nameOf = (id: string) => segments.find((s) => s.segmentId === id)?.name ?? id;
  const title = (s: { from: string; to: string; segmentId: string | null }) =>
    `${s.segmentId === null ? 'Everyone' : `Segment “${nameOf(s.segmentId)}”`} · ${s.from} to ${s.to}`;

  return (
    <div className="page" data-testid="journeys-page" data-state={query.status}>
      <div className="page-heading">
        <h1>Customer journeys</h1>
        <p className="muted">
          Where sessions come from, what they look at and how they end. A session's channel comes from the UTM
          tags and referrer of its first event.
        </p>
      </div>
      <ComparisonControls settings={settings} segments={segments} onChange={setSettings} />
      {segmentsError !== null && <p className="hint">Segments could not be loaded: {segmentsError}</p>}
      <QueryStatus query={query} />
      {data !== null && (
        <div className={`comparison-grid${query.status === 'loading' ? ' stale' : ''}`}>
          <section aria-label={title(data)}>
            <h2>{title(data)}</h2>
            <SummaryTables summary={data.summary} testId="journeys-summary" />
          </section>
          {data.comparison !== null && (
            <section aria-label={title(data.comparison)} data-testid="journeys-comparison">
              <h2>{title(data.comparison)}</h2>
              <SummaryTables summary={data.comparison.summary} testId="journeys-summary-compare" />
            </section>
          )}
        </div>
      )}
      <PathsSection scope={scope} comparison={comparison} nameOf={nameOf} />
    </div>
  );
}
