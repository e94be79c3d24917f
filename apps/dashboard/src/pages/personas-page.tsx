// Personas page: customers clustered on behaviour and value (RFM, categories, channels, device,
// coupons, basket size, visit rhythm), each persona with its size, value and what sets it apart
// from the average customer; a persona becomes a segment with one click. Shows the latest
// discovery; "Discover" clusters the customers who ordered in the header's date range anew.
import { useState } from 'react';
import { PERSONAS_DISCOVER_PATH, PERSONAS_PATH, type PersonaReport, parsePersonaReport } from '../api/mining';
import { toApiError, useProjectAction } from '../api/use-project-action';
import { useProjectQuery } from '../api/use-project-query';
import { formatCount } from '../format/number';
import { useDashboard } from '../state/dashboard-context';
import { PersonaCard } from './mining/persona-card';

export function PersonasPage() {
  const { range } = useDashboard();
  const latest = useProjectQuery(PERSONAS_PATH, parsePersonaReport);
  const call = useProjectAction();
  const [discovered, setDiscovered] = useState<PersonaReport | null>(null);
  const [k, setK] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const report = discovered ?? latest.data;

  const discover = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const body = { from: range.from, to: range.to, ...(k === null ? { kMin: 2, kMax: 8 } : { k }) };
      setDiscovered(await call(PERSONAS_DISCOVER_PATH, parsePersonaReport, { method: 'POST', body }));
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="page" data-testid="personas-page" data-state={busy ? 'loading' : latest.status}>
      <div className="page-heading">
        <h1>Personas</h1>
        <p className="muted">
          Customers grouped by how they buy and what they are worth (k-means on recency, frequency, value,
          categories, channels, device, coupons, basket size and visit rhythm; the number of personas chosen
          by silhouette), each described by what sets it apart from the average customer.
        </p>
      </div>
      <fieldset className="card controls-card">
        <legend className="visually-hidden">Persona discovery</legend>
        <label className="field">
          <span className="field-label">Personas</span>
          <select
            data-testid="persona-k"
            value={k === null ? 'auto' : String(k)}
            onChange={(e) => setK(e.target.value === 'auto' ? null : Number(e.target.value))}
          >
            <option value="auto">Best number (2–8)</option>
            {[2, 3, 4, 5, 6, 7, 8].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button-primary"
          data-testid="persona-discover"
          disabled={busy}
          onClick={discover}
        >
          {busy ? 'Discovering…' : `Discover from customers ordering ${range.from} to ${range.to}`}
        </button>
      </fieldset>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {latest.status === 'error' && discovered === null && (
        <p className="error" role="alert">
          {latest.error.message}
        </p>
      )}
      {report !== null && report.personas.length === 0 && (
        <p className="muted" data-testid="personas-empty">
          No personas yet: discover them from the customers who ordered in the date range.
        </p>
      )}
      {report !== null && report.personas.length > 0 && (
        <>
          <p className="muted" data-testid="persona-summary">
            {formatCount(report.customerCount)} customers ordering {report.from} to {report.to}: {report.k}{' '}
            personas (silhouette {report.silhouette.toFixed(2)}).
          </p>
          <div className="kpi-grid" style={{ gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))' }}>
            {report.personas.map((p) => (
              <PersonaCard key={p.personaId} persona={p} />
            ))}
          </div>
        </>
      )}
    </div>
  );
}
