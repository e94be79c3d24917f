// Cohorts page: customers grouped by when they started (first order, first visit or segment entry)
// and the share of each cohort active in the following periods, as a heatmap; optionally compared
// with the cohorts of a segment (its heatmap and the difference in percentage points).
import { useMemo, useState } from 'react';
import {
  parseRetention,
  type RetentionMatrix,
  type RetentionResult,
  retentionPath,
} from '../api/customer-analytics';
import { useProjectQuery } from '../api/use-project-query';
import { differenceMatrix } from '../charts/retention-option';
import { useDashboard } from '../state/dashboard-context';
import { CohortControls, type CohortSettings, DEFAULT_PERIODS } from './cohorts/cohort-controls';
import { RetentionView } from './cohorts/retention-view';
import { useSegmentOptions } from './cohorts/use-segment-options';

const mainMatrix = (r: RetentionResult) => r.matrix;

const BASIS_TEXT: Readonly<Record<CohortSettings['cohort'], string>> = {
  first_order: 'first order',
  first_visit: 'first visit',
  segment_entry: 'first entry into the segment',
};

/** The comparison: the cohorts of the compared segment, and their difference to the base heatmap. */
function Comparison({
  settings,
  base,
  name,
  baseTitle,
}: {
  settings: CohortSettings;
  base: RetentionMatrix | null;
  name: string;
  baseTitle: string;
}) {
  const { range } = useDashboard();
  const query = useProjectQuery(
    retentionPath({ ...settings, ...range, segment: settings.compareSegment, compareSegment: null }),
    parseRetention,
  );
  const diff = useMemo(
    () => (base === null || query.data === null ? null : differenceMatrix(base, query.data.matrix)),
    [base, query.data],
  );
  return (
    <div className="comparison-grid" data-testid="retention-comparison">
      <RetentionView
        title={`Segment “${name}”`}
        query={query}
        matrixOf={mainMatrix}
        testId="retention-heatmap-compare"
      />
      <RetentionView
        title={`Difference: “${name}” − ${baseTitle.toLowerCase()}`}
        query={query}
        matrixOf={() => diff}
        testId="retention-heatmap-difference"
        kind="difference"
        note="Percentage points; green where the segment retains better."
      />
    </div>
  );
}

/** The base heatmap and, when asked for, the comparison. Mounted only with a complete query. */
function RetentionSection({
  settings,
  nameOf,
}: {
  settings: CohortSettings;
  nameOf: (id: string) => string;
}) {
  const { range } = useDashboard();
  const query = useProjectQuery(
    retentionPath({ ...settings, ...range, compareSegment: null }),
    parseRetention,
  );
  const baseTitle = settings.segment === null ? 'All customers' : `Segment “${nameOf(settings.segment)}”`;
  return (
    <>
      <RetentionView
        title={`Retention · ${baseTitle}`}
        query={query}
        matrixOf={mainMatrix}
        testId="retention-heatmap"
      />
      {settings.compareSegment !== null && (
        <Comparison
          key={settings.compareSegment}
          settings={settings}
          base={query.data?.matrix ?? null}
          name={nameOf(settings.compareSegment)}
          baseTitle={baseTitle}
        />
      )}
    </>
  );
}

export function CohortsPage() {
  const { range } = useDashboard();
  const { segments, error: segmentsError } = useSegmentOptions();
  const [settings, setSettings] = useState<CohortSettings>({
    cohort: 'first_order',
    period: 'month',
    periods: DEFAULT_PERIODS.month,
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
          Cohorts by {BASIS_TEXT[settings.cohort]} between {range.from} and {range.to} (UTC); a cell is the
          share of the cohort active in that period.
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
