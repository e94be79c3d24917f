// Header control for the shared date range: two date inputs plus quick presets. Edits are only
// published once they form a valid range, so pages never query a half-typed or inverted range.
import { useEffect, useState } from 'react';
import { type DateRange, RANGE_PRESETS, rangeProblem, sameRange, todayUtc } from '../dates/range';

interface Props {
  range: DateRange;
  onChange: (range: DateRange) => void;
}

export function DateRangePicker({ range, onChange }: Props) {
  const [draft, setDraft] = useState<DateRange>(range);

  // Presets and other outside changes replace whatever is half-edited.
  useEffect(() => setDraft(range), [range]);

  const update = (next: DateRange) => {
    setDraft(next);
    if (rangeProblem(next) === null && !sameRange(next, range)) onChange(next);
  };

  const problem = rangeProblem(draft);
  const today = todayUtc();
  const activePreset = RANGE_PRESETS.find((p) => sameRange(p.range(today), range))?.id;

  return (
    <fieldset className="date-range">
      <legend className="visually-hidden">Date range (UTC, inclusive)</legend>
      <label className="field">
        <span className="field-label">From</span>
        <input
          type="date"
          data-testid="date-from"
          value={draft.from}
          max={draft.to || undefined}
          aria-invalid={problem !== null}
          onChange={(e) => update({ ...draft, from: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">To</span>
        <input
          type="date"
          data-testid="date-to"
          value={draft.to}
          min={draft.from || undefined}
          aria-invalid={problem !== null}
          onChange={(e) => update({ ...draft, to: e.target.value })}
        />
      </label>
      <div className="presets">
        {RANGE_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            className="preset"
            data-testid={`range-preset-${preset.id}`}
            aria-pressed={activePreset === preset.id}
            onClick={() => update(preset.range(todayUtc()))}
          >
            {preset.label}
          </button>
        ))}
      </div>
      {problem !== null && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
