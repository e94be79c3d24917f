// Controls of the Cohorts page: what starts a cohort (first order, first visit, entry into a
// segment), what counts as active, the period, how many periods to show, whether cohorts start in the
// header's date range or in the last periods before its end, a segment to restrict to and one to
// compare with.
import type { CohortActivity, CohortBasis, CohortPeriod } from '../../api/customer-analytics';
import type { SegmentInfo } from '../../api/segments';
import { SegmentPicker } from './segment-picker';

export interface CohortSettings {
  cohort: CohortBasis;
  activity: CohortActivity;
  period: CohortPeriod;
  periods: number;
  /** true: cohorts starting in the date range; false: the last `periods` periods up to its end. */
  useRangeStart: boolean;
  segment: string | null;
  compareSegment: string | null;
}

export const DEFAULT_PERIODS: Readonly<Record<CohortPeriod, number>> = { day: 14, week: 12, month: 6 };
export const MAX_PERIODS = 60;

interface Props {
  settings: CohortSettings;
  segments: readonly SegmentInfo[];
  onChange: (settings: CohortSettings) => void;
}

export function CohortControls({ settings, segments, onChange }: Props) {
  const set = (change: Partial<CohortSettings>) => onChange({ ...settings, ...change });
  const bySegment = settings.cohort === 'segment_entry';
  return (
    <fieldset className="card controls-card">
      <legend className="visually-hidden">Cohort settings</legend>
      <label className="field">
        <span className="field-label">Cohort by</span>
        <select
          data-testid="cohort-by"
          value={settings.cohort}
          onChange={(e) => {
            const cohort = e.target.value as CohortBasis;
            // Segment entry needs a segment: take the first one rather than sending an invalid query.
            const segment =
              cohort === 'segment_entry'
                ? (settings.segment ?? segments[0]?.segmentId ?? null)
                : settings.segment;
            set({ cohort, segment });
          }}
        >
          <option value="first_order">First order</option>
          <option value="first_visit">First visit</option>
          <option value="segment_entry" disabled={segments.length === 0}>
            Segment entry
          </option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Active means</span>
        <select
          data-testid="cohort-activity"
          value={settings.activity}
          onChange={(e) => set({ activity: e.target.value as CohortActivity })}
        >
          <option value="order">Ordered</option>
          <option value="visit">Visited</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Period</span>
        <select
          data-testid="cohort-period"
          value={settings.period}
          onChange={(e) => {
            const period = e.target.value as CohortPeriod;
            set({ period, periods: DEFAULT_PERIODS[period] });
          }}
        >
          <option value="day">Day</option>
          <option value="week">Week</option>
          <option value="month">Month</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Periods</span>
        <input
          type="number"
          data-testid="cohort-periods"
          className="input-narrow"
          min={1}
          max={MAX_PERIODS}
          value={settings.periods}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (Number.isFinite(n) && n >= 1 && n <= MAX_PERIODS) set({ periods: n });
          }}
        />
      </label>
      <label className="field">
        <input
          type="checkbox"
          className="checkbox"
          data-testid="cohort-use-range"
          checked={settings.useRangeStart}
          onChange={(e) => set({ useRangeStart: e.target.checked })}
        />
        <span className="field-label">Only cohorts starting in the date range</span>
      </label>
      <SegmentPicker
        label={bySegment ? 'Segment' : 'Only segment'}
        testId="cohort-segment"
        value={settings.segment}
        segments={segments}
        none={bySegment ? 'Pick a segment' : 'All customers'}
        onChange={(segment) => set({ segment })}
      />
      <SegmentPicker
        label="Compare with"
        testId="cohort-compare"
        value={settings.compareSegment}
        segments={segments}
        none="No comparison"
        onChange={(compareSegment) => set({ compareSegment })}
      />
    </fieldset>
  );
}
