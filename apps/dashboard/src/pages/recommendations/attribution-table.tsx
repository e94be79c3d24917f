// Attribution per slot and algorithm over the selected range: lists served, clicks carrying their
// recommendation id, CTR, and orders (with their revenue) of recommended products within the window.
import { attributionPath, parseAttribution } from '../../api/recommendations';
import { useProjectQuery } from '../../api/use-project-query';
import { formatAmount, formatCount, formatPercent } from '../../format/number';
import { useDashboard } from '../../state/dashboard-context';

export function AttributionTable() {
  const { range } = useDashboard();
  const query = useProjectQuery(attributionPath(range.from, range.to), parseAttribution);
  const report = query.data;
  return (
    <section className="card section-card" aria-labelledby="attribution-title" data-state={query.status}>
      <h2 id="attribution-title">Attribution</h2>
      <p className="muted">
        {range.from} to {range.to} (UTC). An order counts for a list when it contains a product of the list
        and comes within {report?.windowDays ?? 7} days after it was shown to the same customer.
      </p>
      {query.status === 'error' && (
        <p className="error" role="alert">
          {query.error.message}
        </p>
      )}
      {report === null && query.status === 'loading' && <p className="muted">Loading…</p>}
      {report !== null && report.rows.length === 0 && (
        <p className="muted">No recommendations were served in this range.</p>
      )}
      {report !== null && report.rows.length > 0 && (
        <div className={`table-scroll${query.status === 'loading' ? ' stale' : ''}`}>
          <table className="data-table" data-testid="attribution-table">
            <thead>
              <tr>
                <th scope="col">Slot</th>
                <th scope="col">Algorithm</th>
                <th scope="col" className="num">
                  Impressions
                </th>
                <th scope="col" className="num">
                  Clicks
                </th>
                <th scope="col" className="num">
                  CTR
                </th>
                <th scope="col" className="num">
                  Orders
                </th>
                <th scope="col" className="num">
                  Revenue
                </th>
              </tr>
            </thead>
            <tbody>
              {report.rows.map((r) => (
                <tr key={`${r.slot}\u0000${r.algorithm}`} data-slot={r.slot} data-algorithm={r.algorithm}>
                  <td>
                    <code>{r.slot}</code>
                  </td>
                  <td>{r.algorithm}</td>
                  <td className="num">{formatCount(r.impressions)}</td>
                  <td className="num">{formatCount(r.clicks)}</td>
                  <td className="num">{formatPercent(r.ctr)}</td>
                  <td className="num">{formatCount(r.orders)}</td>
                  <td className="num">{formatAmount(r.revenue)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
