// Scheduled reports as the API, the CLI and the scheduler see them: saved reports (checked
// against the analysis registry, the window words and the reports directory), a run of one
// (its window resolved at the run's clock), its export as JSON, CSV or HTML, and its delivery
// by e-mail or to files. One class, so that every surface answers the same way.
import type {
  ReportCatalog,
  ReportInfo,
  ReportInput,
  ReportRun,
  ReportRunFormat,
  ReportSendResult,
} from '@centric/contracts';
import type { ReportDefinition, SavedReport } from '@centric/storage';
import type { ReportSettings } from '../config';
import { CentricError } from '../errors';
import type { CentricService } from '../services/centric-service';
import { ChartImageRenderer } from './chart-images';
import { deliveryDir, sendReportEmail, writeReportFiles } from './report-delivery';
import {
  buildReportEmail,
  buildReportFileHtml,
  csvFiles,
  fileStem,
  type ReportOutputs,
} from './report-output';
import { reportAnalysis, reportAnalysisCatalog } from './report-registry';
import {
  DEFAULT_REPORT_WINDOW,
  isReportWindow,
  NAMED_REPORT_WINDOWS,
  resolveReportWindow,
} from './report-window';
import { describeSchedule, nextRunAfter, validateSchedule } from './schedule';

export interface ReportExport {
  contentType: string;
  fileName: string;
  body: string;
}

/** One renderer per font file and process: the font is read once. */
const renderers = new Map<string, ChartImageRenderer>();
function rendererFor(fontFile: string): ChartImageRenderer {
  let renderer = renderers.get(fontFile);
  if (!renderer) {
    renderer = new ChartImageRenderer(fontFile);
    renderers.set(fontFile, renderer);
  }
  return renderer;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function toReportInfo(r: SavedReport): ReportInfo {
  return {
    reportId: r.reportId,
    name: r.name,
    analysis: r.analysis,
    params: r.params,
    schedule: r.schedule,
    delivery: r.delivery,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
    nextRunAt: iso(r.nextRunAt),
    lastRunAt: iso(r.lastRunAt),
    lastError: r.lastError,
  };
}

export class ReportService {
  private readonly renderer: ChartImageRenderer;

  constructor(
    private readonly service: CentricService,
    private readonly settings: Readonly<ReportSettings>,
    private readonly clock: () => number = Date.now,
  ) {
    this.renderer = rendererFor(settings.fontFile);
  }

  catalog(): ReportCatalog {
    return {
      analyses: reportAnalysisCatalog(),
      windows: [...NAMED_REPORT_WINDOWS],
      email: this.settings.smtpUrl !== '',
    };
  }

  async list(projectId: string): Promise<ReportInfo[]> {
    return (await this.service.store.reports.list(projectId)).map(toReportInfo);
  }

  async get(projectId: string, reportId: string): Promise<ReportInfo> {
    return toReportInfo(await this.saved(projectId, reportId));
  }

  async create(projectId: string, input: ReportInput): Promise<ReportInfo> {
    const definition: ReportDefinition = {
      name: input.name,
      analysis: input.analysis,
      params: input.params ?? {},
      schedule: input.schedule ?? null,
      delivery: input.delivery,
    };
    await this.check(projectId, definition);
    const now = this.clock();
    const nextRunAt = definition.schedule ? nextRunAfter(definition.schedule, now) : null;
    return toReportInfo(
      await this.service.store.reports.create(projectId, { ...definition, nextRunAt, at: now }),
    );
  }

  async update(projectId: string, reportId: string, change: Partial<ReportInput>): Promise<ReportInfo> {
    const current = await this.saved(projectId, reportId);
    const next: ReportDefinition = {
      name: change.name ?? current.name,
      analysis: change.analysis ?? current.analysis,
      params: change.params ?? current.params,
      schedule: change.schedule === undefined ? current.schedule : change.schedule,
      delivery: change.delivery ?? current.delivery,
    };
    await this.check(projectId, next);
    const now = this.clock();
    // A new schedule starts from now; an unchanged one keeps its slot (and so its catch-up).
    const rescheduled = JSON.stringify(next.schedule) !== JSON.stringify(current.schedule);
    const nextRunAt = rescheduled
      ? next.schedule
        ? nextRunAfter(next.schedule, now)
        : null
      : current.nextRunAt;
    const saved = await this.service.store.reports.update(projectId, reportId, {
      ...next,
      nextRunAt,
      at: now,
    });
    if (!saved) throw new CentricError('not_found', `report ${reportId} does not exist`);
    return toReportInfo(saved);
  }

  async remove(projectId: string, reportId: string): Promise<void> {
    if (!(await this.service.store.reports.remove(projectId, reportId)))
      throw new CentricError('not_found', `report ${reportId} does not exist`);
  }

  /** Runs a saved report now: its tables and charts, the window resolved at this moment. */
  async run(projectId: string, reportId: string): Promise<ReportOutputs> {
    return this.runSaved(await this.saved(projectId, reportId), this.clock());
  }

  /** A run as a download: JSON (tables and chart options), one table as CSV, or HTML. */
  async export(
    projectId: string,
    reportId: string,
    { format, table }: { format: ReportRunFormat; table?: string | undefined },
  ): Promise<ReportExport> {
    const report = await this.saved(projectId, reportId);
    const now = this.clock();
    const outputs = await this.runSaved(report, now);
    const stem = fileStem(report.name, now, false);
    if (format === 'json')
      return { contentType: 'application/json', fileName: `${stem}.json`, body: JSON.stringify(outputs.run) };
    if (format === 'html')
      return {
        contentType: 'text/html; charset=utf-8',
        fileName: `${stem}.html`,
        body: buildReportFileHtml(outputs, `${report.name}: ${describeSchedule(report.schedule)}.`),
      };
    const files = csvFiles(outputs.run, stem);
    const file = table === undefined ? files[0] : files.find((f) => f.table.name === table);
    if (!file)
      throw new CentricError(
        'not_found',
        `report ${reportId} has no table "${table}"; its tables: ${files.map((f) => f.table.name).join(', ')}`,
      );
    return {
      contentType: 'text/csv; charset=utf-8; header=present',
      fileName: file.fileName,
      body: file.csv,
    };
  }

  /** Delivers a saved report now, outside its schedule, and records the outcome. */
  async send(projectId: string, reportId: string): Promise<ReportSendResult> {
    const report = await this.saved(projectId, reportId);
    const now = this.clock();
    try {
      const result = await this.deliver(report, now);
      await this.service.store.reports.recordRun(projectId, reportId, { at: this.clock(), error: null });
      return result;
    } catch (error) {
      await this.service.store.reports.recordRun(projectId, reportId, {
        at: this.clock(),
        error: errorText(error),
      });
      throw error;
    }
  }

  /** Runs and delivers a report for a run at `nowMs` (the scheduler records the outcome). */
  async deliver(report: SavedReport, nowMs: number): Promise<ReportSendResult> {
    const outputs = await this.runSaved(report, nowMs);
    const footer = `${report.name}: ${describeSchedule(report.schedule)}. Sent by Centric.`;
    const stem = fileStem(report.name, nowMs, report.schedule !== null && 'cron' in report.schedule);
    const base = { reportId: report.reportId, deliveredAt: new Date(nowMs).toISOString() };
    if ('email' in report.delivery) {
      const { to, subject } = report.delivery.email;
      const email = await buildReportEmail(outputs, {
        renderer: this.renderer,
        stem,
        footer,
        ...(subject ? { subject } : {}),
      });
      const sent = await sendReportEmail(this.settings, { to, email });
      return { ...base, channel: 'email', recipients: sent.accepted, files: [], images: email.images };
    }
    const { dir, format } = report.delivery.file;
    const target = deliveryDir(this.settings.filesDir, dir);
    const files =
      format === 'html'
        ? [{ fileName: `${stem}.html`, content: buildReportFileHtml(outputs, footer) }]
        : csvFiles(outputs.run, stem).map((f) => ({ fileName: f.fileName, content: f.csv }));
    const images = format === 'html' && outputs.charts.length > 0 ? 'svg' : 'none';
    return { ...base, channel: 'file', recipients: [], files: writeReportFiles(target, files), images };
  }

  private async runSaved(report: SavedReport, nowMs: number): Promise<ReportOutputs> {
    const analysis = reportAnalysis(report.analysis);
    if (!analysis) throw new CentricError('invalid_query', `unknown report analysis "${report.analysis}"`);
    const window = report.params.window ?? DEFAULT_REPORT_WINDOW;
    const range = invalidAsQuery(() => resolveReportWindow(window, nowMs));
    const content = await analysis.run(this.service, report.projectId, { ...report.params, ...range, nowMs });
    const run: ReportRun = {
      reportId: report.reportId,
      name: report.name,
      analysis: report.analysis,
      title: content.title,
      ...range,
      generatedAt: new Date(nowMs).toISOString(),
      notes: content.notes ?? [],
      tables: content.tables,
      // JSON only, as the API sends it: what the dashboard and the CLI get back.
      charts: content.charts.map((c) => ({
        title: c.title,
        option: JSON.parse(JSON.stringify(c.option)) as Record<string, unknown>,
      })),
    };
    return { run, charts: content.charts };
  }

  private async saved(projectId: string, reportId: string): Promise<SavedReport> {
    const report = await this.service.store.reports.get(projectId, reportId);
    if (!report) throw new CentricError('not_found', `report ${reportId} does not exist`);
    return report;
  }

  /** Refuses a definition that could never run, with a message that says what to change. */
  private async check(projectId: string, d: ReportDefinition): Promise<void> {
    const analysis = reportAnalysis(d.analysis);
    if (!analysis)
      throw new CentricError(
        'invalid_query',
        `unknown analysis "${d.analysis}"; use one of ${reportAnalysisCatalog()
          .map((a) => a.id)
          .join(', ')}`,
      );
    const { window, period, segmentId, periods } = d.params;
    if (window !== undefined && !isReportWindow(window))
      invalidAsQuery(() => resolveReportWindow(window, this.clock()));
    if (period !== undefined && !analysis.params.periods.includes(period))
      throw new CentricError(
        'invalid_query',
        `${d.analysis} takes no period "${period}"${analysis.params.periods.length ? `; use ${analysis.params.periods.join(' or ')}` : ''}`,
      );
    if (periods !== undefined && !analysis.params.periodCount)
      throw new CentricError('invalid_query', `${d.analysis} takes no number of periods`);
    if (segmentId !== undefined) {
      if (!analysis.params.segment) throw new CentricError('invalid_query', `${d.analysis} takes no segment`);
      if (!(await this.service.store.segments.get(projectId, segmentId)))
        throw new CentricError('not_found', `segment ${segmentId} does not exist`);
    }
    if (d.schedule) {
      const schedule = d.schedule;
      invalidAsQuery(() => validateSchedule(schedule));
    }
    if ('file' in d.delivery) deliveryDir(this.settings.filesDir, d.delivery.file.dir);
    else if (d.delivery.email.to.some((a) => !/^[^\s@<>,;]+@[^\s@<>,;]+$/.test(a)))
      throw new CentricError('invalid_query', 'every recipient must be a plain e-mail address (name@host)');
  }
}

function invalidAsQuery<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof RangeError) throw new CentricError('invalid_query', error.message);
    throw error;
  }
}

export function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 1000);
}
