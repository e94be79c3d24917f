// Schemas of the query and admin API answers, shared by the server (validation, OpenAPI) and
// the dashboard and CLI (types).
import { type Static, Type } from '@sinclair/typebox';

export const DateRangeQuerySchema = Type.Object({
  from: Type.Optional(Type.String({ format: 'date', description: 'First day (UTC), inclusive' })),
  to: Type.Optional(Type.String({ format: 'date', description: 'Last day (UTC), inclusive' })),
});
export type DateRangeQuery = Static<typeof DateRangeQuerySchema>;

export const OverviewSchema = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  events: Type.Integer({ description: 'Events received in the range' }),
  visitors: Type.Integer({ description: 'Distinct visitors (anonymous id, else user id)' }),
  sessions: Type.Integer({
    description: 'Distinct sessions (30 min inactivity or a new campaign starts one)',
  }),
  orders: Type.Integer({ description: 'Distinct orders (Order Completed)' }),
  revenue: Type.Number({ description: 'Sum of order revenue' }),
  currency: Type.Union([Type.String(), Type.Null()], { description: 'Most used order currency' }),
  conversionRate: Type.Number({ description: 'Sessions with an order / sessions (a fraction)' }),
  averageOrderValue: Type.Number({ description: 'Revenue / orders' }),
  eventsPerDay: Type.Array(Type.Object({ day: Type.String({ format: 'date' }), events: Type.Integer() })),
});
export type Overview = Static<typeof OverviewSchema>;

export const ProjectSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type ProjectInfo = Static<typeof ProjectSchema>;

export const DemoInfoSchema = Type.Object(
  {
    loadedAt: Type.String({ format: 'date-time' }),
    shiftWeeks: Type.Integer({ description: 'Whole weeks the real order dates were moved forward' }),
    orders: Type.Integer({ description: 'Real orders of the UCI Online Retail sample' }),
    simulatedEvents: Type.Integer({ description: 'Browsing events made by the seeded simulator' }),
  },
  { description: 'Present when the project holds the demo data' },
);

export const MeSchema = Type.Object({
  projectId: Type.String(),
  projectName: Type.String(),
  role: Type.Union([Type.Literal('secret'), Type.Literal('admin')]),
  demo: Type.Optional(DemoInfoSchema),
});
export type Me = Static<typeof MeSchema>;

export const ProjectKeysSchema = Type.Object({
  projectId: Type.String(),
  writeKey: Type.String(),
  secretKey: Type.String(),
});
export type ProjectKeys = Static<typeof ProjectKeysSchema>;

export const ErrorBodySchema = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  }),
});
