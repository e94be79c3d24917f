// What `centric query journeys|paths|funnel|journey-phases` need, through a running server
// (HTTP with its local admin token) or on the store in this process (JourneyService). Reached
// as CentricClient.journeys(), so the connection logic stays in one place (connect.ts).
import type { ErrorBody } from '@centric/contracts';
import {
  type CentricService,
  type FunnelReportResponse,
  type FunnelRequest,
  JourneyService,
  type JourneysReport,
  type JourneysRequest,
  type PathsReport,
  type PathsRequest,
  type PhaseFunnelReport,
  type PhaseFunnelRequest,
  type ServerFile,
} from '@centric/server';

export interface JourneyClient {
  journeys(input: JourneysRequest): Promise<JourneysReport>;
  paths(input: PathsRequest): Promise<PathsReport>;
  /** Steps as comma-separated text (see packages/analyses/src/journeys/funnel-steps.ts). */
  funnel(input: FunnelRequest & { steps: string }): Promise<FunnelReportResponse>;
  phases(input: PhaseFunnelRequest): Promise<PhaseFunnelReport>;
}

export class LocalJourneyClient implements JourneyClient {
  private readonly journeysService: JourneyService;

  constructor(
    service: CentricService,
    private readonly projectId: string,
  ) {
    this.journeysService = new JourneyService(service.store);
  }

  journeys(input: JourneysRequest) {
    return this.journeysService.journeys(this.projectId, input);
  }

  paths(input: PathsRequest) {
    return this.journeysService.paths(this.projectId, input);
  }

  funnel(input: FunnelRequest & { steps: string }) {
    return this.journeysService.funnel(this.projectId, input);
  }

  phases(input: PhaseFunnelRequest) {
    return this.journeysService.phaseFunnel(this.projectId, input);
  }
}

export class JourneyClientError extends Error {}

export class RemoteJourneyClient implements JourneyClient {
  constructor(private readonly server: Pick<ServerFile, 'url' | 'adminToken'>) {}

  private async get<T>(
    path: string,
    params: Record<string, string | number | boolean | undefined>,
  ): Promise<T> {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) q.set(key, String(value));
    const res = await fetch(`${this.server.url}${path}?${q}`, {
      headers: { authorization: `Bearer ${this.server.adminToken}` },
    });
    const json = (await res.json()) as T | ErrorBody;
    if (!res.ok)
      throw new JourneyClientError((json as ErrorBody).error?.message ?? `server answered ${res.status}`);
    return json as T;
  }

  journeys(input: JourneysRequest) {
    return this.get<JourneysReport>('/v1/query/journeys', {
      ...scope(input),
      ...compare(input),
      limit: input.limit,
    });
  }

  paths(input: PathsRequest) {
    return this.get<PathsReport>('/v1/query/paths', {
      ...scope(input),
      ...compare(input),
      groupBy: input.groupBy,
      depth: input.depth,
      startAt: input.startAt,
      endAt: input.endAt,
      collapse: input.collapse,
      maxNodes: input.maxNodes,
    });
  }

  funnel(input: FunnelRequest & { steps: string }) {
    return this.get<FunnelReportResponse>('/v1/query/funnel', {
      ...scope(input),
      ...funnelOptions(input),
      steps: input.steps,
    });
  }

  phases(input: PhaseFunnelRequest) {
    return this.get<PhaseFunnelReport>('/v1/query/journey-phases', {
      ...scope(input),
      ...funnelOptions(input),
    });
  }
}

const scope = (input: JourneysRequest) => ({
  from: input.from,
  to: input.to,
  segment: input.segmentId,
  profiles: input.profileIds?.join(','),
});
const compare = (input: JourneysRequest) => ({
  compareFrom: input.compareFrom,
  compareTo: input.compareTo,
  compareSegment: input.compareSegmentId,
});
const funnelOptions = (input: PhaseFunnelRequest) => ({
  window: input.window,
  entity: input.entity,
  breakdown: input.breakdown,
  comparePrevious: input.comparePrevious,
});
