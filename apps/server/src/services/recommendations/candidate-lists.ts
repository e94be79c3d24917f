// The candidate list of each algorithm, before the slot's business rules. `auto` is the blend the
// issue asks for: the context-based lists the request allows (alternatives when the page's
// product is out of stock, else its co-views; session kNN when the visitor has a current session;
// personal when the visitor has a history) merged, then blended with trending-per-category by
// the visitor's number of events (cold start gets trending, one click already tilts it), with
// due replenishment items on top. Every explicit algorithm is topped up with trending so that a
// slot is never empty.
import type { RecommendationAlgorithm } from '@centric/contracts';
import {
  alternativesFor,
  blendWithPopularity,
  type ItemId,
  type ProductMeta,
  productsYouWillLove,
  replenishment,
  type ScoredItem,
} from '@centric/recommend';
import type { ProductInfo } from './product-catalogue';
import type { ProjectModels, Reason, ReasonedItem } from './project-models';
import type { VisitorContext } from './visitor-book';

export interface CandidateRequest {
  algorithm: RecommendationAlgorithm;
  /** The page's product (product page, cart). */
  product: ProductInfo | undefined;
  context: Readonly<VisitorContext>;
  /** Candidates wanted: more than the slot shows, so that rules have room. */
  pool: number;
  /** Categories the slot is filtered to (expanded): the fallback is drawn from them. */
  categories: readonly string[] | undefined;
  now: number;
}

export interface CandidateList {
  /** The algorithm, or the blend's parts joined by '+' (attribution groups by it). */
  algorithm: string;
  items: ReasonedItem[];
  /** Bought products whose replenishment is due: let through the suppression. */
  replenishmentDue: Set<ItemId>;
}

/** Weights of the context lists inside the blend; alternatives lead on an out-of-stock page. */
const PART_WEIGHT = { alternatives: 1.5, also_viewed: 1, session: 1, personal: 0.8 } as const;

export function candidateList(models: ProjectModels, request: CandidateRequest): CandidateList {
  const due = dueReplenishment(models, request);
  const replenishmentDue = new Set(due.map((d) => d.itemId));
  const fallback = fallbackList(models, request);
  if (request.algorithm === 'auto') return { ...blend(models, request, { due, fallback }), replenishmentDue };
  const own = single(models, request, due);
  return { algorithm: request.algorithm, items: topUp(own, fallback, request.pool), replenishmentDue };
}

function single(models: ProjectModels, request: CandidateRequest, due: ReasonedItem[]): ReasonedItem[] {
  const { product, pool } = request;
  switch (request.algorithm) {
    case 'also_viewed':
      return product ? tag(models.alsoViewed(product.id).slice(0, pool), 'viewed_together') : [];
    case 'also_bought':
      return product ? tag(models.alsoBought(product.id).slice(0, pool), 'bought_together') : [];
    case 'bundle':
      return product ? bundleItems(models, product, request) : [];
    case 'personal':
      return personal(models, request);
    case 'session':
      return session(models, request);
    case 'alternatives':
      return product ? alternatives(models, product, request) : [];
    case 'replenishment':
      return due;
    case 'trending':
      return [];
    case 'auto':
      throw new Error('auto is a blend');
  }
}

function blend(
  models: ProjectModels,
  request: CandidateRequest,
  { due, fallback }: { due: ReasonedItem[]; fallback: ReasonedItem[] },
): Omit<CandidateList, 'replenishmentDue'> {
  const { product, context, pool } = request;
  const parts: { name: string; items: ReasonedItem[]; weight: number }[] = [];
  if (product && !product.inStock)
    parts.push({
      name: 'alternatives',
      items: alternatives(models, product, request),
      weight: PART_WEIGHT.alternatives,
    });
  else if (product)
    parts.push({
      name: 'also_viewed',
      items: tag(models.alsoViewed(product.id).slice(0, pool), 'viewed_together'),
      weight: PART_WEIGHT.also_viewed,
    });
  if (context.sessionItems.length > 0)
    parts.push({ name: 'session', items: session(models, request), weight: PART_WEIGHT.session });
  if (context.history.length > 0)
    parts.push({ name: 'personal', items: personal(models, request), weight: PART_WEIGHT.personal });

  const reasons = new Map<ItemId, Reason>();
  const contextual = new Map<ItemId, number>();
  const used: string[] = [];
  for (const part of parts) {
    if (part.items.length === 0) continue;
    used.push(part.name);
    const max = part.items[0]!.score || 1;
    for (const item of part.items) {
      contextual.set(item.itemId, (contextual.get(item.itemId) ?? 0) + (part.weight * item.score) / max);
      if (!reasons.has(item.itemId)) reasons.set(item.itemId, item.reason);
    }
  }
  for (const f of fallback) if (!reasons.has(f.itemId)) reasons.set(f.itemId, f.reason);
  const personalSide = [...contextual]
    .map(([itemId, score]) => ({ itemId, score }))
    .sort((a, b) => b.score - a.score);
  // Every click, cart add, purchase and the page's product count as evidence about the visitor.
  const events = context.sessionItems.length + context.history.length + (product ? 1 : 0);
  const blended = blendWithPopularity(personalSide, fallback, { events, limit: pool });
  const items: ReasonedItem[] = blended.map((s) => ({ ...s, reason: reasons.get(s.itemId) ?? 'popular' }));
  // Trending always keeps its share (1 - w): the blend never switches it off entirely.
  used.push('trending');
  if (due.length > 0) used.unshift('replenishment');
  // Due items lead: blended scores are at most 1, theirs start above it.
  return { algorithm: used.join('+'), items: [...due, ...items] };
}

function session(models: ProjectModels, { context, pool, product }: CandidateRequest): ReasonedItem[] {
  const exclude = new Set(context.sessionItems);
  if (product) exclude.add(product.id);
  const scored = models.vsknn.recommend(context.sessionItems, {
    limit: pool,
    exclude,
    ...(context.sessionId ? { sessionId: context.sessionId } : {}),
  });
  return tag(scored, 'session');
}

function personal(models: ProjectModels, { context, pool, now }: CandidateRequest): ReasonedItem[] {
  const { history } = context;
  if (history.length === 0) return [];
  // The list changes only when the history does: a visitor's next pages reuse it.
  const newest = history[0]!;
  // The page's product is not in the key: the slot rules exclude it from whatever list they get.
  const key = [context.key, history.length, newest.itemId, newest.time, pool].join('\u0001');
  return models.cachedList(key, now, () =>
    tag(
      productsYouWillLove(history, {
        now,
        neighbours: (id) => models.neighbours(id),
        maxHistory: 30,
        limit: pool,
      }),
      'personal',
    ),
  );
}

function alternatives(
  models: ProjectModels,
  product: ProductInfo,
  { pool, now }: CandidateRequest,
): ReasonedItem[] {
  // Scoring a whole category per request would cost; the same page asks again and again.
  return models.cachedList(`alternatives\u0001${product.id}\u0001${pool}`, now, () => {
    const coViewed = models.alsoViewed(product.id).slice(0, 100);
    const catalogue: ProductMeta[] = [...models.catalogue.inCategory(product.category)];
    for (const c of coViewed) {
      const meta = models.catalogue.get(c.itemId);
      if (meta && meta.category !== product.category) catalogue.push(meta);
    }
    return tag(alternativesFor(product, { coViewed, catalogue, limit: pool }), 'alternative');
  });
}

function bundleItems(
  models: ProjectModels,
  product: ProductInfo,
  { pool }: CandidateRequest,
): ReasonedItem[] {
  const items = tag(models.bundled(product.id).slice(0, pool), 'bundle');
  // Few orders make few rules above lift 1: also-bought completes the list.
  return topUp(items, tag(models.alsoBought(product.id), 'bought_together'), pool);
}

function dueReplenishment(models: ProjectModels, { context, now }: CandidateRequest): ReasonedItem[] {
  if (context.purchases.length < 2) return [];
  // A big buyer has thousands of lines; a new purchase changes the key.
  const key = `due\u0001${context.key}\u0001${context.purchases.length}`;
  return models.cachedList(key, now, () =>
    replenishment(context.purchases, { now })
      .filter((r) => r.due)
      .map((r) => ({ itemId: r.itemId, score: 1 + r.cycle, reason: 'replenishment_due' as const })),
  );
}

/** Trending of the slot's categories, else of the product's category and of the shop. */
function fallbackList(
  models: ProjectModels,
  { categories, product, now, pool }: CandidateRequest,
): ReasonedItem[] {
  // Cut to the pool before anything else: every longer list only costs sorting on the request path.
  if (categories && categories.length > 0) {
    const all = categories.flatMap((c) => models.fallback(c, now).slice(0, pool));
    return all.sort((a, b) => b.score - a.score).slice(0, pool);
  }
  const shop = models.fallback(undefined, now);
  if (!product) return shop.slice(0, pool);
  // The product's own category first: a product page's cold start stays on topic.
  const own = models
    .fallback(product.category, now)
    .slice(0, pool)
    .map((f) => ({ ...f, score: f.score + 0.5 }));
  return topUp(own, shop, pool);
}

function tag(list: readonly ScoredItem[], reason: Reason): ReasonedItem[] {
  return list.map((s) => ({ itemId: s.itemId, score: s.score, reason }));
}

/**
 * Appends `more` (not yet listed) up to `limit` items, scored below the lowest score of `list` but
 * above 0, in their order: positive so that a boost (a multiplier) still raises them.
 */
function topUp(list: readonly ReasonedItem[], more: readonly ReasonedItem[], limit: number): ReasonedItem[] {
  const out = list.slice(0, limit);
  if (out.length === 0) return more.slice(0, limit);
  const seen = new Set(out.map((s) => s.itemId));
  const positive = out.map((s) => s.score).filter((x) => x > 0);
  const lowest = positive.length > 0 ? Math.min(...positive) : 1;
  const room = limit - out.length + 1;
  for (const m of more) {
    if (out.length >= limit) break;
    if (seen.has(m.itemId)) continue;
    seen.add(m.itemId);
    const rank = out.length - list.length;
    out.push({ ...m, score: lowest * 0.5 * (1 - rank / room) });
  }
  return out;
}
