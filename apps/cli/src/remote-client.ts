// CentricClient over HTTP to the server that holds the store.

import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type {
  AssociationReport,
  ErrorBody,
  EventError,
  PatternReport,
  PersonaDiscoverBody,
  PersonaReport,
  PersonaSegment,
  SegmentInfo,
  SegmentMembers,
} from '@centric/contracts';
import type { ImportSummary } from '@centric/importers';
import { readServerFile, type ServerFile } from '@centric/server';
import type {
  BatchOutcome,
  CentricClient,
  ClvModelOutput,
  CustomerKpiInput,
  CustomerKpiReport,
  ImportRequest,
  RetentionInput,
  RetentionReport,
} from './centric-client';
import { RemoteJourneyClient } from './journey-client';
import { RemoteRecommendClient } from './recommend-client';
import { RemoteReportClient } from './report-client';
import { RemoteSearchClient } from './search-client';

export class CliError extends Error {}

/** The running server for a data directory, if its server.json is live; null otherwise. */
export async function findRunningServer(dataDir: string): Promise<ServerFile | null> {
  const info = readServerFile(dataDir);
  if (!info) return null;
  try {
    process.kill(info.pid, 0);
  } catch {
    return null;
  }
  try {
    const res = await fetch(`${info.url}/health`, { signal: AbortSignal.timeout(3000) });
    const body = (await res.json()) as { pid?: number };
    return res.ok && body.pid === info.pid ? info : null;
  } catch {
    return null;
  }
}

export class RemoteClient implements CentricClient {
  readonly mode = 'remote' as const;

  constructor(private readonly server: ServerFile) {}

  private async call<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: T }> {
    const res = await fetch(`${this.server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.server.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T;
    return { status: res.status, json };
  }

  private async get<T>(path: string): Promise<T> {
    const { status, json } = await this.call<T | ErrorBody>('GET', path);
    if (status !== 200) throw new CliError((json as ErrorBody).error?.message ?? `server answered ${status}`);
    return json as T;
  }

  keys() {
    return this.get<Awaited<ReturnType<CentricClient['keys']>>>('/v1/projects/current/keys');
  }

  overview(range: { from?: string | undefined; to?: string | undefined }) {
    const q = new URLSearchParams();
    if (range.from) q.set('from', range.from);
    if (range.to) q.set('to', range.to);
    return this.get<Awaited<ReturnType<CentricClient['overview']>>>(`/v1/query/overview?${q}`);
  }

  retention(input: RetentionInput) {
    const q = query({
      cohort: input.cohortBy,
      activity: input.activity,
      period: input.period,
      from: input.from,
      to: input.to,
      periods: input.periods,
      segment: input.segmentId,
      compareSegment: input.compareSegmentId,
    });
    return this.get<RetentionReport>(`/v1/query/retention?${q}`);
  }

  customerKpis(input: CustomerKpiInput) {
    const q = query({
      from: input.from,
      to: input.to,
      period: input.period,
      segment: input.segmentId,
      lifecycleStage: input.lifecycleStage,
      activityWindow: input.activityWindowDays,
    });
    return this.get<CustomerKpiReport>(`/v1/query/kpis?${q}`);
  }

  async ingestBatch(messages: readonly unknown[]): Promise<BatchOutcome> {
    const { status, json } = await this.call<ErrorBody | { accepted: number; duplicates: number }>(
      'POST',
      '/v1/batch',
      { batch: messages },
    );
    if (status === 200) {
      const ok = json as { accepted: number; duplicates: number };
      return { ok: true, accepted: ok.accepted, duplicates: ok.duplicates };
    }
    const error = (json as ErrorBody).error;
    if (error?.code === 'validation_failed' && Array.isArray(error.details))
      return { ok: false, errors: error.details as EventError[] };
    throw new CliError(error?.message ?? `server answered ${status}`);
  }

  /** Streams the file to the server, which imports it; progress counts bytes uploaded. */
  async importFile({ kind, file, format, strict, onProgress }: ImportRequest): Promise<ImportSummary> {
    const q = new URLSearchParams({ filename: basename(file) });
    if (format) q.set('format', format);
    if (strict) q.set('strict', 'true');
    const stream = createReadStream(file);
    stream.on('data', () => onProgress?.(stream.bytesRead, 0));
    const res = await fetch(`${this.server.url}/v1/import/${kind}?${q}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.server.adminToken}`,
        'content-type': 'application/octet-stream',
      },
      body: Readable.toWeb(stream) as ReadableStream<Uint8Array>,
      duplex: 'half',
    } as RequestInit);
    const json = (await res.json()) as ImportSummary | ErrorBody;
    if (res.status !== 200)
      throw new CliError((json as ErrorBody).error?.message ?? `server answered ${res.status}`);
    return json as ImportSummary;
  }

  private async send<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.server.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.server.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T | ErrorBody;
    if (!res.ok) throw new CliError((json as ErrorBody).error?.message ?? `server answered ${res.status}`);
    return json as T;
  }

  customer360(id: string) {
    return this.send<unknown>('GET', `/v1/customers/${encodeURIComponent(id)}`);
  }

  exportCustomer(id: string) {
    return this.send<unknown>('GET', `/v1/customers/${encodeURIComponent(id)}/export`);
  }

  eraseCustomer(id: string) {
    return this.send<Awaited<ReturnType<CentricClient['eraseCustomer']>>>(
      'DELETE',
      `/v1/customers/${encodeURIComponent(id)}`,
    );
  }

  fitClv(until: string | undefined) {
    return this.send<ClvModelOutput>(
      'GET',
      `/v1/model/clv${until ? `?until=${encodeURIComponent(until)}` : ''}`,
    );
  }

  refreshTraits(full: boolean) {
    return this.send<{ profiles: number; full: boolean }>('POST', '/v1/profiles/refresh', { full });
  }

  async listSegments() {
    return (await this.send<{ segments: SegmentInfo[] }>('GET', '/v1/segments')).segments;
  }

  createSegment(input: { name: string; rule: string }) {
    return this.send<SegmentInfo>('POST', '/v1/segments', input);
  }

  segmentMembers(segmentId: string, limit: number) {
    return this.send<SegmentMembers>(
      'GET',
      `/v1/segments/${encodeURIComponent(segmentId)}/members?limit=${limit}`,
    );
  }

  patterns(input: Parameters<CentricClient['patterns']>[0]) {
    const q = query({
      from: input.from,
      to: input.to,
      vocabulary: input.vocabulary,
      minSupport: input.minSupport,
      maxLength: input.maxLength,
      segment: input.segmentId,
      items: input.items?.join(','),
      limit: input.limit,
    });
    return this.send<PatternReport>('GET', `/v1/query/patterns?${q}`);
  }

  associations(input: Parameters<CentricClient['associations']>[0]) {
    const q = query({
      side: input.side,
      from: input.from,
      to: input.to,
      minSupport: input.minSupport,
      minConfidence: input.minConfidence,
      sort: input.sort,
      limit: input.limit,
    });
    return this.send<AssociationReport>('GET', `/v1/query/associations?${q}`);
  }

  discoverPersonas(input: PersonaDiscoverBody) {
    return this.send<PersonaReport>('POST', '/v1/personas/discover', input);
  }

  latestPersonas() {
    return this.send<PersonaReport>('GET', '/v1/personas');
  }

  personaSegment(personaId: string) {
    return this.send<PersonaSegment>('POST', `/v1/personas/${encodeURIComponent(personaId)}/segment`, {});
  }

  async loadDemo() {
    const { status, json } = await this.call<Awaited<ReturnType<CentricClient['loadDemo']>> | ErrorBody>(
      'POST',
      '/v1/demo',
      {},
    );
    if (status !== 200) throw new CliError((json as ErrorBody).error?.message ?? `server answered ${status}`);
    return json as Awaited<ReturnType<CentricClient['loadDemo']>>;
  }

  recommendations() {
    return new RemoteRecommendClient(this.server);
  }

  search() {
    return new RemoteSearchClient(this.server);
  }

  journeys() {
    return new RemoteJourneyClient(this.server);
  }

  reports() {
    return new RemoteReportClient(this.server);
  }

  async close(): Promise<void> {}
}

/** A query string of the parameters that are set. */
function query(params: Record<string, string | number | undefined>): URLSearchParams {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) q.set(key, String(value));
  return q;
}
