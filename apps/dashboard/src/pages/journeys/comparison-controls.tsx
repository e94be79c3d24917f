// The scope controls the journey pages share: a segment to look at, and what to show beside it
// (nothing, the previous period, another period, another segment or every session).
import type { Comparison } from '../../api/journeys';
import type { SegmentInfo } from '../../api/segments';
import { SegmentPicker } from '../cohorts/segment-picker';

export type ComparisonMode = 'none' | 'previous' | 'period' | 'segment';

export interface ScopeSettings {
  segment: string | null;
  mode: ComparisonMode;
  compareFrom: string;
  compareTo: string;
  /** A segment id, or 'all' for every session. */
  compareSegment: string;
}

export const DEFAULT_SCOPE: ScopeSettings = {
  segment: null,
  mode: 'none',
  compareFrom: '',
  compareTo: '',
  compareSegment: 'all',
};

const DAY_MS = 86_400_000;
const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The period of the same length just before a range. */
export function previousPeriod(range: { from: string; to: string }): { from: string; to: string } {
  const start = Date.parse(`${range.from}T00:00:00Z`);
  const length = Date.parse(`${range.to}T00:00:00Z`) - start + DAY_MS;
  return { from: dayText(start - length), to: dayText(start - DAY_MS) };
}

/** The comparison the API is asked for; none while a custom period is incomplete. */
export function comparisonOf(s: ScopeSettings, range: { from: string; to: string }): Comparison {
  switch (s.mode) {
    case 'none':
      return { kind: 'none' };
    case 'previous':
      return { kind: 'period', ...previousPeriod(range) };
    case 'period':
      return s.compareFrom !== '' && s.compareTo !== '' && s.compareFrom <= s.compareTo
        ? { kind: 'period', from: s.compareFrom, to: s.compareTo }
        : { kind: 'none' };
    case 'segment':
      return { kind: 'segment', segment: s.compareSegment };
  }
}

interface Props {
  settings: ScopeSettings;
  segments: readonly SegmentInfo[];
  onChange: (settings: ScopeSettings) => void;
}

export function ComparisonControls({ settings, segments, onChange }: Props) {
  const set = (change: Partial<ScopeSettings>) => onChange({ ...settings, ...change });
  return (
    <fieldset className="card controls-card">
      <legend className="visually-hidden">Sessions and comparison</legend>
      <SegmentPicker
        label="Sessions of"
        testId="journeys-segment"
        value={settings.segment}
        segments={segments}
        none="Everyone"
        onChange={(segment) => set({ segment })}
      />
      <label className="field">
        <span className="field-label">Compare with</span>
        <select
          data-testid="journeys-compare"
          value={settings.mode}
          onChange={(e) => set({ mode: e.target.value as ComparisonMode })}
        >
          <option value="none">Nothing</option>
          <option value="previous">The period before</option>
          <option value="period">Another period</option>
          <option value="segment">Another segment</option>
        </select>
      </label>
      {settings.mode === 'period' && (
        <>
          <label className="field">
            <span className="field-label">From</span>
            <input
              type="date"
              data-testid="journeys-compare-from"
              value={settings.compareFrom}
              onChange={(e) => set({ compareFrom: e.target.value })}
            />
          </label>
          <label className="field">
            <span className="field-label">To</span>
            <input
              type="date"
              data-testid="journeys-compare-to"
              value={settings.compareTo}
              onChange={(e) => set({ compareTo: e.target.value })}
            />
          </label>
        </>
      )}
      {settings.mode === 'segment' && (
        <label className="field">
          <span className="field-label">Segment</span>
          <select
            data-testid="journeys-compare-segment"
            value={settings.compareSegment}
            onChange={(e) => set({ compareSegment: e.target.value })}
          >
            <option value="all">Everyone</option>
            {segments.map((s) => (
              <option key={s.segmentId} value={s.segmentId}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
