// The content gap report over the selected range: how many searches found nothing, and which
// queries (normalised: lower-case, trimmed, spaces collapsed) with their searches, distinct
// visitors and last time - what shoppers look for and the catalogue lacks. CSV to download.
import { noResultsPath, parseNoResults } from '../../api/search';
import { useProjectQuery } from '../../api/use-project-query';
import { formatDateTime } from '../../format/date';
import { formatCount, formatPercent } from '../../format/number';
import { useDashboard } from '../../state/dashboard-context';
import { downloadText } from '../reports/download-text';
import { noResultsCsv, noResultsFileName } from './no-results-csv';

export function NoResultsTable() {
  const { range } = useDashboard();
  const query = useProjectQuery(noResultsPath(range.from, range.to), parseNoResults);
  const report = query.data;
  return (
    <section className="card section-card" aria-labelledby="no-results-title" data-state={query.status}>
      <div className="card-heading">
        <h2 id="no-results-title">Searches with no results</h2>
        <button
          type="button"
          className="button-secondary"
          data-testid="no-results-csv"
          disabled={report === null || report.rows.length === 0}
          onClick={() => report && downloadText(noResultsFileName(report), noResultsCsv(report), 'text/csv')}
        >
          CSV
        </button>
      </div>
      <p className="muted">
        {range.from} to {range.to} (UTC), from the <code>Products Searched</code> events with{' '}
        <code>results_count = 0</code> — recorded by Centric’s search, or sent by the shop’s own search.
      </p>
      {query.status === 'error' && (
        <p className="error" role="alert">
          {query.error.message}
        </p>
      )}
      {report === null && query.status === 'loading' && <p className="muted">Loading…</p>}
      {report !== null && (
        <p data-testid="no-results-summary">
          {formatCount(report.noResultSearches)} of {formatCount(report.searches)} searches found nothing (
          {formatPercent(report.searches > 0 ? report.noResultSearches / report.searches : null)}).
        </p>
      )}
      {report !== null && report.rows.length > 0 && (
        <div className={`table-scroll${query.status === 'loading' ? ' stale' : ''}`}>
          <table className="data-table" data-testid="no-results-table">
            <thead>
              <tr>
                <th scope="col">Query</th>
                <th scope="col" className="num">
                  Searches
                </th>
                <th scope="col" className="num">
                  Visitors
                </th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={r.query} data-testid="no-results-row" data-query={r.query}>
                  <td>{r.query}</td>
                  <td className="num">{formatCount(r.searches)}</td>
                  <td className="num">{formatCount(r.visitors)}</td>
                  <td>{formatDateTime(r.lastSeen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
