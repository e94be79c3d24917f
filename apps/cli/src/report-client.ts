// What `centric report` needs, through a running server (HTTP with its local admin token) or
// on the store in this process (ReportService, with this process's SMTP settings). Reached as
// CentricClient.reports(config), so the connection logic stays in one place (connect.ts).
import type {
  ErrorBody,
  ReportCatalog,
  ReportInfo,
  ReportInput,
  ReportRunFormat,
  ReportSendResult,
} from '@centric/contracts';
import type { CentricService, Config, ServerFile } from '@centric/server';
import { ReportService } from '@centric/server';

export interface ReportRunRequest {
  format: ReportRunFormat;
  /** CSV: which table (default the report's main one). */
  table?: string | undefined;
}

export interface ReportClient {
  catalog(): Promise<ReportCatalog>;
  list(): Promise<ReportInfo[]>;
  create(input: ReportInput): Promise<ReportInfo>;
  remove(reportId: string): Promise<void>;
  /** Runs a report now: the body as JSON, CSV or HTML text, and a file name for it. */
  run(reportId: string, request: ReportRunRequest): Promise<{ body: string; fileName: string }>;
  /** Delivers a report now (e-mail or file). */
  send(reportId: string): Promise<ReportSendResult>;
}

export class LocalReportClient implements ReportClient {
  private readonly reports: ReportService;

  constructor(
    service: CentricService,
    private readonly projectId: string,
    config: Readonly<Config>,
  ) {
    this.reports = new ReportService(service, config.reports);
  }

  async catalog() {
    return this.reports.catalog();
  }

  list() {
    return this.reports.list(this.projectId);
  }

  create(input: ReportInput) {
    return this.reports.create(this.projectId, input);
  }

  remove(reportId: string) {
    return this.reports.remove(this.projectId, reportId);
  }

  async run(reportId: string, { format, table }: ReportRunRequest) {
    const out = await this.reports.export(this.projectId, reportId, { format, table });
    return { body: out.body, fileName: out.fileName };
  }

  send(reportId: string) {
    return this.reports.send(this.projectId, reportId);
  }
}

export class ReportClientError extends Error {}

export class RemoteReportClient implements ReportClient {
  constructor(private readonly server: Pick<ServerFile, 'url' | 'adminToken'>) {}

  private async request(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    const res = await fetch(`${this.server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.server.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) {
      const text = await res.text();
      let message = `server answered ${res.status}`;
      try {
        message = (JSON.parse(text) as ErrorBody).error?.message ?? message;
      } catch {
        // Not our error body (a proxy?): the status says enough.
      }
      throw new ReportClientError(message);
    }
    return res;
  }

  private async json<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    return (await (await this.request(method, path, body)).json()) as T;
  }

  catalog() {
    return this.json<ReportCatalog>('GET', '/v1/reports/analyses');
  }

  async list() {
    return (await this.json<{ reports: ReportInfo[] }>('GET', '/v1/reports')).reports;
  }

  create(input: ReportInput) {
    return this.json<ReportInfo>('POST', '/v1/reports', input);
  }

  async remove(reportId: string) {
    await this.request('DELETE', `/v1/reports/${encodeURIComponent(reportId)}`);
  }

  async run(reportId: string, { format, table }: ReportRunRequest) {
    const q = new URLSearchParams({ format });
    if (table) q.set('table', table);
    const res = await this.request('GET', `/v1/reports/${encodeURIComponent(reportId)}/run?${q}`);
    const disposition = res.headers.get('content-disposition') ?? '';
    const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${reportId}.${format}`;
    return { body: await res.text(), fileName };
  }

  send(reportId: string) {
    return this.json<ReportSendResult>('POST', `/v1/reports/${encodeURIComponent(reportId)}/send`);
  }
}
