// The top customers table of the Customers page, sortable by revenue, orders, predicted CLV, churn
// probability or last order. A row opens the customer's 360 view.
import { useState } from 'react';
import { type CustomerSort, customerListPath, parseCustomerList } from '../../api/customers';
import { useProjectQuery } from '../../api/use-project-query';
import { formatDate } from '../../format/date';
import { formatAmount, formatCount, formatPercent } from '../../format/number';
import { hrefFor } from '../../routing/hash-route';

const SORTS: readonly { id: CustomerSort; label: string }[] = [
  { id: 'revenue', label: 'Revenue' },
  { id: 'orders', label: 'Orders' },
  { id: 'predicted_clv', label: 'Predicted CLV' },
  { id: 'churn_probability', label: 'Churn probability' },
  { id: 'last_order', label: 'Last order' },
];

const LIMIT = 50;

export function CustomerList() {
  const [sort, setSort] = useState<CustomerSort>('revenue');
  const query = useProjectQuery(customerListPath(sort, LIMIT), parseCustomerList);
  const data = query.data;

  return (
    <section className="card table-card" aria-labelledby="top-customers-title" data-state={query.status}>
      <div className="card-heading">
        <h2 id="top-customers-title">Top customers</h2>
        <label className="field">
          <span className="field-label">Sort by</span>
          <select
            data-testid="customer-sort"
            value={sort}
            onChange={(e) => setSort(e.target.value as CustomerSort)}
          >
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {query.status === 'error' && (
        <p className="error" role="alert">
          {query.error.message}
        </p>
      )}
      {data === null && query.status === 'loading' && <p className="muted">Loading…</p>}
      {data !== null && data.customers.length === 0 && (
        <p className="muted">No customers yet: a profile becomes a customer with its first order.</p>
      )}
      {data !== null && data.customers.length > 0 && (
        <div className={`table-scroll${query.status === 'loading' ? ' stale' : ''}`}>
          <table className="data-table" data-testid="customer-list">
            <thead>
              <tr>
                <th scope="col">Profile</th>
                <th scope="col" className="num">
                  Orders
                </th>
                <th scope="col" className="num">
                  Revenue
                </th>
                <th scope="col" className="num">
                  Predicted CLV
                </th>
                <th scope="col" className="num">
                  Churn probability
                </th>
                <th scope="col">Last order</th>
                <th scope="col">RFM segment</th>
                <th scope="col">Stage</th>
              </tr>
            </thead>
            <tbody>
              {data.customers.map((c) => (
                <tr key={c.profileId} data-testid="customer-row" data-profile-id={c.profileId}>
                  <td>
                    <a href={hrefFor('customers', c.profileId)} className="mono">
                      {c.profileId}
                    </a>
                  </td>
                  <td className="num">{formatCount(c.orders)}</td>
                  <td className="num">{formatAmount(c.revenue)}</td>
                  <td className="num">{formatAmount(c.predictedClv)}</td>
                  <td className="num">{formatPercent(c.churnProbability)}</td>
                  <td>{formatDate(c.lastOrderAt)}</td>
                  <td>{c.rfmSegment ?? '—'}</td>
                  <td>{c.lifecycleStage ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">
            Showing {formatCount(data.customers.length)} of {formatCount(data.total)} customers.
          </p>
        </div>
      )}
    </section>
  );
}
