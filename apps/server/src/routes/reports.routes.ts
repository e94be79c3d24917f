// Scheduled report routes for the dashboard's Reports page and the CLI: saved reports (CRUD),
// the catalogue of analyses a report can run, an on-demand run exported as JSON, CSV or HTML,
// and "send now". All need the project's secret key (or the local admin token).
import {
  ErrorBodySchema,
  REPORT_RUN_FORMATS,
  ReportCatalogSchema,
  type ReportInput,
  ReportInputSchema,
  type ReportRunFormat,
  ReportSchema,
  ReportSendResultSchema,
} from '@centric/contracts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import type { ReportSettings } from '../config';
import { ReportService } from '../reports/report-service';
import type { CentricService } from '../services/centric-service';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  500: ErrorBodySchema,
  503: ErrorBodySchema,
};
const secured = [{ secretKey: [] }];
const tags = ['reports'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) });
const idOf = (params: unknown) => (params as { id: string }).id;

export function registerReportRoutes(
  app: FastifyInstance,
  {
    service,
    secret,
    settings,
  }: { service: CentricService; secret: preHandlerAsyncHookHandler; settings: Readonly<ReportSettings> },
): void {
  const reports = new ReportService(service, settings);

  app.get(
    '/v1/reports',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Saved reports of the project, oldest first',
        security: secured,
        response: { 200: Type.Object({ reports: Type.Array(ReportSchema) }), ...errors },
      },
    },
    async (request) => ({ reports: await reports.list(request.auth!.projectId) }),
  );

  app.get(
    '/v1/reports/analyses',
    {
      preHandler: secret,
      schema: {
        tags,
        summary:
          'What a report can run: analyses and their parameters, date windows, whether e-mail is set up',
        security: secured,
        response: { 200: ReportCatalogSchema, ...errors },
      },
    },
    async () => reports.catalog(),
  );

  app.post(
    '/v1/reports',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Save a report: an analysis, its parameters, a schedule (UTC) and a delivery',
        security: secured,
        body: ReportInputSchema,
        response: { 201: ReportSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reports.create(request.auth!.projectId, request.body as ReportInput)),
  );

  app.get(
    '/v1/reports/:id',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'One saved report with its next and last run',
        security: secured,
        params: IdParams,
        response: { 200: ReportSchema, ...errors },
      },
    },
    async (request) => reports.get(request.auth!.projectId, idOf(request.params)),
  );

  app.put(
    '/v1/reports/:id',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Change a report; a new schedule starts from now',
        security: secured,
        params: IdParams,
        body: Type.Partial(ReportInputSchema, { minProperties: 1 }),
        response: { 200: ReportSchema, ...errors },
      },
    },
    async (request) =>
      reports.update(request.auth!.projectId, idOf(request.params), request.body as Partial<ReportInput>),
  );

  app.delete(
    '/v1/reports/:id',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Delete a report and its schedule',
        security: secured,
        params: IdParams,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await reports.remove(request.auth!.projectId, idOf(request.params));
      return reply.status(204).send();
    },
  );

  app.post(
    '/v1/reports/:id/send',
    {
      preHandler: secret,
      schema: {
        tags,
        summary: 'Deliver a report now (e-mail or file), outside its schedule; the outcome is recorded',
        security: secured,
        params: IdParams,
        response: { 200: ReportSendResultSchema, ...errors },
      },
    },
    async (request) => reports.send(request.auth!.projectId, idOf(request.params)),
  );

  app.get(
    '/v1/reports/:id/run',
    {
      preHandler: secret,
      schema: {
        tags,
        summary:
          'Run a report now and export it: json (tables and ECharts options), csv (one table, the first by default) or html (as delivered to files)',
        security: secured,
        params: IdParams,
        querystring: Type.Object({
          format: Type.Optional(
            Type.Union(
              REPORT_RUN_FORMATS.map((f) => Type.Literal(f)),
              { default: 'json' },
            ),
          ),
          table: Type.Optional(
            Type.String({ minLength: 1, maxLength: 100, description: 'CSV: which table' }),
          ),
        }),
        // No 200 schema: the body is JSON, CSV or HTML as asked, sent as rendered.
        response: errors,
      },
    },
    async (request, reply) => {
      const { format = 'json', table } = request.query as { format?: ReportRunFormat; table?: string };
      const out = await reports.export(request.auth!.projectId, idOf(request.params), { format, table });
      const disposition = format === 'csv' ? 'attachment' : 'inline';
      return reply
        .type(out.contentType)
        .header('content-disposition', `${disposition}; filename="${out.fileName}"`)
        .send(out.body);
    },
  );
}
