// The lifetime figures of the 360 view: orders, revenue, AOV, first and last order, historic and
// predicted CLV, churn probability, RFM, lifecycle stage, channels. Each figure carries its raw value in
// `data-value` (testid `customer-trait-<name>`) and says in a tooltip how it is computed.
import type { CustomerTraits } from '../../api/customers';
import { formatDate } from '../../format/date';
import { formatCount, formatMoney, formatPercent } from '../../format/number';

interface Figure {
  name: string;
  label: string;
  value: string | number | null;
  shown: string;
  definition: string;
}

function rfmCode(t: CustomerTraits): string | null {
  if (t.rfmRecency === null || t.rfmFrequency === null || t.rfmMonetary === null) return null;
  return `${t.rfmRecency}${t.rfmFrequency}${t.rfmMonetary}`;
}

function figures(t: CustomerTraits, currency: string | null): Figure[] {
  const money = (v: number | null) => formatMoney(v, currency);
  const rfm = rfmCode(t);
  return [
    {
      name: 'orders',
      label: 'Orders',
      value: t.orders,
      shown: formatCount(t.orders),
      definition: 'Orders placed, cancelled ones left out.',
    },
    {
      name: 'revenue',
      label: 'Revenue',
      value: t.revenue,
      shown: money(t.revenue),
      definition: 'Sum of the revenue of those orders.',
    },
    {
      name: 'average-order-value',
      label: 'Average order value',
      value: t.averageOrderValue,
      shown: money(t.averageOrderValue),
      definition: 'Revenue ÷ orders.',
    },
    {
      name: 'first-order',
      label: 'First order',
      value: t.firstOrderAt,
      shown: formatDate(t.firstOrderAt),
      definition: 'Date of the first order.',
    },
    {
      name: 'last-order',
      label: 'Last order',
      value: t.lastOrderAt,
      shown: formatDate(t.lastOrderAt),
      definition: 'Date of the latest order.',
    },
    {
      name: 'historic-clv',
      label: 'Historic CLV',
      value: t.historicClv,
      shown: money(t.historicClv),
      definition: 'Customer lifetime value so far: the revenue of all orders.',
    },
    {
      name: 'predicted-clv',
      label: 'Predicted CLV',
      value: t.predictedClv,
      shown: money(t.predictedClv),
      definition:
        'Expected revenue of the next 52 weeks from the BG/NBD and Gamma-Gamma models (needs orders of ≥ 10 customers).',
    },
    {
      name: 'churn-probability',
      label: 'Churn probability',
      value: t.churnProbability,
      shown: formatPercent(t.churnProbability),
      definition: '1 − the BG/NBD probability that the customer is still active.',
    },
    {
      name: 'rfm',
      label: 'RFM',
      value: rfm,
      shown: rfm === null ? '—' : `${rfm} · ${t.rfmSegment ?? '—'}`,
      definition:
        'Recency, frequency and monetary quintile scores (5 = best) among all customers, and their segment.',
    },
    {
      name: 'lifecycle-stage',
      label: 'Lifecycle stage',
      value: t.lifecycleStage,
      shown: t.lifecycleStage ?? '—',
      definition: 'new, active, at risk, lapsed or won back, from the order dates.',
    },
    {
      name: 'channels',
      label: 'Channels',
      value: t.channels.join(','),
      shown: t.channels.length === 0 ? '—' : t.channels.join(', '),
      definition: 'Channels the customer used (web, app, store, service, e-mail).',
    },
    {
      name: 'sessions',
      label: 'Sessions · events',
      value: t.sessions,
      shown: `${formatCount(t.sessions)} · ${formatCount(t.events)}`,
      definition: 'Visits and events across all identities of the profile.',
    },
  ];
}

interface Props {
  traits: CustomerTraits | null;
  currency: string | null;
}

export function LifetimeFigures({ traits, currency }: Props) {
  if (traits === null) {
    return <p className="muted">No computed traits yet: they are computed on the next refresh.</p>;
  }
  return (
    <dl className="figure-grid">
      {figures(traits, currency).map((f) => (
        <div key={f.name} className="figure" title={f.definition}>
          <dt>{f.label}</dt>
          <dd data-testid={`customer-trait-${f.name}`} data-value={f.value === null ? '' : String(f.value)}>
            {f.shown}
          </dd>
        </div>
      ))}
    </dl>
  );
}
