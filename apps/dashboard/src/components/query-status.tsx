// What a page shows while its query loads for the first time or after it failed (with a retry);
// once data is there, the page renders it and marks it stale during a reload.
import type { QueryResult } from '../api/use-project-query';

export function QueryStatus({
  query,
  errorTestId,
}: {
  query: QueryResult<unknown> & { retry: () => void };
  errorTestId?: string;
}) {
  if (query.status === 'error') {
    return (
      <div className="card error-card" role="alert" data-testid={errorTestId}>
        <p className="error">{query.error.message}</p>
        <button type="button" className="button-secondary" onClick={query.retry}>
          Try again
        </button>
      </div>
    );
  }
  if (query.status === 'loading' && query.data === null) {
    return (
      <p className="muted loading" role="status">
        Loading…
      </p>
    );
  }
  return null;
}
