// A visitor's affinities for search re-ranking: how much of their recent attention went to each
// category, brand and product, from the same history "products you will love" reads (views,
// cart adds and purchases) with the same weighting - a purchase says more than a cart add, which
// says more than a view, and each halves in weight every `halfLifeMs` (see personal.ts). A
// product's affinity is a number in [0, 1]: 1 for what the visitor cares about most.
import type { Interaction, InteractionKind } from '../personal';
import type { ItemId } from '../types';

/** What affinity needs to know about a product. */
export interface AffinityProduct {
  id: ItemId;
  category: string;
  brand?: string | undefined;
}

export interface AffinityOptions {
  /** Milliseconds since the epoch; interactions age from here. */
  now: number;
  /** Category and brand of a product of the history; unknown products count for the product only. */
  lookup: (itemId: ItemId) => AffinityProduct | undefined;
  /** Age at which an interaction counts half. Default 14 days, as in productsYouWillLove. */
  halfLifeMs?: number;
  /** Weight per kind. Default view 1, cart 3, purchase 5, as in productsYouWillLove. */
  weights?: Partial<Record<InteractionKind, number>>;
}

/** How the three affinities add up; categories say most about what a shopper is after. */
const PART = { category: 0.5, brand: 0.25, product: 0.25 } as const;
const DEFAULT_WEIGHTS: Record<InteractionKind, number> = { view: 1, cart: 3, purchase: 5 };
/** Category paths are written "Parent > Child". */
const PATH_SEPARATOR = ' > ';

export class VisitorAffinity {
  /** A visitor the models know nothing about: every product scores 0. */
  static readonly NONE = new VisitorAffinity(new Map(), new Map(), new Map());

  private readonly categoryCache = new Map<string, number>();

  private constructor(
    /** Category path -> its segments and weight share (0..1 of the strongest). */
    private readonly categories: ReadonlyMap<string, { segments: string[]; weight: number }>,
    private readonly brands: ReadonlyMap<string, number>,
    private readonly products: ReadonlyMap<ItemId, number>,
  ) {}

  /**
   * @example
   * const affinity = VisitorAffinity.fromHistory(context.history, { now, lookup: (id) => catalogue.get(id) });
   * affinity.of({ id: 'SKU-1', category: 'Home > Candles' }) // 0..1
   */
  static fromHistory(history: readonly Interaction[], options: AffinityOptions): VisitorAffinity {
    if (history.length === 0) return VisitorAffinity.NONE;
    const halfLife = options.halfLifeMs ?? 14 * 86_400_000;
    const weights = { ...DEFAULT_WEIGHTS, ...options.weights };
    const categories = new Map<string, number>();
    const brands = new Map<string, number>();
    const products = new Map<ItemId, number>();
    const add = (map: Map<string, number>, key: string, w: number) => map.set(key, (map.get(key) ?? 0) + w);
    for (const h of history) {
      const w = weights[h.kind] * 0.5 ** (Math.max(0, options.now - h.time) / halfLife);
      add(products, h.itemId, w);
      const product = options.lookup(h.itemId);
      if (!product) continue;
      add(categories, product.category, w);
      if (product.brand) add(brands, product.brand, w);
    }
    const top = (map: Map<string, number>) => Math.max(0, ...map.values());
    const scaled = (map: Map<string, number>) => {
      const max = top(map);
      return new Map([...map].map(([k, v]) => [k, max > 0 ? v / max : 0] as const));
    };
    const categoryShares = scaled(categories);
    return new VisitorAffinity(
      new Map(
        [...categoryShares].map(([path, weight]) => [path, { segments: path.split(PATH_SEPARATOR), weight }]),
      ),
      scaled(brands),
      scaled(products),
    );
  }

  get isEmpty(): boolean {
    return this.products.size === 0;
  }

  /** The visitor's affinity for a product, 0..1. */
  of(product: AffinityProduct): number {
    if (this.isEmpty) return 0;
    const brand = product.brand ? (this.brands.get(product.brand) ?? 0) : 0;
    return (
      PART.category * this.categoryAffinity(product.category) +
      PART.brand * brand +
      PART.product * (this.products.get(product.id) ?? 0)
    );
  }

  /**
   * The best match between the category and those the visitor looked at: 1 for the same path,
   * the share of common leading segments otherwise ("Home > Candles" and "Home > Textiles" share
   * half), times that category's weight.
   */
  categoryAffinity(category: string): number {
    const cached = this.categoryCache.get(category);
    if (cached !== undefined) return cached;
    const segments = category.split(PATH_SEPARATOR);
    let best = 0;
    for (const [path, seen] of this.categories) {
      let similarity = 0;
      if (path === category) similarity = 1;
      else {
        let common = 0;
        while (
          common < segments.length &&
          common < seen.segments.length &&
          segments[common] === seen.segments[common]
        )
          common += 1;
        similarity = common / Math.max(segments.length, seen.segments.length);
      }
      best = Math.max(best, similarity * seen.weight);
    }
    this.categoryCache.set(category, best);
    return best;
  }
}
