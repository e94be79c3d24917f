// Cohort and customer-KPI routes: the retention matrix (for the heatmap), its comparison between
// segments, and the customer KPIs (CRR, churn, returning-customer revenue ...) per period with
// the definition of each. All need the project's secret key. The TypeBox schemas document the
// query strings and answers in the OpenAPI description (/docs).
import { ErrorBodySchema } from '@centric/contracts';
import { type TSchema, Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { CentricService } from '../services/centric-service';
import type { CustomerKpiRequest, RetentionRequest } from '../services/customer-analytics-service';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const security = [{ secretKey: [] }];

const Day = (description: string) => Type.String({ format: 'date', description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Rate = (description: string) => Nullable(Type.Number({ description }));
const Literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

const CohortBasis = Literals(
  ['first_order', 'first_visit', 'segment_entry'],
  'What starts a cohort: the first order, the first visit, or the first entry into the segment',
);
const CohortActivity = Literals(['order', 'visit'], 'What counts as active in a later period');
const CohortPeriod = Literals(
  ['day', 'week', 'month'],
  'Cohort and offset unit (UTC; weeks start on Monday)',
);

export const RetentionQuerySchema = Type.Object({
  cohort: Type.Optional(CohortBasis),
  activity: Type.Optional(CohortActivity),
  period: Type.Optional(CohortPeriod),
  from: Type.Optional(Day('First day in which cohorts start (default: `periods` periods before `to`)')),
  to: Type.Optional(Day('Last day in which cohorts start, inclusive (default today)')),
  periods: Type.Optional(
    Type.Integer({ minimum: 1, maximum: 400, description: 'Offsets shown (default 12)' }),
  ),
  segment: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'Segment entered (cohort=segment_entry), else only its members',
    }),
  ),
  compareSegment: Type.Optional(
    Type.String({ minLength: 1, description: 'A second segment whose matrix is compared with the first' }),
  ),
});

const Cells = (description: string) => Type.Array(Nullable(Type.Number()), { description });

export const RetentionMatrixSchema = Type.Object({
  cohortBy: CohortBasis,
  activity: CohortActivity,
  period: CohortPeriod,
  periods: Type.Integer(),
  cohorts: Type.Array(
    Type.Object({
      cohort: Type.String({ description: '2026-03, 2026-W11 or 2026-03-14' }),
      start: Day('First day of the cohort period'),
      size: Type.Integer({ description: 'Customers in the cohort' }),
      active: Cells('Active customers per offset; null for periods not begun yet'),
      rates: Cells('Active / size per offset, in %'),
    }),
  ),
  average: Cells('Size-weighted average rate per offset, in %'),
  definition: Type.String(),
});

const ComparisonSchema = Type.Object({
  segmentId: Type.String(),
  matrix: RetentionMatrixSchema,
  labels: Type.Object({ a: Type.String(), b: Type.String() }),
  period: CohortPeriod,
  periods: Type.Integer(),
  average: Type.Object({
    a: Cells('Average rate of the first matrix, in %'),
    b: Cells('Average rate of the compared matrix, in %'),
    difference: Cells('b − a in percentage points'),
  }),
  cohorts: Type.Array(
    Type.Object({
      cohort: Type.String(),
      start: Day('First day of the cohort period'),
      sizeA: Type.Integer(),
      sizeB: Type.Integer(),
      ratesA: Cells('Rates of the first matrix, in %'),
      ratesB: Cells('Rates of the compared matrix, in %'),
      difference: Cells('ratesB − ratesA in percentage points'),
    }),
  ),
  definition: Type.String(),
});

export const RetentionReportSchema = Type.Object({
  from: Day('First day in which cohorts start'),
  to: Day('Last day in which cohorts start'),
  segmentId: Nullable(Type.String()),
  matrix: RetentionMatrixSchema,
  comparison: Nullable(ComparisonSchema),
});

export const CustomerKpiQuerySchema = Type.Object({
  from: Type.Optional(Day('First day (UTC), inclusive; default 30 days before `to`')),
  to: Type.Optional(Day('Last day (UTC), inclusive; default today')),
  period: Type.Optional(
    Literals(['week', 'month'], 'One row per ISO week or month; one for the range when absent'),
  ),
  segment: Type.Optional(
    Type.String({ minLength: 1, description: 'Only members of this segment during each period' }),
  ),
  lifecycleStage: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'Only customers in this lifecycle stage now (new, active, at risk, lapsed, won back)',
    }),
  ),
  activityWindow: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 3650,
      description: 'Days before a date in which a customer must have ordered to be active (default 365)',
    }),
  ),
});

const Count = (description: string) => Type.Integer({ description });
const Money = (description: string) => Type.Number({ description });

export const CustomerPeriodKpisSchema = Type.Object({
  from: Day('First day of the period'),
  to: Day('Last day of the period, inclusive'),
  retentionRate: Rate('CRR = (E − N) / S × 100, in %'),
  churnRate: Rate('Share of S not active at the end, in %'),
  repurchaseRate: Rate('Share of ordering customers with 2+ orders by the end, in %'),
  averageOrderValue: Nullable(Money('Revenue / orders')),
  conversionRate: Rate('Sessions with an order / sessions, in %'),
  cartAbandonmentRate: Rate('Cart sessions without an order / cart sessions, in %'),
  revenue: Money('Order revenue net of refunds'),
  returningCustomerRevenue: Money('Revenue from customers who had ordered before the period'),
  newCustomerRevenue: Money('Revenue from customers whose first order is in the period'),
  orders: Count('Orders, once per order id, not cancelled'),
  startCustomers: Count('S: active customers at the start'),
  endCustomers: Count('E: active customers at the end'),
  newCustomers: Count('N: customers with their first order in the period'),
  retainedCustomers: Count('Active at the start and at the end'),
  churnedCustomers: Count('Active at the start, not at the end'),
  orderingCustomers: Count('Customers with an order in the period'),
  returningCustomers: Count('Ordering customers who had ordered before'),
  repeatCustomers: Count('Ordering customers with 2+ orders by the end'),
  sessions: Count('Sessions started in the period'),
  convertingSessions: Count('Sessions with an order that was not cancelled'),
  cartSessions: Count('Sessions with a Product Added'),
  abandonedCartSessions: Count('Sessions with a Product Added and no Order Completed'),
});

export const CustomerKpiReportSchema = Type.Object({
  from: Day('First day of the range'),
  to: Day('Last day of the range'),
  period: Nullable(Literals(['week', 'month'], 'Period of the rows; null for one row over the range')),
  segmentId: Nullable(Type.String()),
  lifecycleStage: Nullable(Type.String()),
  activityWindowDays: Type.Integer(),
  periods: Type.Array(CustomerPeriodKpisSchema),
  definitions: Type.Record(Type.String(), Type.String(), { description: 'What each KPI means, by name' }),
});

export function registerCustomerAnalyticsRoutes(
  app: FastifyInstance,
  { service, secret }: { service: CentricService; secret: preHandlerAsyncHookHandler },
): void {
  app.get(
    '/v1/query/retention',
    {
      preHandler: secret,
      schema: {
        tags: ['query'],
        summary: 'Retention matrix of customer cohorts (heatmap), optionally compared with a segment',
        security,
        querystring: RetentionQuerySchema,
        response: { 200: RetentionReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as {
        cohort?: RetentionRequest['cohortBy'];
        activity?: RetentionRequest['activity'];
        period?: RetentionRequest['period'];
        from?: string;
        to?: string;
        periods?: number;
        segment?: string;
        compareSegment?: string;
      };
      return service.retention(request.auth!.projectId, {
        cohortBy: q.cohort,
        activity: q.activity,
        period: q.period,
        from: q.from,
        to: q.to,
        periods: q.periods,
        segmentId: q.segment,
        compareSegmentId: q.compareSegment,
      });
    },
  );

  app.get(
    '/v1/query/kpis',
    {
      preHandler: secret,
      schema: {
        tags: ['query'],
        summary:
          'Customer KPIs per period: CRR, churn, returning-customer revenue, repurchase, AOV, conversion ...',
        security,
        querystring: CustomerKpiQuerySchema,
        response: { 200: CustomerKpiReportSchema, ...errors },
      },
    },
    async (request) => {
      const q = request.query as {
        from?: string;
        to?: string;
        period?: CustomerKpiRequest['period'];
        segment?: string;
        lifecycleStage?: string;
        activityWindow?: number;
      };
      return service.customerKpis(request.auth!.projectId, {
        from: q.from,
        to: q.to,
        period: q.period,
        segmentId: q.segment,
        lifecycleStage: q.lifecycleStage,
        activityWindowDays: q.activityWindow,
      });
    },
  );
}
