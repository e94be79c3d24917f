// The package's algorithms behind the NextItemRecommender interface of the offline protocol. Every list is
// topped up with the most popular training items: session-rec ranks all training items and zero-scored
// ones fill the list in the sort's arbitrary order; here that fill is the popularity order, deterministic.
import { blendWithPopularity, fillUp } from '../blend';
import { CoOccurrence, type SimilarityMeasure } from '../item-to-item';
import { productsYouWillLove } from '../personal';
import { PopularityModel } from '../popularity';
import type { ItemId, ScoredItem, SessionEvent } from '../types';
import type { NextItemRecommender } from './next-item';

/** Anything that learns from events and scores items for a session so far. */
export interface SessionModel {
  addAll(events: Iterable<SessionEvent>): void;
  recommend(currentSessionItems: readonly ItemId[], options: { limit: number }): ScoredItem[];
}

export interface AdapterOptions {
  /** Top the list up with popular items. Default true. */
  fill?: boolean;
}

/** Popular items over the training data; the same list for everyone (the baseline of the protocol). */
export function popularityRecommender(): NextItemRecommender {
  let popular: ItemId[] = [];
  return {
    fit(train) {
      popular = popularList(train, 100);
    },
    predictNext: (_prefix, _sessionId, limit) => popular.slice(0, limit),
  };
}

/**
 * Items trending in the last day of training against the week before (the cold-start list of a shop),
 * topped up with all-time popular items.
 */
export function trendingRecommender(unitsPerDay = 86_400): NextItemRecommender {
  let list: ItemId[] = [];
  return {
    fit(train) {
      const model = new PopularityModel({ bucketMs: unitsPerDay / 24, horizonMs: 30 * unitsPerDay });
      let now = Number.NEGATIVE_INFINITY;
      for (const e of train) {
        model.add({ itemId: e.itemId, time: e.time });
        if (e.time > now) now = e.time;
      }
      const trending = model.trending({
        now,
        windowMs: unitsPerDay,
        baselineMs: 7 * unitsPerDay,
        limit: 100,
      });
      list = fillUp(trending, popularList(train, 100), 100).map((s) => s.itemId);
    },
    predictNext: (_prefix, _sessionId, limit) => list.slice(0, limit),
  };
}

/**
 * Wraps an incremental session model (SKNN, V-SKNN, AR, SR): fit feeds the training events in their order.
 *
 * @example
 * evaluateNextItem(sessionModelRecommender(() => new VSKNN()), train, test);
 */
export function sessionModelRecommender(
  create: () => SessionModel,
  options: AdapterOptions = {},
): NextItemRecommender {
  let model: SessionModel | undefined;
  let popular: ItemId[] = [];
  return {
    fit(train) {
      model = create();
      model.addAll(train);
      popular = options.fill === false ? [] : popularList(train, 100);
    },
    predictNext(prefix, _sessionId, limit) {
      if (!model) throw new Error('predictNext before fit');
      return fillUp(model.recommend(prefix, { limit }), popular, limit).map((s) => s.itemId);
    },
  };
}

/** "Also viewed" from the last click: item-to-item co-occurrence over training sessions. */
export function itemToItemRecommender(measure: SimilarityMeasure): NextItemRecommender {
  let model = new CoOccurrence();
  let popular: ItemId[] = [];
  return {
    fit(train) {
      model = trainCoOccurrence(train);
      popular = popularList(train, 100);
    },
    predictNext(prefix, _sessionId, limit) {
      const last = prefix.at(-1);
      const similar = last === undefined ? [] : model.similar(last, { measure, limit });
      return fillUp(similar, popular, limit).map((s) => s.itemId);
    },
  };
}

/**
 * "Products you will love" with the session so far as the history: one click per position, a half-life
 * of `halfLifeClicks` clicks, neighbours from co-views (cosine).
 */
export function personalRecommender(halfLifeClicks = 1): NextItemRecommender {
  let model = new CoOccurrence();
  let popular: ItemId[] = [];
  return {
    fit(train) {
      model = trainCoOccurrence(train);
      popular = popularList(train, 100);
    },
    predictNext(prefix, _sessionId, limit) {
      const history = prefix.map((itemId, i) => ({ itemId, kind: 'view' as const, time: i }));
      const scored = productsYouWillLove(history, {
        now: prefix.length - 1,
        halfLifeMs: halfLifeClicks,
        neighbours: (id) => model.similar(id, { limit: 100 }),
        excludeHistory: false,
        limit,
      });
      return fillUp(scored, popular, limit).map((s) => s.itemId);
    },
  };
}

/** A session model blended with popularity by the number of clicks so far (the cold-start blend). */
export function blendedRecommender(create: () => SessionModel): NextItemRecommender {
  let model: SessionModel | undefined;
  let popular: ScoredItem[] = [];
  return {
    fit(train) {
      model = create();
      model.addAll(train);
      popular = popularScored(train, 100);
    },
    predictNext(prefix, _sessionId, limit) {
      if (!model) throw new Error('predictNext before fit');
      const personal = model.recommend(prefix, { limit });
      return blendWithPopularity(personal, popular, { events: prefix.length, limit }).map((s) => s.itemId);
    },
  };
}

function trainCoOccurrence(train: readonly SessionEvent[]): CoOccurrence {
  const model = new CoOccurrence({ openBaskets: Number.POSITIVE_INFINITY });
  for (const e of train) model.addToBasket(e.sessionId, e.itemId);
  return model;
}

function popularScored(train: readonly SessionEvent[], limit: number): ScoredItem[] {
  // Only the all-time counts are read, so the unit of the event times does not matter here.
  const model = new PopularityModel();
  for (const e of train) model.add({ itemId: e.itemId, time: e.time });
  return model.popular({ limit });
}

function popularList(train: readonly SessionEvent[], limit: number): ItemId[] {
  return popularScored(train, limit).map((s) => s.itemId);
}
