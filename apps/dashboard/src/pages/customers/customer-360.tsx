// The Customer 360 view: who the customer is (identities), what they are worth (lifetime figures),
// which segments they are in, their orders, everything they did across channels, how their profile
// was stitched (merges, undoable) and the GDPR export and erasure.
import { type ReactNode, useState } from 'react';
import { type Customer360, customerPath, type ErasureReport, parseCustomer360 } from '../../api/customers';
import { useProjectQuery } from '../../api/use-project-query';
import { formatDate } from '../../format/date';
import { CustomerOrders } from './customer-orders';
import { CustomerTimeline } from './customer-timeline';
import { ErasureReportView, GdprActions } from './gdpr-actions';
import { IdentityList } from './identity-list';
import { LifetimeFigures } from './lifetime-figures';
import { MergeHistory } from './merge-history';
import { StreamPanel } from './stream-panel';

/** The currency most of the customer's orders were paid in, for the lifetime money figures. */
function mainCurrency(customer: Customer360): string | null {
  const counts = new Map<string, number>();
  for (const order of customer.orders) {
    if (order.currency !== null) counts.set(order.currency, (counts.get(order.currency) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="card section-card" aria-labelledby={`c360-${id}`}>
      <h2 id={`c360-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

function SegmentChips({ customer }: { customer: Customer360 }) {
  if (customer.segments.length === 0) return <p className="muted">In no saved segment.</p>;
  return (
    <ul className="chip-list" data-testid="customer-segments">
      {customer.segments.map((s) => (
        <li key={s.segmentId} className="chip" title={`Member since ${formatDate(s.since)}`}>
          {s.name}
        </li>
      ))}
    </ul>
  );
}

function CustomerDetails({ customer, onChanged }: { customer: Customer360; onChanged: () => void }) {
  const [erased, setErased] = useState<ErasureReport | null>(null);
  if (erased !== null) return <ErasureReportView report={erased} />;
  const crmId = customer.customer?.customer_id ?? customer.customer?.customerId;
  return (
    <>
      <section className="card customer-header" aria-labelledby="c360-title">
        <div className="customer-header-top">
          <div>
            <h2 id="c360-title" className="mono">
              {customer.profileId}
            </h2>
            {crmId !== undefined && crmId !== null && (
              <p className="muted">Customer id {String(crmId)} (imported)</p>
            )}
          </div>
          <GdprActions profileId={customer.profileId} onErased={setErased} />
        </div>
        <IdentityList identities={customer.identities} />
      </section>
      <Section id="figures" title="Lifetime figures">
        <LifetimeFigures traits={customer.traits} currency={mainCurrency(customer)} />
      </Section>
      <Section id="segments" title="Segments">
        <SegmentChips customer={customer} />
      </Section>
      <StreamPanel profileId={customer.profileId} />
      <Section id="orders" title={`Orders (${customer.orders.length})`}>
        <CustomerOrders orders={customer.orders} />
      </Section>
      <Section id="timeline" title="Timeline across channels">
        <CustomerTimeline timeline={customer.timeline} />
      </Section>
      <Section id="merges" title="Merge history">
        <MergeHistory merges={customer.merges} onChanged={onChanged} />
      </Section>
    </>
  );
}

export function Customer360View({ identifier }: { identifier: string }) {
  const query = useProjectQuery(customerPath(identifier), parseCustomer360);
  const data = query.data;
  return (
    <div
      className="customer-360"
      data-testid="customer-360"
      data-state={query.status}
      data-profile-id={data?.profileId ?? ''}
      aria-busy={query.status === 'loading'}
    >
      {query.status === 'error' && (
        <div className="card error-card" role="alert" data-testid="customer-error">
          <p className="error">{query.error.message}</p>
          <button type="button" className="button-secondary" onClick={query.retry}>
            Try again
          </button>
        </div>
      )}
      {query.status === 'loading' && data === null && (
        <p className="muted loading" role="status">
          Loading…
        </p>
      )}
      {data !== null && (
        <div className={`page-stack${query.status === 'loading' ? ' stale' : ''}`}>
          {/* Keyed by profile so an erasure report never carries over to another customer. */}
          <CustomerDetails key={data.profileId} customer={data} onChanged={query.retry} />
        </div>
      )}
    </div>
  );
}
