// One slot's list for one request: the candidates of the slot's algorithm (candidate-lists.ts),
// then the slot's rules with the bought-item suppression shared by every channel, topped up from
// the shop's popular products when strict filters leave it short, and turned into what the API
// shows (title, price, image, link, score and the reason of each item).
import type { RecommendedItem, SlotInput } from '@centric/contracts';
import { applySlotRules, type Candidate } from '@centric/recommend';
import { candidateList } from './candidate-lists';
import type { ProjectModels, Reason } from './project-models';
import { toSlotRules } from './slot-rules';
import type { VisitorContext } from './visitor-book';

export interface ServeSlotRequest {
  slot: Pick<SlotInput, 'algorithm' | 'rules'>;
  limit: number;
  /** The page's product id, as sent (it may be unknown to the catalogue). */
  product: string | undefined;
  context: Readonly<VisitorContext>;
  now: number;
}

export function serveSlot(
  models: ProjectModels,
  { slot, limit, product: productId, context, now }: ServeSlotRequest,
): { algorithm: string; items: RecommendedItem[] } {
  const product = productId === undefined ? undefined : models.catalogue.get(productId);
  const rules = toSlotRules(slot.rules, {
    limit,
    catalogue: models.catalogue,
    exclude: productId === undefined ? [] : [productId],
  });
  // Room for what the rules take away: suppressed purchases, filtered and over-represented items.
  const pool = Math.max(50, limit * 5) + (rules.pinned?.length ?? 0) + Math.min(context.bought.size, 200);
  const list = candidateList(models, {
    algorithm: slot.algorithm,
    product,
    context,
    pool,
    categories: rules.filters?.categories,
    now,
  });
  const reasons = new Map<string, Reason>();
  const candidates: Candidate[] = [];
  const add = (itemId: string, score: number, reason: Reason) => {
    const meta = models.catalogue.get(itemId);
    if (!meta || reasons.has(itemId)) return;
    reasons.set(itemId, reason);
    candidates.push({
      id: meta.id,
      category: meta.category,
      brand: meta.brand,
      price: meta.price,
      inStock: meta.inStock,
      score,
    });
  };
  for (const item of list.items) add(item.itemId, item.score, item.reason);
  const suppression = { bought: context.bought, replenishmentDue: list.replenishmentDue };
  let picked = applySlotRules(candidates, rules, suppression);
  if (picked.length < limit) {
    // Strict filters left the slot short: the shop's popular products as a safety net, far below
    // every real candidate.
    const lowest = Math.min(1, ...candidates.map((c) => c.score).filter((x) => x > 0));
    for (const f of models.fallback(undefined, now)) add(f.itemId, f.score * lowest * 1e-3, f.reason);
    picked = applySlotRules(candidates, rules, suppression);
  }
  const items: RecommendedItem[] = [];
  for (const p of picked) {
    const meta = models.catalogue.get(p.itemId);
    if (!meta) continue;
    items.push({
      productId: meta.id,
      title: meta.title,
      price: meta.price ?? null,
      category: meta.category,
      imageLink: meta.imageLink,
      link: meta.link,
      score: Math.round(p.score * 1e6) / 1e6,
      reason: p.pinned ? 'pinned' : (reasons.get(p.itemId) ?? 'popular'),
    });
  }
  return { algorithm: list.algorithm, items };
}
