// The project's recommendation slots: where each renders, its algorithm, length and rules in plain
// words; a row opens the slot in the editor.
import type { SlotWire } from '@centric/contracts';
import { ALGORITHMS } from '../../api/recommendations';
import { formatDate } from '../../format/date';
import { describeRules } from './slot-form-model';

interface Props {
  slots: readonly SlotWire[];
  selectedId: string | null;
  onSelect: (slot: SlotWire) => void;
}

export function SlotList({ slots, selectedId, onSelect }: Props) {
  if (slots.length === 0) return <p className="muted">No slots yet. Create one below.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="slot-list">
        <thead>
          <tr>
            <th scope="col">Slot</th>
            <th scope="col">Id</th>
            <th scope="col">Algorithm</th>
            <th scope="col" className="num">
              Items
            </th>
            <th scope="col">Rules</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {slots.map((s) => (
            <tr
              key={s.slotId}
              data-testid="slot-row"
              data-slot-id={s.slotId}
              aria-selected={s.slotId === selectedId}
              className="clickable-row"
            >
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(s)}>
                  {s.name}
                </button>
              </td>
              <td>
                <code>{s.slotId}</code>
              </td>
              <td>{ALGORITHMS.find((a) => a.id === s.algorithm)?.label ?? s.algorithm}</td>
              <td className="num">{s.limit}</td>
              <td className="muted">{describeRules(s.rules)}</td>
              <td>{formatDate(s.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
