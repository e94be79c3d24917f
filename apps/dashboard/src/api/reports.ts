// Typed calls for the scheduled-report routes (apps/server/src/routes/reports.routes.ts): saved
// reports, the catalogue of analyses, an on-demand run (JSON for its tables, HTML for the preview,
// CSV for downloads) and "send now". CSV and HTML are text, not JSON, so they have their own fetch.
import { ApiError } from './client';
import { asRecord, bool, type JsonRecord, list, num, str, strList, strOrNull } from './validate';

export type ReportSchedule =
  | { every: 'day'; at: string }
  | { every: 'week'; weekday: string; at: string }
  | { every: 'month'; day: number; at: string }
  | { cron: string };

export type ReportDelivery =
  | { email: { to: string[]; subject?: string } }
  | { file: { dir: string; format: 'html' | 'csv' } };

export interface ReportParams {
  window?: string;
  segmentId?: string;
  period?: string;
  periods?: number;
}

export interface ReportInfo {
  reportId: string;
  name: string;
  analysis: string;
  params: ReportParams;
  schedule: ReportSchedule | null;
  delivery: ReportDelivery;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastError: string | null;
}

export interface ReportInput {
  name: string;
  analysis: string;
  params: ReportParams;
  schedule: ReportSchedule | null;
  delivery: ReportDelivery;
}

export interface AnalysisInfo {
  id: string;
  title: string;
  description: string;
  params: { segment: boolean; periods: string[]; periodCount: boolean };
}

export interface ReportCatalog {
  analyses: AnalysisInfo[];
  windows: string[];
  email: boolean;
}

export interface ReportTableSummary {
  name: string;
  title: string;
  rows: number;
}

export interface ReportRunSummary {
  title: string;
  from: string;
  to: string;
  tables: ReportTableSummary[];
}

export interface SendResult {
  channel: 'email' | 'file';
  recipients: string[];
  files: string[];
  images: string;
}

function parseSchedule(value: unknown): ReportSchedule | null {
  if (value === null || value === undefined) return null;
  const r = asRecord(value, 'schedule');
  if (typeof r.cron === 'string') return { cron: r.cron };
  const at = str(r, 'at');
  if (r.every === 'day') return { every: 'day', at };
  if (r.every === 'week') return { every: 'week', weekday: str(r, 'weekday'), at };
  if (r.every === 'month') return { every: 'month', day: num(r, 'day'), at };
  throw new Error('"schedule" is not a known schedule');
}

function parseDelivery(value: unknown): ReportDelivery {
  const r = asRecord(value, 'delivery');
  if (r.email !== undefined) {
    const email = asRecord(r.email, 'delivery.email');
    const subject = typeof email.subject === 'string' ? { subject: email.subject } : {};
    return { email: { to: strList(email, 'to'), ...subject } };
  }
  const file = asRecord(r.file, 'delivery.file');
  const format = str(file, 'format');
  if (format !== 'html' && format !== 'csv') throw new Error('"format" is not html or csv');
  return { file: { dir: str(file, 'dir'), format } };
}

function parseParams(value: unknown): ReportParams {
  const r: JsonRecord = asRecord(value, 'params');
  const out: ReportParams = {};
  if (typeof r.window === 'string') out.window = r.window;
  if (typeof r.segmentId === 'string') out.segmentId = r.segmentId;
  if (typeof r.period === 'string') out.period = r.period;
  if (typeof r.periods === 'number') out.periods = r.periods;
  return out;
}

export function parseReport(body: unknown): ReportInfo {
  const r = asRecord(body, 'report');
  return {
    reportId: str(r, 'reportId'),
    name: str(r, 'name'),
    analysis: str(r, 'analysis'),
    params: parseParams(r.params),
    schedule: parseSchedule(r.schedule),
    delivery: parseDelivery(r.delivery),
    nextRunAt: strOrNull(r, 'nextRunAt'),
    lastRunAt: strOrNull(r, 'lastRunAt'),
    lastError: strOrNull(r, 'lastError'),
  };
}

export function parseReportList(body: unknown): ReportInfo[] {
  return list(asRecord(body, 'body'), 'reports', parseReport);
}

export function parseReportCatalog(body: unknown): ReportCatalog {
  const r = asRecord(body, 'body');
  return {
    analyses: list(r, 'analyses', (entry) => {
      const a = asRecord(entry, 'analysis');
      const p = asRecord(a.params, 'analysis params');
      return {
        id: str(a, 'id'),
        title: str(a, 'title'),
        description: str(a, 'description'),
        params: {
          segment: bool(p, 'segment'),
          periods: strList(p, 'periods'),
          periodCount: bool(p, 'periodCount'),
        },
      };
    }),
    windows: strList(r, 'windows'),
    email: bool(r, 'email'),
  };
}

export function parseReportRun(body: unknown): ReportRunSummary {
  const r = asRecord(body, 'body');
  return {
    title: str(r, 'title'),
    from: str(r, 'from'),
    to: str(r, 'to'),
    tables: list(r, 'tables', (entry) => {
      const t = asRecord(entry, 'table');
      const rows = t.rows;
      if (!Array.isArray(rows)) throw new Error('"rows" is not an array');
      return { name: str(t, 'name'), title: str(t, 'title'), rows: rows.length };
    }),
  };
}

export function parseSendResult(body: unknown): SendResult {
  const r = asRecord(body, 'body');
  const channel = str(r, 'channel');
  if (channel !== 'email' && channel !== 'file') throw new Error('"channel" is not email or file');
  return {
    channel,
    recipients: strList(r, 'recipients'),
    files: strList(r, 'files'),
    images: str(r, 'images'),
  };
}

export const REPORTS_PATH = '/v1/reports';
export const REPORT_CATALOG_PATH = '/v1/reports/analyses';

export function reportPath(reportId: string): string {
  return `/v1/reports/${encodeURIComponent(reportId)}`;
}

export function reportRunPath(reportId: string, format: 'json' | 'csv' | 'html', table?: string): string {
  const query = new URLSearchParams({ format });
  if (table) query.set('table', table);
  return `${reportPath(reportId)}/run?${query.toString()}`;
}

/** GETs a CSV or HTML export: its text and the file name the server gave it. */
export async function fetchReportText(
  path: string,
  secretKey: string,
): Promise<{ text: string; fileName: string }> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { Authorization: `Bearer ${secretKey}` } });
  } catch {
    throw new ApiError(0, 'network_error', 'Could not reach the Centric server. Is it running?');
  }
  const text = await response.text();
  if (!response.ok) {
    let message = `The server answered with HTTP ${response.status}.`;
    let code = `http_${response.status}`;
    try {
      const error = asRecord(asRecord(JSON.parse(text), 'body').error, 'error');
      message = str(error, 'message');
      code = str(error, 'code');
    } catch {
      // Not our error body: the status line above says enough.
    }
    throw new ApiError(response.status, code, message);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  return { text, fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'report.txt' };
}
