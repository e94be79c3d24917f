// Cohorts page: customers grouped by when they started (first order, first visit or segment entry)
// and the share of each cohort active in the following periods, as a heatmap; optionally compared
// with the cohorts of a segment (its heatmap and the difference in percentage points).
import { useMemo, useState } from 'react';
import { parseRetention, type RetentionReport, retentionPath } from '../api/customer-analytics';
import { useProjectQuery } from '../api/use-project-query';
import { differenceHeatmap, rateHeatmap } from '../charts/retention-option';
import { QueryStatus } from '../components/query-status';
import { useDashboard } from '../state/dashboard-context';
import { CohortControls, type CohortSettings, DEFAULT_PERIODS } from './cohorts/cohort-controls';
import { RetentionCard } from './cohorts/retention-card';
import { useSegmentOptions } from './cohorts/use-segment-options';

function RetentionCharts({ report, nameOf }: { report: RetentionReport; nameOf: (id: string) => string }) {
  const base = useMemo(() => rateHeatmap(report.matrix), [report.matrix]);
  const comparison = report.comparison;
  const compared = useMemo(() => (comparison === null ? null : rateHeatmap(comparison.matrix)), [comparison]);
  const difference = useMemo(
    () => (comparison === null ? null : differenceHeatmap(comparison)),
    [comparison],
  );
  const baseName = report.segmentId === null ? 'all customers' : `segment “${nameOf(report.segmentId)}”`;
  return (
    <>
      <RetentionCard
        title={`Retention · ${baseName} · cohorts ${report.from} to ${report.to}`}
        definition={report.matrix.definition}
        data={base}
        testId="retention-heatmap"
      />
      {comparison !== null && compared !== null && difference !== null && (
        <div className="comparison-grid" data-testid="retention-comparison">
          <RetentionCard
            title={`Retention · segment “${nameOf(comparison.segmentId)}”`}
            definition={comparison.matrix.definition}
            data={compared}
            testId="retention-heatmap-compare"
          />
          <RetentionCard
            title={`Difference · “${nameOf(comparison.segmentId)}” − ${baseName}`}
            definition={comparison.definition.replaceAll(
              `segment ${comparison.segmentId}`,
              `segment “${nameOf(comparison.segmentId)}”`,
            )}
            data={difference}
            testId="retention-heatmap-difference"
          />
        </div>
      )}
    </>
  );
}

/** Mounted only with a complete query (cohorts by segment entry need their segment). */
function RetentionSection({
  settings,
  nameOf,
}: {
  settings: CohortSettings;
  nameOf: (id: string) => string;
}) {
  const { range } = useDashboard();
  const query = useProjectQuery(
    retentionPath({ ...settings, from: settings.useRangeStart ? range.from : null, to: range.to }),
    parseRetention,
  );
  return (
    <div className="page-stack" data-testid="retention" data-state={query.status}>
      <QueryStatus query={query} />
      {query.data !== null && (
        <div className={`page-stack${query.status === 'loading' ? ' stale' : ''}`}>
          <RetentionCharts report={query.data} nameOf={nameOf} />
        </div>
      )}
    </div>
  );
}

export function CohortsPage() {
  const { segments, error: segmentsError } = useSegmentOptions();
  const [settings, setSettings] = useState<CohortSettings>({
    cohort: 'first_order',
    activity: 'order',
    period: 'month',
    periods: DEFAULT_PERIODS.month,
    useRangeStart: false,
    segment: null,
    compareSegment: null,
  });
  const needsSegment = settings.cohort === 'segment_entry' && settings.segment === null;
  const nameOf = (id: string) => segments.find((s) => s.segmentId === id)?.name ?? id;

  return (
    <div className="page" data-testid="cohorts-page">
      <div className="page-heading">
        <h1>Cohorts and retention</h1>
        <p className="muted">
          Each row is a cohort of customers who started in the same period; each cell the share of them active
          that many periods later. The header's end date is the last day a cohort may start.
        </p>
      </div>
      <CohortControls settings={settings} segments={segments} onChange={setSettings} />
      {segmentsError !== null && <p className="hint">Segments could not be loaded: {segmentsError}</p>}
      {needsSegment ? (
        <p className="muted">Pick the segment whose entries start the cohorts.</p>
      ) : (
        <RetentionSection settings={settings} nameOf={nameOf} />
      )}
    </div>
  );
}
