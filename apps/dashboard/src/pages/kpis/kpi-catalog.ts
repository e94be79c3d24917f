// How each customer KPI and underlying figure is labelled and formatted. The definitions come from
// the API, so the dashboard shows exactly what the server computes. Rates arrive in per cent.
import type { KpiName } from '../../api/customer-analytics';
import { formatAmount, formatCount, formatPercent } from '../../format/number';

export interface KpiLook {
  label: string;
  format: (value: number | null) => string;
}

const percent = (v: number | null) => formatPercent(v === null ? null : v / 100);
const count = (v: number | null) => formatCount(v);
const money = (v: number | null) => formatAmount(v);

export const KPI_LOOKS: Readonly<Record<KpiName, KpiLook>> = {
  retentionRate: { label: 'Customer retention rate', format: percent },
  churnRate: { label: 'Churn rate', format: percent },
  returningCustomerRevenue: { label: 'Returning-customer revenue', format: money },
  repurchaseRate: { label: 'Repurchase rate', format: percent },
  newCustomers: { label: 'New customers', format: count },
  returningCustomers: { label: 'Returning customers', format: count },
  averageOrderValue: { label: 'Average order value', format: money },
  conversionRate: { label: 'Conversion rate', format: percent },
  cartAbandonmentRate: { label: 'Cart abandonment rate', format: percent },
  revenue: { label: 'Revenue', format: money },
  newCustomerRevenue: { label: 'New-customer revenue', format: money },
  orders: { label: 'Orders', format: count },
  startCustomers: { label: 'Active at start (S)', format: count },
  endCustomers: { label: 'Active at end (E)', format: count },
  retainedCustomers: { label: 'Retained customers', format: count },
  churnedCustomers: { label: 'Churned customers', format: count },
  orderingCustomers: { label: 'Ordering customers', format: count },
  repeatCustomers: { label: 'Repeat customers', format: count },
  sessions: { label: 'Sessions', format: count },
  convertingSessions: { label: 'Converting sessions', format: count },
  cartSessions: { label: 'Cart sessions', format: count },
  abandonedCartSessions: { label: 'Abandoned-cart sessions', format: count },
};

export const LIFECYCLE_STAGES: readonly string[] = ['new', 'active', 'at risk', 'lapsed', 'won back'];
