// The recommendation engine of a running server: per project, in-memory models built from the
// store on first use (recommendations/model-builder.ts), fed by the ingest pipeline's afterStore
// hook as events arrive, with a light refresh of catalogue and slots and a periodic rebuild that
// re-bounds memory. `recommend()` is the one entry every channel uses (the HTTP slot API, later
// the decision API and e-mails): it resolves the visitor through the identity graph, builds the
// candidate list of the slot's algorithm, applies the slot's rules with the bought-item
// suppression shared by every channel, and logs the impression for attribution.
import { randomBytes } from 'node:crypto';
import type { AttributionReport, RecommendationResponse, SlotInput, SlotWire } from '@centric/contracts';
import { resolveDayRange, toInstantRange } from '@centric/core';
import type { IngestRequest, IngestResult } from '@centric/ingest';
import type { SavedSlot, Store, StoredEvent } from '@centric/storage';
import { CentricError } from '../errors';
import { candidateList } from './recommendations/candidate-lists';
import { impressionEvent } from './recommendations/impression-log';
import { applyEvents, linkedVisitors } from './recommendations/live-events';
import { type BuildWindows, buildModels, loadCatalogue, pacer } from './recommendations/model-builder';
import type { ProductCatalogue } from './recommendations/product-catalogue';
import type { ModelOptions, ProjectModels } from './recommendations/project-models';
import { serveSlot } from './recommendations/serve-slot';
import { SLOT_ID_PATTERN } from './recommendations/slot-rules';
import { EMPTY_CONTEXT, type VisitorContext } from './recommendations/visitor-book';
import { VisitorResolver } from './recommendations/visitor-resolver';
import { ServerEventLog } from './server-event-log';

export interface RecommendationServiceOptions {
  /** Where impressions go: the server's ingest pipeline. Without it nothing is logged. */
  ingest?: (request: IngestRequest) => Promise<IngestResult>;
  onError?: (error: unknown) => void;
  /** A visitor's session is current for this long after its last click. Default 30 minutes. */
  sessionTimeoutMs?: number;
  /** Catalogue and slots are re-read this often. Default 2 minutes. */
  refreshIntervalMs?: number;
  /** Models are rebuilt from the store this often. Default 30 minutes. */
  rebuildIntervalMs?: number;
  /** Item lists whose counts changed, and aged trending lists, are recomputed this often. Default 30 s. */
  itemRefreshIntervalMs?: number;
  /** An order counts for a list served up to this long before it. Default 7 days. */
  attributionWindowMs?: number;
  windows?: BuildWindows;
  models?: ModelOptions;
  now?: () => number;
}

export interface RecommendRequest {
  /** A saved slot's id. */
  slot: string;
  /** Anonymous id or user id ('a:' / 'u:' keys accepted too). */
  visitor?: string | undefined;
  /** The page's product. */
  product?: string | undefined;
  /** Overrides the slot's length. */
  limit?: number | undefined;
}

export interface RecommendOptions {
  /** Log the impression (default true); previews do not. */
  log?: boolean;
  /** An unsaved slot configuration (the dashboard's live preview). */
  draft?: SlotInput;
}

interface ProjectState {
  models: ProjectModels | null;
  building: Promise<ProjectModels> | null;
  /** Events stored while a (re)build reads the store, applied to the new models when it is done. */
  queue: (readonly StoredEvent[])[] | null;
  /** The catalogue version the models hold (see RecommendationStore.catalogueVersion). */
  catalogueVersion: string | null;
}

const MINUTE = 60_000;
/** Unique per process start; a counter after it keeps ids unique without a random draw per request. */
const ID_PREFIX = `rec_${randomBytes(9).toString('base64url')}`;
let idCounter = 0;
const nextRecommendationId = () => `${ID_PREFIX}${(idCounter++).toString(36)}`;
const DAY = 86_400_000;

export class RecommendationService {
  private readonly projects = new Map<string, ProjectState>();
  private readonly resolver: VisitorResolver;
  private readonly impressions: ServerEventLog | null;
  private readonly now: () => number;
  private readonly timers: NodeJS.Timeout[] = [];
  private background: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly options: RecommendationServiceOptions = {},
  ) {
    this.resolver = new VisitorResolver(store.recommendations);
    this.now = options.now ?? Date.now;
    this.impressions = options.ingest
      ? new ServerEventLog({
          ingest: options.ingest,
          ...(options.onError ? { onError: options.onError } : {}),
        })
      : null;
  }

  /** Builds the given projects' models now and starts the refresh timers. */
  async start(projectIds: readonly string[] = []): Promise<void> {
    for (const id of projectIds) await this.models(id);
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => {
        this.background = this.background.then(work).catch((error) => this.options.onError?.(error));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.refreshIntervalMs ?? 2 * MINUTE, () => this.refresh());
    every(this.options.rebuildIntervalMs ?? 30 * MINUTE, () => this.rebuildAll());
    every(this.options.itemRefreshIntervalMs ?? 30_000, () => this.refreshItemLists());
  }

  /** Stops the timers and writes the queued impressions (before the pipeline stops). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.background.catch(() => undefined);
    await this.impressions?.close();
  }

  /** The ingest pipeline's afterStore hook: models learn from every stored event. */
  readonly afterStore = async (projectId: string, events: readonly StoredEvent[]): Promise<void> => {
    // The events are stored already: a model that cannot learn from them must not fail the request.
    try {
      const linked = linkedVisitors(events);
      // Before the acknowledgement: the visitor's next request sees the merged profile.
      if (linked.length > 0) await this.resolver.relink(projectId, linked);
      const state = this.projects.get(projectId);
      if (!state) return;
      if (state.models) applyEvents(state.models, events);
      state.queue?.push(events);
    } catch (error) {
      this.options.onError?.(error);
    }
  };

  /**
   * A slot's recommendations for a visitor and page.
   *
   * @example await recommendations.recommend(projectId, { slot: 'product_page', visitor: 'anon-1', product: 'SKU-1' })
   */
  async recommend(
    projectId: string,
    request: RecommendRequest,
    { log = true, draft }: RecommendOptions = {},
  ): Promise<RecommendationResponse> {
    const now = this.now();
    const models = await this.models(projectId);
    const slot = draft ?? models.slots.get(request.slot);
    if (!slot) {
      throw new CentricError('not_found', `no recommendation slot "${request.slot}"`, {
        slots: [...models.slots.keys()],
      });
    }
    const limit = request.limit ?? slot.limit;
    const identities = request.visitor ? await this.resolver.identities(projectId, request.visitor, now) : [];
    const context = models.visitors.context(identities, {
      now,
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 30 * MINUTE,
    });
    const serve = () => serveSlot(models, { slot, limit, product: request.product, context, now });
    // A visitor the models know nothing about gets what every such visitor gets on that page:
    // shared for a short while, which is most of a shop's traffic.
    const { algorithm, items } =
      context === EMPTY_CONTEXT && !draft && 'updatedAt' in slot
        ? models.coldList(
            `${request.slot}\u0000${slot.updatedAt}\u0000${request.product ?? ''}\u0000${limit}`,
            now,
            serve,
          )
        : serve();
    const recommendationId = log ? nextRecommendationId() : 'preview';
    const slotId = draft ? 'preview' : request.slot;
    if (log && this.impressions) {
      this.impressions.add(
        projectId,
        impressionEvent({
          recommendationId,
          slot: slotId,
          algorithm,
          productIds: items.map((i) => i.productId),
          visitor: request.visitor,
          at: now,
        }),
      );
    }
    return { recommendationId, slot: slotId, algorithm, items };
  }

  /**
   * The bought-item suppression list of a visitor, shared by every channel (slots, stream,
   * e-mails, pop-ins): products bought, and those of them whose replenishment is due (the only
   * ones a channel may show again).
   */
  async suppression(
    projectId: string,
    visitor: string,
  ): Promise<{ bought: string[]; replenishmentDue: string[] }> {
    const models = await this.models(projectId);
    const identities = await this.resolver.identities(projectId, visitor);
    const context = models.visitors.context(identities, { now: this.now(), sessionTimeoutMs: 0 });
    const list = candidateList(models, {
      algorithm: 'replenishment',
      product: undefined,
      context,
      pool: 0,
      categories: undefined,
      now: this.now(),
    });
    return { bought: [...context.bought].sort(), replenishmentDue: [...list.replenishmentDue].sort() };
  }

  /**
   * The engine's catalogue of a project. A new object whenever a feed changed it (refresh) or
   * the models were rebuilt, so holders of derived data (the search index) compare identities.
   */
  async catalogueOf(projectId: string): Promise<ProductCatalogue> {
    return (await this.models(projectId)).catalogue;
  }

  /** What the models know about a visitor (every identity of its profile): history, session, purchases. */
  async visitorContext(projectId: string, visitor: string): Promise<Readonly<VisitorContext>> {
    const now = this.now();
    const models = await this.models(projectId);
    const identities = await this.resolver.identities(projectId, visitor, now);
    return models.visitors.context(identities, {
      now,
      sessionTimeoutMs: this.options.sessionTimeoutMs ?? 30 * MINUTE,
    });
  }

  /** Every identity key of the visitor's profile ('a:…', 'u:…'), as the models resolve it. */
  async identities(projectId: string, visitor: string): Promise<string[]> {
    await this.models(projectId);
    return this.resolver.identities(projectId, visitor, this.now());
  }

  /** Products related to one (co-views and co-buys together, best first): what "because you viewed X" rests on. */
  async relatedProducts(projectId: string, productId: string): Promise<{ itemId: string; score: number }[]> {
    return (await this.models(projectId)).neighbours(productId);
  }

  /**
   * Logs an impression of products a channel built its own way (the shopping stream's
   * recommendation cards) so that clicks carrying the answered id are attributed to `slot`.
   */
  logImpression(
    projectId: string,
    impression: {
      slot: string;
      algorithm: string;
      productIds: readonly string[];
      visitor: string | undefined;
    },
  ): string {
    const recommendationId = nextRecommendationId();
    this.impressions?.add(
      projectId,
      impressionEvent({
        recommendationId,
        slot: impression.slot,
        algorithm: impression.algorithm,
        productIds: [...impression.productIds],
        visitor: impression.visitor,
        at: this.now(),
      }),
    );
    return recommendationId;
  }

  async listSlots(projectId: string): Promise<SlotWire[]> {
    const models = await this.models(projectId);
    return [...models.slots.values()].map(toWire);
  }

  async saveSlot(projectId: string, slotId: string, input: SlotInput): Promise<SlotWire> {
    if (!SLOT_ID_PATTERN.test(slotId)) {
      throw new CentricError(
        'invalid_query',
        `slot id "${slotId}" must be 1-64 lower-case letters, digits, _ or -, starting with a letter or digit`,
      );
    }
    const models = await this.models(projectId);
    const saved = await this.store.recommendations.saveSlot(projectId, { slotId, ...input, at: this.now() });
    models.slots.set(slotId, saved);
    return toWire(saved);
  }

  async removeSlot(projectId: string, slotId: string): Promise<void> {
    const models = await this.models(projectId);
    if (!(await this.store.recommendations.removeSlot(projectId, slotId)))
      throw new CentricError('not_found', `no recommendation slot "${slotId}"`);
    models.slots.delete(slotId);
  }

  /** Impressions, clicks, CTR, orders and revenue per slot and algorithm. */
  async attribution(projectId: string, input: { from?: string | undefined; to?: string | undefined }) {
    let range: ReturnType<typeof resolveDayRange>;
    try {
      range = resolveDayRange(
        { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
        this.now(),
      );
    } catch (error) {
      throw new CentricError('invalid_query', (error as Error).message);
    }
    const windowMs = this.options.attributionWindowMs ?? 7 * DAY;
    const rows = await this.store.recommendations.attribution(projectId, {
      range: toInstantRange(range),
      windowMs,
    });
    const report: AttributionReport = {
      ...range,
      windowDays: Math.round(windowMs / DAY),
      rows: rows.map((r) => ({ ...r, ctr: r.impressions > 0 ? r.clicks / r.impressions : null })),
    };
    return report;
  }

  /** Sizes of a project's models (for logs and tests). */
  async stats(projectId: string) {
    const m = await this.models(projectId);
    return {
      products: m.catalogue.size,
      sessions: m.vsknn.index.sessionCount,
      orders: m.coBuys.basketCount,
      visitors: m.visitors.visitors,
      buyers: m.visitors.buyers,
      slots: m.slots.size,
      droppedImpressions: this.impressions?.droppedCount ?? 0,
    };
  }

  /** Writes the queued impressions now (tests, shutdown). */
  flushImpressions(): Promise<void> {
    return this.impressions?.flush() ?? Promise.resolve();
  }

  /** Rebuilds a project's models from the store now; serving continues on the old ones meanwhile. */
  rebuild(projectId: string): Promise<ProjectModels> {
    const state = this.stateOf(projectId);
    state.building ??= this.build(projectId, state);
    return state.building;
  }

  private models(projectId: string): Promise<ProjectModels> | ProjectModels {
    const state = this.stateOf(projectId);
    if (state.models) return state.models;
    return this.rebuild(projectId);
  }

  private stateOf(projectId: string): ProjectState {
    let state = this.projects.get(projectId);
    if (!state) {
      state = { models: null, building: null, queue: null, catalogueVersion: null };
      this.projects.set(projectId, state);
    }
    return state;
  }

  private async build(projectId: string, state: ProjectState): Promise<ProjectModels> {
    state.queue = [];
    try {
      await this.resolver.load(projectId);
      const version = await this.store.recommendations.catalogueVersion(projectId);
      const fresh = await buildModels(this.store, {
        projectId,
        now: this.now(),
        ...(this.options.windows ? { windows: this.options.windows } : {}),
        ...(this.options.models ? { models: this.options.models } : {}),
      });
      // Events stored during the read may be counted twice (in the store's answer and in the
      // queue): a few duplicated clicks weigh nothing, a lost purchase would break suppression.
      for (const events of state.queue.splice(0)) applyEvents(fresh, events);
      // The lists of the most wanted items first, so that early requests find them ready.
      const popular = fresh.popularity.popular({ limit: fresh.itemLists.capacity }).map((p) => p.itemId);
      const pace = pacer();
      await fresh.itemLists.warm(popular, pace);
      for (const category of [undefined, ...fresh.catalogue.categories()]) {
        const slice = pace();
        if (slice) await slice;
        fresh.fallback(category, this.now());
      }
      // And what arrived while warming.
      for (const events of state.queue.splice(0)) applyEvents(fresh, events);
      state.models = fresh;
      state.catalogueVersion = version;
      return fresh;
    } finally {
      state.queue = null;
      state.building = null;
    }
  }

  /** Re-reads links, slots and (when it changed) the catalogue of every project held; the timer's work. */
  async refresh(): Promise<void> {
    for (const [projectId, state] of this.projects) {
      if (!state.models) continue;
      await this.resolver.load(projectId);
      // The saved slots as they are: defaults are only made for a project's first build.
      const slots = await this.store.recommendations.listSlots(projectId);
      state.models.slots = new Map(slots.map((s) => [s.slotId, s]));
      // Re-reading a large catalogue costs: only when a product was added or changed.
      const version = await this.store.recommendations.catalogueVersion(projectId);
      if (version !== state.catalogueVersion) {
        state.models.replaceCatalogue(await loadCatalogue(this.store, projectId));
        state.catalogueVersion = version;
      }
    }
  }

  private async refreshItemLists(): Promise<void> {
    for (const state of this.projects.values()) {
      await state.models?.itemLists.refresh(pacer());
      await state.models?.refreshFallbacks(this.now(), pacer());
    }
  }

  private async rebuildAll(): Promise<void> {
    for (const projectId of this.projects.keys()) await this.rebuild(projectId);
  }
}

function toWire(slot: SavedSlot): SlotWire {
  return {
    slotId: slot.slotId,
    name: slot.name,
    algorithm: slot.algorithm,
    limit: slot.limit,
    rules: slot.rules,
    updatedAt: new Date(slot.updatedAt).toISOString(),
  };
}
