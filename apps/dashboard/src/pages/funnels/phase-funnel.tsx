// The journey-phase funnel (awareness .. loyalty) and the editor of the project's phase mapping:
// which events make up each phase, one step text per line ("Product Viewed", "page:product").
import { useState } from 'react';
import { parseJourneySettings, parsePhaseFunnel } from '../../api/journey-parsers';
import {
  type FunnelSettings,
  JOURNEY_SETTINGS_PATH,
  type PhaseMappingEntry,
  phaseFunnelPath,
  type Scope,
} from '../../api/journeys';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { useProjectQuery } from '../../api/use-project-query';
import { QueryStatus } from '../../components/query-status';
import { FunnelOptions } from './funnel-options';
import { FunnelResult } from './funnel-result';

function MappingEditor({
  mapping,
  custom,
  onSaved,
}: {
  mapping: readonly PhaseMappingEntry[];
  custom: boolean;
  onSaved: () => void;
}) {
  const act = useProjectAction();
  const [text, setText] = useState(() => mapping.map((m) => ({ ...m, lines: m.match.join('\n') })));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (phases: unknown) => {
    setBusy(true);
    setProblem(null);
    try {
      await act(JOURNEY_SETTINGS_PATH, parseJourneySettings, { method: 'PUT', body: { phases } });
      onSaved();
    } catch (error) {
      setProblem(toApiError(error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="card section-card" data-testid="phase-mapping">
      <summary>
        Phase mapping ({custom ? "this project's own" : 'the default'}): which events make up each phase
      </summary>
      <div className="page-stack">
        {text.map((m, i) => (
          <label key={m.phase} className="field-stacked">
            <span className="field-label">
              {m.phase}
              {m.optional ? ' (optional)' : ''}
            </span>
            <textarea
              rows={Math.max(2, m.lines.split('\n').length)}
              data-testid={`phase-mapping-${m.phase}`}
              value={m.lines}
              onChange={(e) =>
                setText((all) => all.map((x, j) => (j === i ? { ...x, lines: e.target.value } : x)))
              }
            />
          </label>
        ))}
        <div className="button-row">
          <button
            type="button"
            className="button-primary"
            disabled={busy}
            onClick={() =>
              save(
                text.map((m) => ({
                  phase: m.phase,
                  optional: m.optional,
                  match: m.lines
                    .split('\n')
                    .map((l) => l.trim())
                    .filter((l) => l !== ''),
                })),
              )
            }
          >
            Save mapping
          </button>
          <button
            type="button"
            className="button-secondary"
            disabled={busy || !custom}
            onClick={() => save(null)}
          >
            Back to the default
          </button>
        </div>
        {problem !== null && <p className="error">{problem}</p>}
      </div>
    </details>
  );
}

export function PhaseFunnel({ scope }: { scope: Scope }) {
  const [settings, setSettings] = useState<FunnelSettings>({
    window: '90d',
    entity: 'profile',
    breakdown: null,
    comparePrevious: false,
  });
  const query = useProjectQuery(phaseFunnelPath(scope, settings), parsePhaseFunnel);
  const data = query.data;
  return (
    <section className="page-stack" aria-labelledby="phase-funnel-title" data-state={query.status}>
      <h2 id="phase-funnel-title">Journey phases</h2>
      <fieldset className="card controls-card">
        <legend className="visually-hidden">Journey-phase funnel settings</legend>
        <FunnelOptions settings={settings} onChange={setSettings} testPrefix="phase" />
      </fieldset>
      <QueryStatus query={query} />
      {data !== null && (
        <div className={`page-stack${query.status === 'loading' ? ' stale' : ''}`}>
          <FunnelResult report={data} chartTestId="phase-funnel" />
          <MappingEditor
            key={JSON.stringify(data.mapping)}
            mapping={data.mapping}
            custom={data.customMapping}
            onSaved={query.retry}
          />
        </div>
      )}
    </section>
  );
}
