// On-site page: the project's triggers (carousels, dwell and exit-intent pop-ins, social proof,
// free-shipping bar) with their impressions, clicks, dismissals and CTR over the selected range,
// pausing and activating them, and the editor for a new or selected trigger.
import type { TriggerPerformanceRow, TriggerWire } from '@centric/contracts';
import { useMemo, useState } from 'react';
import { parseSlotList, SLOTS_PATH } from '../api/recommendations';
import { parseSegmentList, SEGMENTS_PATH } from '../api/segments';
import {
  parsePerformance,
  parseTrigger,
  parseTriggerList,
  performancePath,
  TRIGGERS_PATH,
  triggerPath,
} from '../api/triggers';
import { toApiError, useProjectAction } from '../api/use-project-action';
import { useProjectQuery } from '../api/use-project-query';
import { QueryStatus } from '../components/query-status';
import { useDashboard } from '../state/dashboard-context';
import { TriggerEditor } from './onsite/trigger-editor';
import { TriggerTable } from './onsite/trigger-table';

export function OnsitePage() {
  const { range } = useDashboard();
  const call = useProjectAction();
  const triggers = useProjectQuery(TRIGGERS_PATH, parseTriggerList);
  const performance = useProjectQuery(performancePath(range.from, range.to), parsePerformance);
  const slots = useProjectQuery(SLOTS_PATH, parseSlotList);
  const segments = useProjectQuery(SEGMENTS_PATH, parseSegmentList);
  const [selected, setSelected] = useState<TriggerWire | null>(null);
  const [editor, setEditor] = useState(0);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const byId = useMemo(
    () => new Map<string, TriggerPerformanceRow>((performance.data?.rows ?? []).map((r) => [r.triggerId, r])),
    [performance.data],
  );
  const open = (trigger: TriggerWire | null) => {
    setSelected(trigger);
    setEditor((n) => n + 1);
  };
  const toggle = async (trigger: TriggerWire) => {
    setBusyId(trigger.triggerId);
    setProblem(null);
    try {
      const changed = await call(triggerPath(trigger.triggerId), parseTrigger, {
        method: 'PUT',
        body: { active: !trigger.active },
      });
      if (selected?.triggerId === changed.triggerId) open(changed);
      triggers.retry();
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusyId(null);
    }
  };
  const ready = triggers.status === 'ready' && performance.status === 'ready' ? 'ready' : triggers.status;

  return (
    <div className="page page-stack" data-testid="onsite-page" data-state={ready}>
      <div className="page-heading">
        <h1>On-site</h1>
        <p className="muted">
          Triggers are what the shop’s pages show a visitor besides its content: recommendation carousels, a
          pop-in with a coupon after some time on a product page, an exit-intent pop-in, social proof and a
          free-shipping bar. Pages ask <code>POST /v1/decide</code> (the SDK’s <code>centric.decide()</code>)
          and render the answer with the widgets; impressions, clicks and dismissals come back as Trigger
          events.
        </p>
      </div>
      <section className="card section-card" aria-labelledby="triggers-title">
        <div className="card-heading">
          <h2 id="triggers-title">Triggers</h2>
          <button
            type="button"
            className="button-secondary"
            data-testid="trigger-new"
            onClick={() => open(null)}
          >
            New trigger
          </button>
        </div>
        <p className="muted">
          {range.from} to {range.to} (UTC). CTR is clicks per impression.
        </p>
        <QueryStatus query={triggers} />
        {performance.status === 'error' && (
          <p className="error" role="alert">
            {performance.error.message}
          </p>
        )}
        {problem !== null && (
          <p className="error" role="alert">
            {problem}
          </p>
        )}
        {triggers.data !== null && (
          <div className={performance.status === 'loading' ? 'stale' : undefined}>
            <TriggerTable
              triggers={triggers.data}
              performance={byId}
              selectedId={selected?.triggerId ?? null}
              busyId={busyId}
              onSelect={open}
              onToggle={(t) => void toggle(t)}
            />
          </div>
        )}
      </section>
      <TriggerEditor
        key={editor}
        trigger={selected}
        slots={slots.data ?? []}
        segments={segments.data ?? []}
        onSaved={(trigger) => {
          setSelected(trigger);
          triggers.retry();
        }}
        onDeleted={() => {
          open(null);
          triggers.retry();
        }}
      />
    </div>
  );
}
