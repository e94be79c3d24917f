// A select of the saved segments, with an "all" entry meaning no segment.
import type { SegmentInfo } from '../../api/segments';

interface Props {
  label: string;
  testId: string;
  value: string | null;
  segments: readonly SegmentInfo[];
  /** Text of the entry for "no segment". */
  none: string;
  onChange: (segmentId: string | null) => void;
}

export function SegmentPicker({ label, testId, value, segments, none, onChange }: Props) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      >
        <option value="">{none}</option>
        {segments.map((s) => (
          <option key={s.segmentId} value={s.segmentId}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
