// The options every funnel takes: per session or per customer, the conversion window, a
// breakdown and the comparison with the period before.
import type { FunnelBreakdown, FunnelEntity, FunnelSettings } from '../../api/journeys';

const WINDOWS = ['30m', '1h', '1d', '7d', '30d', '90d', '365d'];

export function FunnelOptions({
  settings,
  onChange,
  testPrefix,
}: {
  settings: FunnelSettings;
  onChange: (s: FunnelSettings) => void;
  testPrefix: string;
}) {
  const set = (change: Partial<FunnelSettings>) => onChange({ ...settings, ...change });
  return (
    <>
      <label className="field">
        <span className="field-label">Follow</span>
        <select
          data-testid={`${testPrefix}-entity`}
          value={settings.entity}
          onChange={(e) => set({ entity: e.target.value as FunnelEntity })}
        >
          <option value="session">one visit</option>
          <option value="profile">a customer across visits</option>
        </select>
      </label>
      <label className="field">
        <span className="field-label">Within</span>
        <select
          data-testid={`${testPrefix}-window`}
          value={settings.window}
          onChange={(e) => set({ window: e.target.value })}
        >
          {WINDOWS.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span className="field-label">Break down by</span>
        <select
          data-testid={`${testPrefix}-breakdown`}
          value={settings.breakdown ?? ''}
          onChange={(e) =>
            set({ breakdown: e.target.value === '' ? null : (e.target.value as FunnelBreakdown) })
          }
        >
          <option value="">Nothing</option>
          <option value="marketing_channel">Entry channel</option>
          <option value="channel">Device channel</option>
          <option value="category">Category</option>
        </select>
      </label>
      <label className="field">
        <input
          type="checkbox"
          className="checkbox"
          data-testid={`${testPrefix}-previous`}
          checked={settings.comparePrevious}
          onChange={(e) => set({ comparePrevious: e.target.checked })}
        />
        <span className="field-label">Compare with the period before</span>
      </label>
    </>
  );
}
