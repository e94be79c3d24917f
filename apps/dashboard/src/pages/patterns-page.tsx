// Pattern Explorer page: frequent ordered behaviour patterns in the sessions of the date range
// (event names, page types or categories), with the conversion rate of the sessions holding
// each, and the patterns that most separate converting from abandoning sessions.
import { useState } from 'react';
import { type PatternParams, type PatternVocabulary, parsePatternReport, patternsPath } from '../api/mining';
import { useProjectQuery } from '../api/use-project-query';
import { type Choice, NumberField, SelectField } from '../components/form-fields';
import { KpiTile } from '../components/kpi-tile';
import { QueryStatus } from '../components/query-status';
import { formatCount, formatPercent } from '../format/number';
import { useDashboard } from '../state/dashboard-context';
import { SegmentPicker } from './cohorts/segment-picker';
import { useSegmentOptions } from './cohorts/use-segment-options';
import { PatternTable, SeparatingList } from './mining/pattern-table';

type Settings = Omit<PatternParams, 'from' | 'to'>;

const VOCABULARIES: Choice<PatternVocabulary>[] = [
  { value: 'page_type', label: 'Page types' },
  { value: 'event', label: 'Event names' },
  { value: 'category', label: 'Categories' },
];

function Controls({ settings, onChange }: { settings: Settings; onChange: (s: Settings) => void }) {
  const { segments } = useSegmentOptions();
  const set = (change: Partial<Settings>) => onChange({ ...settings, ...change });
  return (
    <fieldset className="card controls-card">
      <legend className="visually-hidden">Pattern settings</legend>
      <SelectField
        label="Steps are"
        testId="pattern-vocabulary"
        value={settings.vocabulary}
        choices={VOCABULARIES}
        onChange={(vocabulary) => set({ vocabulary })}
      />
      <NumberField
        label="Min. support (% of sessions)"
        testId="pattern-min-support"
        min={0.01}
        max={100}
        step={0.1}
        value={Math.round(settings.minSupport * 10000) / 100}
        onChange={(pct) => set({ minSupport: pct / 100 })}
      />
      <NumberField
        label="Max. length"
        testId="pattern-max-length"
        min={1}
        max={10}
        integer
        value={settings.maxLength}
        onChange={(maxLength) => set({ maxLength })}
      />
      <SegmentPicker
        label="Only segment"
        testId="pattern-segment"
        value={settings.segment}
        segments={segments}
        none="All sessions"
        onChange={(segment) => set({ segment })}
      />
    </fieldset>
  );
}

export function PatternsPage() {
  const { range } = useDashboard();
  const [settings, setSettings] = useState<Settings>({
    vocabulary: 'page_type',
    minSupport: 0.02,
    maxLength: 4,
    segment: null,
  });
  const query = useProjectQuery(
    patternsPath({ ...settings, from: range.from, to: range.to }),
    parsePatternReport,
  );
  const data = query.data;
  return (
    <div className="page" data-testid="patterns-page" data-state={query.status}>
      <div className="page-heading">
        <h1>Pattern Explorer</h1>
        <p className="muted">
          Steps that sessions take in this order (other steps may come between), how many sessions take them,
          how many of those convert, and which patterns set converting sessions apart from abandoning ones
          (Fisher's exact test, false discovery rate 5 %).
        </p>
      </div>
      <Controls settings={settings} onChange={setSettings} />
      <QueryStatus query={query} />
      {data !== null && (
        <div className={`page-stack${query.status === 'loading' ? ' stale' : ''}`}>
          <div className="kpi-grid">
            <KpiTile
              id="pattern-sessions"
              label="Sessions"
              value={data.sessionCount}
              formatted={formatCount(data.sessionCount)}
              definition="Sessions in the range with at least one step of this kind."
            />
            <KpiTile
              id="pattern-conversion"
              label="Conversion rate"
              value={data.conversionRate}
              formatted={formatPercent(data.conversionRate)}
              definition="Of those, sessions with an order that was not cancelled."
            />
            <KpiTile
              id="pattern-count"
              label="Frequent patterns"
              value={data.patternCount}
              formatted={formatCount(data.patternCount)}
              definition={`Patterns in at least ${formatCount(data.minCount)} session${data.minCount === 1 ? '' : 's'}.`}
            />
          </div>
          <section className="card section-card" aria-labelledby="separating-title">
            <h2 id="separating-title">What separates converting from abandoning sessions</h2>
            <SeparatingList
              patterns={data.separating}
              convertedCount={data.convertedCount}
              abandonedCount={data.sessionCount - data.convertedCount}
            />
          </section>
          <section className="card table-card" aria-labelledby="patterns-title">
            <h2 id="patterns-title">
              Frequent patterns
              {data.patternCount > data.patterns.length ? ` (the ${data.patterns.length} most frequent)` : ''}
            </h2>
            {data.truncated && (
              <p className="hint">The search stopped at its limit: raise the minimum support.</p>
            )}
            {data.patterns.length === 0 ? (
              <p className="muted">No pattern is that frequent: lower the minimum support.</p>
            ) : (
              <PatternTable patterns={data.patterns} conversionRate={data.conversionRate} />
            )}
          </section>
        </div>
      )}
    </div>
  );
}
