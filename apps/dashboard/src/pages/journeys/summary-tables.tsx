// The journey summary as tables: entry channels, outcomes and landing pages side by side, then
// search terms, viewed products and viewed categories. Each shows counts, shares and rates.
import type { JourneySummary, Row } from '../../api/journeys';
import { percentText } from '../../charts/journey-options';
import { formatCount } from '../../format/number';

function RowTable({ title, rows, testId }: { title: string; rows: readonly Row[]; testId: string }) {
  return (
    <section className="card table-card" data-testid={testId}>
      <h2>{title}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{title}</th>
              <th scope="col" className="num">
                Sessions
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col" className="num">
                Conversion
              </th>
              <th scope="col" className="num">
                Bounce
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="num">{formatCount(r.sessions)}</td>
                <td className="num">{percentText(r.share)}</td>
                <td className="num">{percentText(r.conversionRate)}</td>
                <td className="num">{percentText(r.bounceRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SimpleTable({
  title,
  testId,
  head,
  rows,
}: {
  title: string;
  testId: string;
  head: readonly string[];
  rows: readonly { key: string; cells: readonly string[] }[];
}) {
  return (
    <section className="card table-card" data-testid={testId}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p className="muted">None in this range.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                {head.map((h, i) => (
                  <th key={h} scope="col" className={i === 0 ? undefined : 'num'}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key}>
                  {r.cells.map((c, i) =>
                    i === 0 ? (
                      <th key={head[i]} scope="row">
                        {c}
                      </th>
                    ) : (
                      <td key={head[i]} className="num">
                        {c}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SummaryTables({ summary, testId }: { summary: JourneySummary; testId: string }) {
  return (
    <div className="page-stack" data-testid={testId} data-sessions={summary.sessions}>
      <p>
        <strong>{formatCount(summary.sessions)}</strong> sessions,{' '}
        <strong>{formatCount(summary.convertingSessions)}</strong> with an order (
        {percentText(summary.conversionRate)}).
      </p>
      <RowTable title="Entry channel" rows={summary.channels} testId="journeys-channels" />
      <SimpleTable
        title="How sessions end"
        testId="journeys-outcomes"
        head={['Outcome', 'Sessions', 'Share']}
        rows={summary.outcomes.map((o) => ({
          key: o.outcome,
          cells: [o.label, formatCount(o.sessions), percentText(o.share)],
        }))}
      />
      <RowTable title="Landing page" rows={summary.entryPages} testId="journeys-entry-pages" />
      <SimpleTable
        title="Search terms"
        testId="journeys-search-terms"
        head={['Term', 'Searches', 'Sessions', 'Conversion']}
        rows={summary.searchTerms.map((t) => ({
          key: t.term,
          cells: [t.term, formatCount(t.searches), formatCount(t.sessions), percentText(t.conversionRate)],
        }))}
      />
      <SimpleTable
        title="Viewed products"
        testId="journeys-products"
        head={['Product', 'Views', 'Sessions', 'Added to cart', 'Conversion']}
        rows={summary.products.map((p) => ({
          key: p.productId,
          cells: [
            p.title ?? p.productId,
            formatCount(p.views),
            formatCount(p.sessions),
            percentText(p.cartRate),
            percentText(p.conversionRate),
          ],
        }))}
      />
      <SimpleTable
        title="Viewed categories"
        testId="journeys-categories"
        head={['Category', 'Views', 'Sessions', 'Conversion']}
        rows={summary.categories.map((c) => ({
          key: c.category,
          cells: [c.category, formatCount(c.views), formatCount(c.sessions), percentText(c.conversionRate)],
        }))}
      />
      <details>
        <summary className="muted">What the numbers mean</summary>
        <ul className="muted">
          {Object.entries(summary.definitions).map(([k, v]) => (
            <li key={k}>{v}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
