// Shows the builder's live member count, or why the rule cannot be counted, with a caret under the
// place of a syntax error.
import { formatCount } from '../../format/number';
import { hrefFor } from '../../routing/hash-route';
import { ruleExcerpt } from './rule-excerpt';
import type { LiveCount } from './use-live-count';

export function LiveCountView({ live, rule }: { live: LiveCount; rule: string }) {
  if (live.status === 'invalid') {
    const excerpt =
      live.position === null ? null : ruleExcerpt(rule, live.position.line, live.position.column);
    return (
      <div
        className="rule-error"
        role="alert"
        data-testid="segment-error"
        data-line={live.position?.line}
        data-column={live.position?.column}
      >
        <p className="error">{live.message}</p>
        {excerpt !== null && (
          <pre className="rule-excerpt" aria-hidden="true">
            {excerpt.line}
            {'\n'}
            {excerpt.caret}
          </pre>
        )}
      </div>
    );
  }
  const preview = live.status === 'ready' ? live.preview : live.status === 'loading' ? live.previous : null;
  return (
    <div className="live-count" aria-live="polite">
      <p
        className={`live-count-value${live.status === 'loading' ? ' stale' : ''}`}
        data-testid="segment-live-count"
        data-state={live.status}
        data-count={live.status === 'ready' ? live.preview.count : undefined}
      >
        {live.status === 'empty' ? (
          <span className="muted">Type a rule to see how many profiles match.</span>
        ) : (
          <>
            <strong>{preview === null ? '…' : formatCount(preview.count)}</strong> matching profiles
            {live.status === 'loading' && <span className="muted"> (counting…)</span>}
          </>
        )}
      </p>
      {preview !== null && preview.sample.length > 0 && (
        <p className="hint">
          e.g.{' '}
          {preview.sample.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={hrefFor('customers', id)} className="mono">
                {id}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
