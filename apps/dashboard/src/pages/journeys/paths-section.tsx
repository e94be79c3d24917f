// Paths of sessions as a Sankey: grouped by event name, page type or category; from the
// session start, from a chosen step or to a chosen step; beside the compared period or segment.
import { useState } from 'react';
import { parsePaths } from '../../api/journey-parsers';
import {
  type Comparison,
  type PathGrouping,
  type PathSettings,
  pathsPath,
  type Scope,
} from '../../api/journeys';
import { useProjectQuery } from '../../api/use-project-query';
import { PathsSankey } from '../../charts/journey-charts';

const GROUPINGS: { value: PathGrouping; label: string }[] = [
  { value: 'event', label: 'Event names' },
  { value: 'page_type', label: 'Page types' },
  { value: 'category', label: 'Categories' },
];

function PathControls({
  settings,
  steps,
  onChange,
}: {
  settings: PathSettings;
  steps: readonly string[];
  onChange: (s: PathSettings) => void;
}) {
  const set = (change: Partial<PathSettings>) => onChange({ ...settings, ...change });
  return (
    <fieldset className="card controls-card">
      <legend className="visually-hidden">Path settings</legend>
      <label className="field">
        <span className="field-label">Steps are</span>
        <select
          data-testid="paths-group-by"
          value={settings.groupBy}
          // Step names differ per grouping: a chosen step no longer applies.
          onChange={(e) => set({ groupBy: e.target.value as PathGrouping, step: '', anchor: 'start' })}
        >
          {GROUPINGS.map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Paths</span>
        <select
          data-testid="paths-anchor"
          value={settings.anchor}
          onChange={(e) => set({ anchor: e.target.value as PathSettings['anchor'] })}
        >
          <option value="start">from the session start</option>
          <option value="from">from a step</option>
          <option value="to">to a step</option>
        </select>
      </label>
      {settings.anchor !== 'start' && (
        <label className="field">
          <span className="field-label">Step</span>
          <input
            list="paths-step-options"
            data-testid="paths-step"
            value={settings.step}
            placeholder="e.g. Product Added"
            onChange={(e) => set({ step: e.target.value })}
          />
          <datalist id="paths-step-options">
            {steps.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </label>
      )}
      <label className="field">
        <span className="field-label">Steps shown</span>
        <input
          type="number"
          className="input-narrow"
          data-testid="paths-depth"
          min={2}
          max={10}
          value={settings.depth}
          onChange={(e) => {
            const n = Math.round(Number(e.target.value));
            if (n >= 2 && n <= 10) set({ depth: n });
          }}
        />
      </label>
      <label className="field">
        <input
          type="checkbox"
          className="checkbox"
          data-testid="paths-collapse"
          checked={settings.collapse}
          onChange={(e) => set({ collapse: e.target.checked })}
        />
        <span className="field-label">Merge repeats of a step</span>
      </label>
    </fieldset>
  );
}

const scopeName = (
  s: { from: string; to: string; segmentId: string | null },
  nameOf: (id: string) => string,
) => `${s.segmentId === null ? 'Everyone' : `Segment “${nameOf(s.segmentId)}”`} · ${s.from} to ${s.to}`;

export function PathsSection({
  scope,
  comparison,
  nameOf,
}: {
  scope: Scope;
  comparison: Comparison;
  nameOf: (id: string) => string;
}) {
  const [settings, setSettings] = useState<PathSettings>({
    groupBy: 'page_type',
    depth: 5,
    anchor: 'start',
    step: '',
    collapse: false,
  });
  const query = useProjectQuery(pathsPath(scope, comparison, settings), parsePaths);
  const data = query.data;
  const steps = [
    ...new Set(data?.sankey.nodes.map((n) => n.step).filter((s) => s !== '(other)') ?? []),
  ].sort();
  return (
    <section className="page-stack" aria-labelledby="paths-title" data-state={query.status}>
      <h2 id="paths-title">Paths</h2>
      <PathControls settings={settings} steps={steps} onChange={setSettings} />
      {settings.anchor !== 'start' && settings.step === '' && (
        <p className="hint">Pick the step the paths start from or lead to.</p>
      )}
      {query.status === 'error' && (
        <div className="card error-card" role="alert">
          <p className="error">{query.error.message}</p>
          <button type="button" className="button-secondary" onClick={query.retry}>
            Try again
          </button>
        </div>
      )}
      {query.status === 'loading' && data === null && <p className="muted">Loading…</p>}
      {data !== null && (
        <div className={`comparison-grid${query.status === 'loading' ? ' stale' : ''}`}>
          <section className="card chart-card">
            <h3>{scopeName(data, nameOf)}</h3>
            <PathsSankey sankey={data.sankey} label="Paths" />
            <p className="muted">
              {data.sankey.sessions} sessions. Each column is a step; the share is of all sessions counted.
            </p>
          </section>
          {data.comparison !== null && (
            <section className="card chart-card" data-testid="paths-comparison">
              <h3>{scopeName(data.comparison, nameOf)}</h3>
              <PathsSankey
                sankey={data.comparison.sankey}
                label="Compared paths"
                testId="paths-sankey-compare"
              />
              <p className="muted">{data.comparison.sankey.sessions} sessions.</p>
            </section>
          )}
        </div>
      )}
    </section>
  );
}
