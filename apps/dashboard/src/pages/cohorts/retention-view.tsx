// One retention heatmap card with its loading and error states, for the Cohorts page.
import type { ReactNode } from 'react';
import type { RetentionMatrix } from '../../api/customer-analytics';
import type { QueryResult } from '../../api/use-project-query';
import { RetentionHeatmap } from '../../charts/retention-heatmap';

interface Props<T> {
  title: string;
  query: QueryResult<T> & { retry: () => void };
  matrixOf: (data: T) => RetentionMatrix | null;
  testId?: string;
  kind?: 'rate' | 'difference';
  note?: ReactNode;
}

export function RetentionView<T>({ title, query, matrixOf, testId, kind, note }: Props<T>) {
  const matrix = query.data === null ? null : matrixOf(query.data);
  return (
    <section className="card chart-card" aria-label={title} data-state={query.status}>
      <h2>{title}</h2>
      {note !== undefined && <p className="hint">{note}</p>}
      {query.status === 'error' && (
        <div className="error-inline" role="alert">
          <p className="error">{query.error.message}</p>
          <button type="button" className="button-secondary" onClick={query.retry}>
            Try again
          </button>
        </div>
      )}
      {query.status === 'loading' && matrix === null && <p className="muted">Loading…</p>}
      {matrix !== null && matrix.cohorts.length === 0 && (
        <p className="muted" data-testid={testId === undefined ? undefined : `${testId}-empty`}>
          No cohort starts in the selected date range.
        </p>
      )}
      {matrix !== null && matrix.cohorts.length > 0 && (
        <div className={query.status === 'loading' ? 'stale' : undefined}>
          <RetentionHeatmap
            matrix={matrix}
            label={title}
            {...(testId === undefined ? {} : { testId })}
            {...(kind === undefined ? {} : { kind })}
          />
        </div>
      )}
    </section>
  );
}
