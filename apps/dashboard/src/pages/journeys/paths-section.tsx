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
import { type Choice, NumberField, SelectField } from '../../components/form-fields';
import { QueryStatus } from '../../components/query-status';

const GROUPINGS: Choice<PathGrouping>[] = [
  { value: 'event', label: 'Event names' },
  { value: 'page_type', label: 'Page types' },
  { value: 'category', label: 'Categories' },
];
const ANCHORS: Choice<PathSettings['anchor']>[] = [
  { value: 'start', label: 'from the session start' },
  { value: 'from', label: 'from a step' },
  { value: 'to', label: 'to a step' },
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
      <SelectField
        label="Steps are"
        testId="paths-group-by"
        value={settings.groupBy}
        choices={GROUPINGS}
        // Step names differ per grouping: a chosen step no longer applies.
        onChange={(groupBy) => set({ groupBy, step: '', anchor: 'start' })}
      />
      <SelectField
        label="Paths"
        testId="paths-anchor"
        value={settings.anchor}
        choices={ANCHORS}
        onChange={(anchor) => set({ anchor })}
      />
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
      <NumberField
        label="Steps shown"
        testId="paths-depth"
        min={2}
        max={10}
        integer
        value={settings.depth}
        onChange={(depth) => set({ depth })}
      />
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
      <QueryStatus query={query} />
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
