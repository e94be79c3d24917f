// Typed calls for the shopping stream (apps/server/src/routes/stream.routes.ts): the path of a page
// of a visitor's stream (always a preview, so that looking at a customer logs no impression) and
// the parser of its answer.
import type {
  LoyaltyStatus,
  StreamCard,
  StreamCardKind,
  StreamProduct,
  StreamResponse,
} from '@centric/contracts';
import { asRecord, type JsonRecord, list, num, numOrNull, str, strOrNull } from './validate';

/** Mirrors STREAM_CARD_KINDS of @centric/contracts (the dashboard imports types only), with labels. */
export const STREAM_KINDS: Readonly<Record<StreamCardKind, string>> = {
  replenishment: 'Replenishment',
  price_drop: 'Price drop',
  back_in_stock: 'Back in stock',
  new_arrival: 'New arrival',
  recommendation: 'Recommended',
  loyalty: 'Loyalty',
};

function parseKind(value: string): StreamCardKind {
  if (!(value in STREAM_KINDS)) throw new Error(`unknown card kind "${value}"`);
  return value as StreamCardKind;
}

function parseProduct(value: unknown): StreamProduct {
  const p = asRecord(value, 'product');
  return {
    productId: str(p, 'productId'),
    title: str(p, 'title'),
    category: strOrNull(p, 'category'),
    brand: strOrNull(p, 'brand'),
    price: numOrNull(p, 'price'),
    ...(p.previousPrice === undefined ? {} : { previousPrice: num(p, 'previousPrice') }),
    currency: strOrNull(p, 'currency'),
    imageLink: strOrNull(p, 'imageLink'),
    link: strOrNull(p, 'link'),
  };
}

function parseLoyalty(value: unknown): LoyaltyStatus {
  const l = asRecord(value, 'loyalty');
  return {
    tier: str(l, 'tier'),
    ...(l.points === undefined ? {} : { points: num(l, 'points') }),
    nextTier: strOrNull(l, 'nextTier'),
    toNextTier: numOrNull(l, 'toNextTier'),
    lifetimeValue: num(l, 'lifetimeValue'),
    orders: num(l, 'orders'),
    currency: strOrNull(l, 'currency'),
  };
}

function parseCard(value: unknown): StreamCard {
  const c: JsonRecord = asRecord(value, 'card');
  return {
    id: str(c, 'id'),
    kind: parseKind(str(c, 'kind')),
    title: str(c, 'title'),
    reason: str(c, 'reason'),
    at: strOrNull(c, 'at'),
    ...(c.product === undefined ? {} : { product: parseProduct(c.product) }),
    ...(c.recommendationId === undefined ? {} : { recommendationId: str(c, 'recommendationId') }),
    ...(c.loyalty === undefined ? {} : { loyalty: parseLoyalty(c.loyalty) }),
  };
}

export function parseStreamPage(body: unknown): StreamResponse {
  const r = asRecord(body, 'body');
  return {
    visitor: str(r, 'visitor'),
    cards: list(r, 'cards', parseCard),
    nextCursor: strOrNull(r, 'nextCursor'),
  };
}

/** A page of the stream of `visitor` (anonymous id, user id, identity key or profile id). */
export function streamPath(
  visitor: string,
  { cursor, limit = 12 }: { cursor?: string | null; limit?: number } = {},
) {
  const q = new URLSearchParams({ visitor, limit: String(limit), preview: 'true' });
  if (cursor) q.set('cursor', cursor);
  return `/v1/stream?${q.toString()}`;
}
