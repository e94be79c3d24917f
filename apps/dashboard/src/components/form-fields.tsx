// Labelled form controls the analysis pages share: a choice from a fixed list and a number kept
// inside its range (typing an out-of-range value leaves the setting as it was, so a half-typed
// number never fires a query with nonsense parameters).

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export function SelectField<T extends string>({
  label,
  testId,
  value,
  choices,
  onChange,
}: {
  label: string;
  testId: string;
  value: T;
  choices: readonly Choice<T>[];
  onChange: (value: T) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as T)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function NumberField({
  label,
  testId,
  value,
  min,
  max,
  step = 1,
  integer = false,
  onChange,
}: {
  label: string;
  testId: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Rounds what is typed to a whole number. */
  integer?: boolean;
  onChange: (value: number) => void;
}) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        type="number"
        className="input-narrow"
        data-testid={testId}
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const typed = Number(e.target.value);
          const n = integer ? Math.round(typed) : typed;
          if (e.target.value !== '' && Number.isFinite(n) && n >= min && n <= max) onChange(n);
        }}
      />
    </label>
  );
}
