// The report scheduler: a timer in the server that runs the reports whose slot has come. Each
// run first claims its slot in the store (ReportStore.claimRun, a compare-and-set), so a slot
// runs once however many ticks or servers see it due. The next slot is the first one after now:
// after a restart (or any pause) a report runs once for the slots it missed, not once per slot.
// Ticks never overlap, and stop() waits for the run in progress before the store closes.
import type { SavedReport } from '@centric/storage';
import type { ReportSettings } from '../config';
import type { CentricService } from '../services/centric-service';
import { errorText, ReportService } from './report-service';
import { nextRunAfter } from './schedule';

/** The part of a logger the scheduler uses (Fastify's pino logger fits). */
export interface SchedulerLog {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ReportSchedulerOptions {
  service: CentricService;
  settings: Readonly<ReportSettings>;
  log?: SchedulerLog;
  /** The clock; tests move it. */
  now?: () => number;
  /** Reports run per tick at most; the rest wait for the next tick. */
  batch?: number;
}

export interface TickSummary {
  due: number;
  ran: { reportId: string; slotAt: number; error: string | null }[];
}

export interface ReportScheduler {
  /** Runs what is due now; resolves when those runs ended. */
  tick(): Promise<TickSummary>;
  stop(): Promise<void>;
}

const SILENT: SchedulerLog = { info: () => undefined, error: () => undefined };

/** A scheduler without a timer: tick() is called by startReportScheduler, or by tests. */
export function createReportScheduler(options: ReportSchedulerOptions): ReportScheduler {
  const now = options.now ?? Date.now;
  const log = options.log ?? SILENT;
  const store = options.service.store.reports;
  const reports = new ReportService(options.service, options.settings, now);
  let current: Promise<TickSummary> | null = null;
  let stopped = false;

  async function runOne(report: SavedReport, summary: TickSummary): Promise<void> {
    if (report.schedule === null || report.nextRunAt === null) return;
    const at = now();
    const slotAt = report.nextRunAt;
    let nextRunAt: number;
    try {
      nextRunAt = nextRunAfter(report.schedule, at);
    } catch (error) {
      // A schedule saved by an older version that no longer parses: say so, do not spin on it.
      await store.recordRun(report.projectId, report.reportId, { at, error: errorText(error) });
      await store.update(report.projectId, report.reportId, { nextRunAt: null, at });
      return;
    }
    if (!(await store.claimRun(report.projectId, report.reportId, { slotAt, nextRunAt }))) return;
    let error: string | null = null;
    try {
      const result = await reports.deliver(report, at);
      log.info({ report: report.reportId, slotAt: new Date(slotAt), delivered: result }, 'report delivered');
    } catch (failure) {
      error = errorText(failure);
      log.error(
        { report: report.reportId, slotAt: new Date(slotAt), err: failure },
        'report delivery failed',
      );
    }
    await store.recordRun(report.projectId, report.reportId, { at: now(), error });
    summary.ran.push({ reportId: report.reportId, slotAt, error });
  }

  async function tickOnce(): Promise<TickSummary> {
    const due = await store.due({ now: now(), limit: options.batch ?? 20 });
    const summary: TickSummary = { due: due.length, ran: [] };
    // One after another: two cores are shared with ingest and queries.
    for (const report of due) {
      if (stopped) break;
      try {
        await runOne(report, summary);
      } catch (failure) {
        log.error({ report: report.reportId, err: failure }, 'report scheduling failed');
      }
    }
    return summary;
  }

  return {
    tick() {
      if (stopped) return Promise.resolve({ due: 0, ran: [] });
      // A tick that finds the previous one still running waits for it instead of racing it.
      current ??= tickOnce().finally(() => {
        current = null;
      });
      return current;
    },
    async stop() {
      stopped = true;
      await current?.catch(() => undefined);
    },
  };
}

/**
 * Starts the scheduler on a timer; answers the function that stops it (call it before the
 * store closes).
 *
 * @example const stopReports = startReportScheduler({ service, settings: config.reports, log: app.log });
 */
export function startReportScheduler(options: ReportSchedulerOptions): () => Promise<void> {
  const scheduler = createReportScheduler(options);
  const timer = setInterval(() => {
    scheduler.tick().catch((error) => options.log?.error({ err: error }, 'report scheduler tick failed'));
  }, options.settings.checkIntervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await scheduler.stop();
  };
}
