// Wire schemas of scheduled reports (apps/server/src/routes/reports.routes.ts): a saved analysis
// with its parameters, its schedule (UTC) and where it goes (e-mail or a file), and what one run
// of it answers. Shared by the server (validation, OpenAPI), the store (the saved shapes) and
// the CLI (types).
import { type Static, type TSchema, Type } from '@sinclair/typebox';

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM, UTC' });

export const REPORT_WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type ReportWeekday = (typeof REPORT_WEEKDAYS)[number];
export const REPORT_FILE_FORMATS = ['html', 'csv'] as const;
export const REPORT_RUN_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportRunFormat = (typeof REPORT_RUN_FORMATS)[number];

export const ReportScheduleSchema = Type.Union(
  [
    Type.Object({ every: Type.Literal('day'), at: Time }, { additionalProperties: false }),
    Type.Object(
      {
        every: Type.Literal('week'),
        weekday: Type.Union(REPORT_WEEKDAYS.map((d) => Type.Literal(d))),
        at: Time,
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        every: Type.Literal('month'),
        day: Type.Integer({
          minimum: 1,
          maximum: 31,
          description: 'Day of the month; shorter months run on their last day instead',
        }),
        at: Time,
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        cron: Type.String({
          minLength: 9,
          maxLength: 120,
          description:
            'minute hour day-of-month month day-of-week (UTC); each field *, a number, a list a,b, a range a-b and a step */n',
        }),
      },
      { additionalProperties: false },
    ),
  ],
  { description: 'When the report is delivered, in UTC' },
);
export type ReportSchedule = Static<typeof ReportScheduleSchema>;

export const ReportDeliverySchema = Type.Union([
  Type.Object(
    {
      email: Type.Object(
        {
          to: Type.Array(Type.String({ format: 'email', maxLength: 254 }), { minItems: 1, maxItems: 50 }),
          subject: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      file: Type.Object(
        {
          dir: Type.String({
            minLength: 1,
            maxLength: 500,
            description: 'Directory under the server’s reports directory (CENTRIC_REPORTS_DIR)',
          }),
          format: Type.Union(REPORT_FILE_FORMATS.map((f) => Type.Literal(f))),
        },
        { additionalProperties: false },
      ),
    },
    { additionalProperties: false },
  ),
]);
export type ReportDelivery = Static<typeof ReportDeliverySchema>;

/** Parameters of the analysis; analyses added later may read more keys, so others are kept. */
export const ReportParamsSchema = Type.Object(
  {
    window: Type.Optional(
      Type.String({
        description:
          'Date range relative to the run: last_N_days (whole days before today), yesterday, today, week_to_date, month_to_date, last_full_week, last_full_month, last_full_year (default last_30_days)',
      }),
    ),
    segmentId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    period: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')])),
    periods: Type.Optional(Type.Integer({ minimum: 1, maximum: 36 })),
  },
  { additionalProperties: true },
);
/** The known keys typed; analyses added later read their own keys from the rest. */
export type ReportParams = Static<typeof ReportParamsSchema> & { [key: string]: unknown };

export const ReportInputSchema = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  analysis: Type.String({ minLength: 1, maxLength: 100, description: 'See GET /v1/reports/analyses' }),
  params: Type.Optional(ReportParamsSchema),
  schedule: Type.Optional(Nullable(ReportScheduleSchema)),
  delivery: ReportDeliverySchema,
});
export type ReportInput = Static<typeof ReportInputSchema>;

export const ReportSchema = Type.Object({
  reportId: Type.String(),
  name: Type.String(),
  analysis: Type.String(),
  params: ReportParamsSchema,
  schedule: Nullable(ReportScheduleSchema),
  delivery: ReportDeliverySchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  nextRunAt: Nullable(Type.String({ format: 'date-time', description: 'Null without a schedule' })),
  lastRunAt: Nullable(Type.String({ format: 'date-time' })),
  lastError: Nullable(Type.String({ description: 'Why the last delivery failed; null when it worked' })),
});
export type ReportInfo = Static<typeof ReportSchema>;

const Cell = Nullable(Type.Union([Type.String(), Type.Number()]));
export const ReportTableSchema = Type.Object({
  name: Type.String({ description: 'File-name friendly: the CSV export takes ?table=<name>' }),
  title: Type.String(),
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Array(Cell)),
});
export type ReportTable = Static<typeof ReportTableSchema>;

export const ReportChartSchema = Type.Object({
  title: Type.String(),
  option: Type.Record(Type.String(), Type.Unknown(), { description: 'An Apache ECharts option' }),
});
export type ReportChart = Static<typeof ReportChartSchema>;

export const ReportRunSchema = Type.Object({
  reportId: Type.String(),
  name: Type.String(),
  analysis: Type.String(),
  title: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  generatedAt: Type.String({ format: 'date-time' }),
  notes: Type.Array(Type.String()),
  tables: Type.Array(ReportTableSchema),
  charts: Type.Array(ReportChartSchema),
});
export type ReportRun = Static<typeof ReportRunSchema>;

export const ReportSendResultSchema = Type.Object({
  reportId: Type.String(),
  deliveredAt: Type.String({ format: 'date-time' }),
  channel: Type.Union([Type.Literal('email'), Type.Literal('file')]),
  recipients: Type.Array(Type.String()),
  files: Type.Array(Type.String({ description: 'Paths written on the server' })),
  images: Type.Union([Type.Literal('png'), Type.Literal('svg'), Type.Literal('none')], {
    description: 'How the charts were embedded: PNG, or SVG when no font was found to rasterise text',
  }),
});
export type ReportSendResult = Static<typeof ReportSendResultSchema>;

export const ReportAnalysisInfoSchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  description: Type.String(),
  params: Type.Object({
    segment: Type.Boolean({ description: 'Takes params.segmentId' }),
    periods: Type.Array(Type.String(), { description: 'Values of params.period it takes; empty: none' }),
    periodCount: Type.Boolean({ description: 'Takes params.periods' }),
  }),
});
export type ReportAnalysisInfo = Static<typeof ReportAnalysisInfoSchema>;

export const ReportCatalogSchema = Type.Object({
  analyses: Type.Array(ReportAnalysisInfoSchema),
  windows: Type.Array(Type.String(), { description: 'Named windows; last_N_days takes any N 1..999' }),
  email: Type.Boolean({ description: 'Whether the server has SMTP settings (CENTRIC_SMTP_URL)' }),
});
export type ReportCatalog = Static<typeof ReportCatalogSchema>;
