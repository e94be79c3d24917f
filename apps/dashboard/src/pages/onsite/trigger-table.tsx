// The project's triggers with their performance over the selected range: impressions, clicks,
// dismissals and CTR (from the Trigger events the widgets send), where and for whom each shows,
// its cap, and a button to pause or activate it. A name opens the trigger in the editor.
import type { TriggerPerformanceRow, TriggerWire } from '@centric/contracts';
import { kindLabel } from '../../api/triggers';
import { formatCount, formatPercent } from '../../format/number';
import { describeCapping, describeTargeting } from './trigger-form-model';

interface Props {
  triggers: readonly TriggerWire[];
  performance: ReadonlyMap<string, TriggerPerformanceRow>;
  selectedId: string | null;
  /** The trigger whose active flag is being changed. */
  busyId: string | null;
  onSelect: (trigger: TriggerWire) => void;
  onToggle: (trigger: TriggerWire) => void;
}

export function TriggerTable({ triggers, performance, selectedId, busyId, onSelect, onToggle }: Props) {
  if (triggers.length === 0) return <p className="muted">No triggers yet. Create one below.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="trigger-table">
        <thead>
          <tr>
            <th scope="col">Trigger</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Shown where</th>
            <th scope="col">Cap per visitor</th>
            <th scope="col" className="num">
              Impressions
            </th>
            <th scope="col" className="num">
              Clicks
            </th>
            <th scope="col" className="num">
              Dismissals
            </th>
            <th scope="col" className="num">
              CTR
            </th>
          </tr>
        </thead>
        <tbody>
          {triggers.map((t) => {
            const p = performance.get(t.triggerId);
            return (
              <tr
                key={t.triggerId}
                data-testid="trigger-row"
                data-trigger-id={t.triggerId}
                aria-selected={t.triggerId === selectedId}
              >
                <td>
                  <button type="button" className="link-button" onClick={() => onSelect(t)}>
                    {t.name}
                  </button>
                </td>
                <td>{kindLabel(t.kind)}</td>
                <td>
                  <span
                    className={`status ${t.active ? 'status-completed' : ''}`}
                    data-testid="trigger-status"
                  >
                    {t.active ? 'Active' : 'Paused'}
                  </span>{' '}
                  <button
                    type="button"
                    className="button-secondary"
                    data-testid="trigger-toggle"
                    disabled={busyId === t.triggerId}
                    onClick={() => onToggle(t)}
                  >
                    {t.active ? 'Pause' : 'Activate'}
                  </button>
                </td>
                <td className="muted">{describeTargeting(t)}</td>
                <td className="muted">{describeCapping(t)}</td>
                <td className="num">{formatCount(p?.shown ?? 0)}</td>
                <td className="num">{formatCount(p?.clicked ?? 0)}</td>
                <td className="num">{formatCount(p?.dismissed ?? 0)}</td>
                <td className="num">{formatPercent(p?.ctr ?? null)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
