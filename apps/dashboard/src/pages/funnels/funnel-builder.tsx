// The ad-hoc funnel builder: ordered steps (an event name, page:<type>, category:<name>, * or
// alternatives with |), each optionally optional; the funnel runs when asked, not per keystroke.
import { useState } from 'react';
import { parseFunnel } from '../../api/journey-parsers';
import { type FunnelSettings, funnelPath, type Scope } from '../../api/journeys';
import { useProjectQuery } from '../../api/use-project-query';
import { FunnelOptions } from './funnel-options';
import { FunnelResult } from './funnel-result';

export interface DraftStep {
  id: number;
  text: string;
  optional: boolean;
}

const START: readonly string[] = ['Product Viewed', 'Product Added', 'Checkout Started', 'Order Completed'];
let nextId = 0;
const draft = (text: string, optional = false): DraftStep => ({ id: nextId++, text, optional });

function FunnelAnswer({ path }: { path: string }) {
  const query = useProjectQuery(path, parseFunnel);
  return (
    <div data-state={query.status}>
      {query.status === 'error' && (
        <div className="card error-card" role="alert" data-testid="funnel-error">
          <p className="error">{query.error.message}</p>
        </div>
      )}
      {query.status === 'loading' && query.data === null && <p className="muted">Loading…</p>}
      {query.data !== null && (
        <div className={query.status === 'loading' ? 'stale' : undefined}>
          <FunnelResult report={query.data} chartTestId="funnel-chart" />
        </div>
      )}
    </div>
  );
}

export function FunnelBuilder({ scope }: { scope: Scope }) {
  const [steps, setSteps] = useState<DraftStep[]>(() => START.map((s) => draft(s)));
  const [settings, setSettings] = useState<FunnelSettings>({
    window: '1d',
    entity: 'session',
    breakdown: null,
    comparePrevious: false,
  });
  const [applied, setApplied] = useState<{ steps: DraftStep[]; settings: FunnelSettings } | null>(() => ({
    steps,
    settings,
  }));
  const update = (id: number, change: Partial<DraftStep>) =>
    setSteps((all) => all.map((s) => (s.id === id ? { ...s, ...change } : s)));
  const usable = steps.filter((s) => s.text.trim() !== '');
  const problem =
    usable.length === 0
      ? 'Add at least one step.'
      : usable[0]!.optional
        ? 'The first step cannot be optional.'
        : usable.some((s) => s.text.includes(','))
          ? 'A step cannot contain a comma.'
          : null;

  return (
    <section className="page-stack" aria-labelledby="funnel-builder-title">
      <h2 id="funnel-builder-title">Funnel builder</h2>
      <fieldset className="card controls-card" data-testid="funnel-builder">
        <legend className="visually-hidden">Funnel steps</legend>
        {/* The steps take a line of their own above the options. */}
        <ol className="page-stack" style={{ flexBasis: '100%', margin: 0, gap: 8 }}>
          {steps.map((s, i) => (
            <li key={s.id} className="field">
              <input
                data-testid={`funnel-step-${i}`}
                value={s.text}
                aria-label={`Step ${i + 1}`}
                placeholder="Event name, page:cart, category:Garden or *"
                onChange={(e) => update(s.id, { text: e.target.value })}
              />
              <label className="field">
                <input
                  type="checkbox"
                  className="checkbox"
                  data-testid={`funnel-step-${i}-optional`}
                  checked={s.optional}
                  onChange={(e) => update(s.id, { optional: e.target.checked })}
                />
                <span className="field-label">optional</span>
              </label>
              <button
                type="button"
                className="button-secondary"
                aria-label={`Remove step ${i + 1}`}
                onClick={() => setSteps((all) => all.filter((x) => x.id !== s.id))}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button-secondary"
          data-testid="funnel-add-step"
          disabled={steps.length >= 12}
          onClick={() => setSteps((all) => [...all, draft('')])}
        >
          Add step
        </button>
        <span style={{ flexBasis: '100%' }} />
        <FunnelOptions settings={settings} onChange={setSettings} testPrefix="funnel" />
        <button
          type="button"
          className="button-primary"
          data-testid="funnel-run"
          disabled={problem !== null}
          onClick={() => setApplied({ steps: usable, settings })}
        >
          Show funnel
        </button>
        {problem !== null && <p className="field-problem">{problem}</p>}
      </fieldset>
      {applied !== null && <FunnelAnswer path={funnelPath(scope, applied.settings, applied.steps)} />}
    </section>
  );
}
