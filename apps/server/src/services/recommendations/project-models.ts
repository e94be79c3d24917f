// The in-memory models of one project: V-SKNN over recent sessions, co-views and co-buys
// (item-to-item), bundles, popularity and trending per category, the catalogue, the slots and
// what is known per visitor. Built from the store at start (model-builder.ts) and fed one event
// at a time afterwards, so that recommendations follow the shop while the server runs. The
// lists every request needs are cached: an item's lists until its counts change (item-lists.ts),
// trending per category and per-visitor lists briefly, and what an unknown visitor gets on a page
// for a few seconds; recomputing them per request would cost more than the rest of serving.
import type { RecommendedItem } from '@centric/contracts';
import {
  BundleModel,
  CoOccurrence,
  fillUp,
  type InteractionKind,
  PopularityModel,
  type ScoredItem,
  SessionIndex,
  VSKNN,
} from '@centric/recommend';
import type { SavedSlot } from '@centric/storage';
import { ItemListCache, type ItemLists } from './item-lists';
import { LruMap } from './lru-map';
import { ProductCatalogue } from './product-catalogue';
import { VisitorBook, type VisitorBookOptions } from './visitor-book';

export type Reason =
  | 'session'
  | 'personal'
  | 'viewed_together'
  | 'bought_together'
  | 'bundle'
  | 'trending'
  | 'popular'
  | 'alternative'
  | 'replenishment_due';

export interface ReasonedItem {
  itemId: string;
  score: number;
  reason: Reason;
}

export interface ModelOptions {
  /** Sessions V-SKNN keeps (the least recently active are evicted). Default 50,000. */
  maxSessions?: number;
  visitors?: VisitorBookOptions;
  /** Age at which the background refresh recomputes a trending list (and a per-visitor list expires). Default 60 s. */
  cacheMs?: number;
  /** Trending: the recent window and the baseline before it. Defaults 2 and 14 days. */
  trendingWindowMs?: number;
  trendingBaselineMs?: number;
  /** How long a list served to an unknown visitor is shared. Default 15 s. */
  coldListMs?: number;
}

const DAY = 86_400_000;
/** Popularity weight by kind: a purchase says more than a cart add, which says more than a view. */
const WEIGHT: Readonly<Record<InteractionKind, number>> = { view: 1, cart: 3, purchase: 5 };
/** Length of the cached fallback lists; slots ask for at most 100 items. */
const LIST_LENGTH = 200;
/** Length of an item's cached lists, and of the neighbours "products you will love" takes from each. */
const ITEM_LIST_LENGTH = 100;
const NEIGHBOURS = 30;
/**
 * Items of one basket that count for co-occurrence. Wholesale-sized orders (the demo's average is
 * 22 lines) make pairs grow with the square of their size and say little about what goes together.
 */
const MAX_BASKET = 20;
/** Orders larger than this feed no bundle rules, and larger than MAX_TRIPLE_ORDER no triples. */
const MAX_BUNDLE_ORDER = 20;
const MAX_TRIPLE_ORDER = 8;

/** What a slot served: the algorithm (or blend) and the items as the API shows them. */
export interface ColdList {
  algorithm: string;
  items: RecommendedItem[];
}

interface Cached<T> {
  at: number;
  value: T;
}

export class ProjectModels {
  readonly vsknn: VSKNN;
  readonly coViews = new CoOccurrence({ openBaskets: 20_000, maxBasketItems: 50 });
  readonly coBuys = new CoOccurrence({ maxBasketItems: MAX_BASKET });
  readonly bundles = new BundleModel({ maxItemsForTriples: MAX_TRIPLE_ORDER });
  readonly popularity = new PopularityModel({ horizonMs: 60 * DAY });
  readonly visitors: VisitorBook;
  catalogue = new ProductCatalogue();
  slots = new Map<string, SavedSlot>();
  readonly itemLists = new ItemListCache((id) => this.computeItemLists(id));
  private readonly fallbacks = new Map<string, Cached<ReasonedItem[]>>();
  private readonly shortLists = new LruMap<string, Cached<ReasonedItem[]>>(20_000);
  private readonly coldLists = new LruMap<string, Cached<ColdList>>(20_000);
  private readonly cacheMs: number;
  private readonly coldListMs: number;
  private readonly trendingWindowMs: number;
  private readonly trendingBaselineMs: number;

  constructor(options: ModelOptions = {}) {
    this.vsknn = new VSKNN({ index: new SessionIndex({ capacity: options.maxSessions ?? 50_000 }) });
    this.visitors = new VisitorBook(options.visitors);
    this.cacheMs = options.cacheMs ?? 60_000;
    this.coldListMs = options.coldListMs ?? 15_000;
    this.trendingWindowMs = options.trendingWindowMs ?? 2 * DAY;
    this.trendingBaselineMs = options.trendingBaselineMs ?? 14 * DAY;
  }

  /** A product view or cart add; `identities` are the event's identity keys. */
  addClick(click: {
    sessionId: string;
    identities: readonly string[];
    productId: string;
    kind: 'view' | 'cart';
    category: string | null;
    at: number;
  }): void {
    const { productId, sessionId, at } = click;
    this.catalogue.learn(productId, click.category);
    this.vsknn.add({ sessionId, itemId: productId, time: at });
    this.coViews.addToBasket(sessionId, productId);
    // Every item of the session has a new co-view with this one.
    const index = this.vsknn.index;
    for (const slot of index.sessionItems[index.sessionSlot(sessionId) ?? -1] ?? [])
      this.itemLists.touch(index.itemIds[slot]!);
    this.popularity.add({
      itemId: productId,
      time: at,
      category: this.categoryOf(productId),
      weight: WEIGHT[click.kind],
    });
    for (const identity of click.identities)
      this.visitors.addInteraction(identity, { itemId: productId, kind: click.kind, time: at, sessionId });
  }

  /** A completed order: co-buys, bundles, popularity and the buyers' purchases. */
  addOrder(order: {
    identities: readonly string[];
    lines: readonly { productId: string; category: string | null }[];
    at: number;
  }): void {
    const ids = order.lines.map((l) => l.productId);
    if (ids.length === 0) return;
    for (const line of order.lines) {
      this.catalogue.learn(line.productId, line.category);
      this.popularity.add({
        itemId: line.productId,
        time: order.at,
        category: this.categoryOf(line.productId),
        weight: WEIGHT.purchase,
      });
    }
    this.coBuys.addBasket(ids);
    for (const id of ids) this.itemLists.touch(id);
    if (new Set(ids).size <= MAX_BUNDLE_ORDER) this.bundles.addOrder(ids);
    for (const identity of order.identities)
      for (const itemId of new Set(ids)) this.visitors.addPurchase(identity, { itemId, time: order.at });
  }

  /** Replaces the catalogue (a feed import changed prices or stock), keeping products learned from events. */
  replaceCatalogue(next: ProductCatalogue): void {
    next.adoptLearned(this.catalogue);
    this.catalogue = next;
    this.coldLists.clear();
    // Stale rather than gone: the background refresh recomputes them, not the next request.
    for (const hit of this.fallbacks.values()) hit.at = Number.NEGATIVE_INFINITY;
  }

  /** "Also viewed": co-views by cosine, best first. */
  alsoViewed(itemId: string): ScoredItem[] {
    return this.itemLists.get(itemId).viewed;
  }

  /** "Also bought": co-buys by cosine, best first. */
  alsoBought(itemId: string): ScoredItem[] {
    return this.itemLists.get(itemId).bought;
  }

  /** "Frequently bought together": the items bundles add to the anchor, by confidence. */
  bundled(itemId: string): ScoredItem[] {
    return this.itemLists.get(itemId).bundled;
  }

  /** Related items for "products you will love": co-views and co-buys together. */
  neighbours(itemId: string): ScoredItem[] {
    return this.itemLists.get(itemId).neighbours;
  }

  /**
   * A list cached for `cacheMs` under a key that changes with its inputs: a visitor's "products
   * you will love" (keyed by the history), due replenishment, an out-of-stock product's alternatives.
   */
  cachedList(key: string, now: number, compute: () => ReasonedItem[]): ReasonedItem[] {
    const hit = this.shortLists.get(key);
    if (hit && now - hit.at < this.cacheMs) return hit.value;
    const value = compute();
    this.shortLists.set(key, { at: now, value });
    return value;
  }

  /**
   * A served list for visitors the models know nothing about, under a key of slot, page and
   * length; recomputed after `coldListMs` so that it follows trending and new co-views.
   */
  coldList(key: string, now: number, compute: () => ColdList): ColdList {
    const hit = this.coldLists.get(key);
    if (hit && now - hit.at < this.coldListMs) return hit.value;
    const value = compute();
    this.coldLists.set(key, { at: now, value });
    return value;
  }

  /**
   * The cold-start list of a category (or of the shop): trending items, then the popular ones,
   * with rank-based scores from 1 down to 0.5 so that a blend can weigh it against personal lists.
   */
  fallback(category: string | undefined, now: number): ReasonedItem[] {
    const key = category ?? '';
    // A stale list keeps serving; refreshFallbacks() recomputes it off the request path.
    const hit = this.fallbacks.get(key);
    if (hit) return hit.value;
    return this.computeFallback(key, now);
  }

  /** Recomputes the cached trending lists older than the cache time, yielding between them. */
  async refreshFallbacks(now: number, pace: () => Promise<void> | undefined): Promise<void> {
    for (const [key, hit] of [...this.fallbacks]) {
      if (now - hit.at < this.cacheMs) continue;
      const slice = pace();
      if (slice) await slice;
      this.computeFallback(key, now);
    }
  }

  private computeFallback(key: string, now: number): ReasonedItem[] {
    const query = key === '' ? {} : { category: key };
    const trending = this.popularity.trending({
      ...query,
      now,
      windowMs: this.trendingWindowMs,
      baselineMs: this.trendingBaselineMs,
      limit: LIST_LENGTH,
    });
    const trendingIds = new Set(trending.map((t) => t.itemId));
    const popular = this.popularity.popular({ ...query, limit: LIST_LENGTH }).map((p) => p.itemId);
    const list = fillUp(trending, popular, LIST_LENGTH);
    const value = list.map((s, rank) => ({
      itemId: s.itemId,
      score: 1 - rank / (2 * list.length),
      reason: trendingIds.has(s.itemId) ? ('trending' as const) : ('popular' as const),
    }));
    this.fallbacks.set(key, { at: now, value });
    return value;
  }

  private computeItemLists(itemId: string): ItemLists {
    const viewed = this.coViews.similar(itemId, { limit: ITEM_LIST_LENGTH });
    const bought = this.coBuys.similar(itemId, { limit: ITEM_LIST_LENGTH });
    const best = new Map<string, number>();
    for (const b of this.bundles.bundles(itemId, { limit: ITEM_LIST_LENGTH }))
      for (const id of b.items.slice(1)) best.set(id, Math.max(best.get(id) ?? 0, b.confidence));
    const merged = new Map<string, number>();
    for (const list of [viewed, bought])
      for (const n of list.slice(0, NEIGHBOURS)) merged.set(n.itemId, (merged.get(n.itemId) ?? 0) + n.score);
    const byScore = (a: ScoredItem, b: ScoredItem) => b.score - a.score;
    return {
      viewed,
      bought,
      bundled: [...best].map(([id, score]) => ({ itemId: id, score })).sort(byScore),
      neighbours: [...merged].map(([id, score]) => ({ itemId: id, score })).sort(byScore),
    };
  }

  private categoryOf(productId: string): string | undefined {
    return this.catalogue.get(productId)?.category;
  }
}
