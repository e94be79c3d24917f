// The shopping stream of a running server (GET /v1/stream, the CLI, the dashboard's preview):
// resolves the visitor (anonymous id, user id, identity key or profile id) to its profile's
// identities, gathers the inputs (services/stream/gather-inputs.ts), builds the stream with the
// pure logic of @centric/recommend, cuts the page the cursor asks for, and logs the page's
// recommendation cards as one impression of slot "stream" so that clicks are attributed.
import { STREAM_SLOT, type StreamResponse } from '@centric/contracts';
import { stream } from '@centric/recommend';
import type { Store } from '@centric/storage';
import { CentricError } from '../errors';
import type { RecommendationService } from './recommendation-service';
import { type GatherOptions, gatherStreamInputs } from './stream/gather-inputs';

export interface StreamServiceOptions extends Partial<GatherOptions> {
  now?: () => number;
  /** Cards per page when the request says none. Default 20. */
  pageSize?: number;
  /** Length of a whole stream. Default 200. */
  maxCards?: number;
}

export interface StreamRequest {
  visitor: string;
  cursor?: string | undefined;
  limit?: number | undefined;
  /** A preview (dashboard): no impression is logged. */
  preview?: boolean | undefined;
}

export class StreamService {
  private readonly now: () => number;
  private readonly gather: GatherOptions;

  constructor(
    private readonly store: Store,
    private readonly recommendations: RecommendationService,
    private readonly options: StreamServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.gather = {
      historyDays: options.historyDays ?? 90,
      newArrivalDays: options.newArrivalDays ?? 30,
      arrivalGapMs: options.arrivalGapMs ?? 3_600_000,
      recommendations: options.recommendations ?? 100,
      ladder: options.ladder,
    };
  }

  /**
   * One page of a visitor's stream.
   *
   * @example await streams.stream(projectId, { visitor: 'anon-1', limit: 20 })
   */
  async stream(projectId: string, request: StreamRequest): Promise<StreamResponse> {
    const now = this.now();
    const visitor = await this.visitorKey(projectId, request.visitor);
    const identities = await this.recommendations.identities(projectId, visitor);
    const { inputs, algorithm } = await gatherStreamInputs(
      { store: this.store, recommendations: this.recommendations },
      { projectId, visitor, identities, now, options: this.gather },
    );
    const cards = stream.buildStream(inputs, { maxCards: this.options.maxCards ?? 200 });
    let page: stream.StreamPage;
    try {
      page = stream.pageStream(cards, {
        visitor: request.visitor,
        cursor: request.cursor,
        limit: request.limit ?? this.options.pageSize ?? 20,
      });
    } catch (error) {
      if (error instanceof stream.StreamCursorError)
        throw new CentricError(
          'invalid_query',
          `cursor: ${error.message}; pass the nextCursor of the previous page`,
        );
      throw error;
    }
    const recommended = page.cards.filter((c) => c.kind === 'recommendation' && c.product);
    if (recommended.length > 0) {
      const recommendationId = request.preview
        ? 'preview'
        : this.recommendations.logImpression(projectId, {
            slot: STREAM_SLOT,
            algorithm,
            productIds: recommended.map((c) => c.product!.productId),
            visitor,
          });
      for (const card of recommended) card.recommendationId = recommendationId;
    }
    return { visitor: request.visitor, cards: page.cards, nextCursor: page.nextCursor };
  }

  /** A profile id stands for its profile: one of its identities (a user's first) resolves it whole. */
  private async visitorKey(projectId: string, visitor: string): Promise<string> {
    if (!visitor.startsWith('p_')) return visitor;
    const identities = await this.store.profiles.identities(projectId, visitor);
    const key = identities.find((i) => i.startsWith('u:')) ?? identities[0];
    if (!key) throw new CentricError('not_found', `no customer profile "${visitor}"`);
    return key;
  }
}
