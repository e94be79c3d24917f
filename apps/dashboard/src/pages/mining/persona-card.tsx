// One persona as a card: its name, size and value, the description of what sets it apart, and
// the button that saves it as a segment (usable everywhere segments are).
import { useState } from 'react';
import { type Persona, type PersonaSegment, parsePersonaSegment, personaSegmentPath } from '../../api/mining';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { formatAmount, formatCount, formatPercent } from '../../format/number';

export function PersonaCard({ persona }: { persona: Persona }) {
  const call = useProjectAction();
  const [segment, setSegment] = useState<PersonaSegment | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const saved = segment !== null || persona.segmentId !== null;

  const makeSegment = async () => {
    setBusy(true);
    setProblem(null);
    try {
      setSegment(
        await call(personaSegmentPath(persona.personaId), parsePersonaSegment, { method: 'POST', body: {} }),
      );
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="card section-card"
      data-testid="persona-card"
      data-persona={persona.personaId}
      data-size={persona.size}
      aria-labelledby={`${persona.personaId}-name`}
    >
      <h2 id={`${persona.personaId}-name`}>{persona.name}</h2>
      <p data-testid="persona-size">
        <strong>{formatCount(persona.size)} customers</strong>{' '}
        <span className="muted">· {formatPercent(persona.share)} of all</span>
      </p>
      <p data-testid="persona-description">{persona.description}</p>
      <dl className="figure-grid">
        <div className="figure">
          <dt className="muted">Revenue</dt>
          <dd>
            {formatAmount(persona.revenue)} ({formatPercent(persona.revenueShare)})
          </dd>
        </div>
        <div className="figure">
          <dt className="muted">Average order value</dt>
          <dd>{formatAmount(persona.averageOrderValue)}</dd>
        </div>
        <div className="figure">
          <dt className="muted">Revenue per customer</dt>
          <dd>{formatAmount(persona.revenuePerCustomer)}</dd>
        </div>
      </dl>
      <div className="button-row">
        <button
          type="button"
          className={saved ? 'button-secondary' : 'button-primary'}
          data-testid="persona-make-segment"
          disabled={busy}
          onClick={makeSegment}
        >
          {saved ? 'Segment saved' : busy ? 'Saving…' : 'Make segment'}
        </button>
        {segment !== null && (
          <span className="muted" data-testid="persona-segment" role="status">
            “{segment.name}”: {formatCount(segment.members)} profiles · <a href="#/segments">Segments</a>
          </span>
        )}
      </div>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
