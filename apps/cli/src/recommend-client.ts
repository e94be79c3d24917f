// What `centric recommend` and `centric stream` need, through a running server (HTTP with its local
// admin token) or on the store in this process (a RecommendationService built on the opened store).
// Reached as CentricClient.recommendations(), so the connection logic stays in connect.ts. The CLI
// inspects: it logs no impressions either way (the server's preview routes, no ingest locally).
import type {
  ErrorBody,
  RecommendationResponse,
  SlotInput,
  SlotWire,
  StreamResponse,
} from '@centric/contracts';
import { type CentricService, RecommendationService, type ServerFile, StreamService } from '@centric/server';

export interface RecommendInput {
  slot: string;
  visitor?: string | undefined;
  product?: string | undefined;
  limit?: number | undefined;
}

export interface StreamInput {
  visitor: string;
  cursor?: string | undefined;
  limit?: number | undefined;
}

export interface RecommendClient {
  recommend(input: RecommendInput): Promise<RecommendationResponse>;
  stream(input: StreamInput): Promise<StreamResponse>;
}

export class LocalRecommendClient implements RecommendClient {
  private readonly recommendations: RecommendationService;
  private readonly streams: StreamService;

  constructor(
    service: CentricService,
    private readonly projectId: string,
  ) {
    // Built from the store on first use; no ingest, so no impression is logged.
    this.recommendations = new RecommendationService(service.store);
    this.streams = new StreamService(service.store, this.recommendations);
  }

  recommend(input: RecommendInput) {
    return this.recommendations.recommend(this.projectId, input, { log: false });
  }

  stream(input: StreamInput) {
    return this.streams.stream(this.projectId, { ...input, preview: true });
  }
}

export class RecommendClientError extends Error {}

export class RemoteRecommendClient implements RecommendClient {
  constructor(private readonly server: Pick<ServerFile, 'url' | 'adminToken'>) {}

  private async call<T>(path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${this.server.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const json = (await res.json()) as T | ErrorBody;
    if (!res.ok)
      throw new RecommendClientError((json as ErrorBody).error?.message ?? `server answered ${res.status}`);
    return json as T;
  }

  /** The saved slot shown through the preview route, so that an inspection is not an impression. */
  async recommend(input: RecommendInput): Promise<RecommendationResponse> {
    const { slots } = await this.call<{ slots: SlotWire[] }>('/v1/recommendations/slots');
    const slot = slots.find((s) => s.slotId === input.slot);
    if (!slot)
      throw new RecommendClientError(
        `no recommendation slot "${input.slot}" (slots: ${slots.map((s) => s.slotId).join(', ')})`,
      );
    const draft: SlotInput = {
      name: slot.name,
      algorithm: slot.algorithm,
      limit: input.limit ?? slot.limit,
      rules: slot.rules,
    };
    const answer = await this.call<RecommendationResponse>('/v1/recommendations/preview', {
      slot: draft,
      ...(input.visitor ? { visitor: input.visitor } : {}),
      ...(input.product ? { product: input.product } : {}),
    });
    return { ...answer, slot: input.slot };
  }

  stream(input: StreamInput): Promise<StreamResponse> {
    const q = new URLSearchParams({ visitor: input.visitor, preview: 'true' });
    if (input.cursor) q.set('cursor', input.cursor);
    if (input.limit !== undefined) q.set('limit', String(input.limit));
    return this.call<StreamResponse>(`/v1/stream?${q}`);
  }
}
