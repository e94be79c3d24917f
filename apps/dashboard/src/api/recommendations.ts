// Typed calls for the recommendation routes (apps/server/src/routes/recommendations.routes.ts):
// slots with their rules, the live preview of an unsaved slot, and the attribution report.
import type {
  AttributionReport,
  RecommendationAlgorithm,
  RecommendationResponse,
  SlotRulesWire,
  SlotWire,
} from '@centric/contracts';
import { asRecord, list, num, numOrNull, str, strOrNull } from './validate';

/** Mirrors RECOMMENDATION_ALGORITHMS of @centric/contracts (the dashboard imports types only). */
export const ALGORITHMS: readonly { id: RecommendationAlgorithm; label: string }[] = [
  { id: 'auto', label: 'Auto (blend)' },
  { id: 'also_viewed', label: 'Also viewed' },
  { id: 'also_bought', label: 'Also bought' },
  { id: 'bundle', label: 'Frequently bought together' },
  { id: 'personal', label: 'Products you will love' },
  { id: 'session', label: 'Session-based (V-SKNN)' },
  { id: 'trending', label: 'Trending' },
  { id: 'alternatives', label: 'Alternatives (out of stock)' },
  { id: 'replenishment', label: 'Replenishment' },
];

function parseAlgorithm(value: string): RecommendationAlgorithm {
  const found = ALGORITHMS.find((a) => a.id === value);
  if (!found) throw new Error(`unknown algorithm "${value}"`);
  return found.id;
}

export function parseSlot(body: unknown): SlotWire {
  const r = asRecord(body, 'slot');
  return {
    slotId: str(r, 'slotId'),
    name: str(r, 'name'),
    algorithm: parseAlgorithm(str(r, 'algorithm')),
    limit: num(r, 'limit'),
    // The server validated the rules against their schema when they were saved.
    rules: asRecord(r.rules, 'rules') as SlotRulesWire,
    updatedAt: str(r, 'updatedAt'),
  };
}

export function parseSlotList(body: unknown): SlotWire[] {
  return list(asRecord(body, 'body'), 'slots', parseSlot);
}

export function parseRecommendations(body: unknown): RecommendationResponse {
  const r = asRecord(body, 'body');
  return {
    recommendationId: str(r, 'recommendationId'),
    slot: str(r, 'slot'),
    algorithm: str(r, 'algorithm'),
    items: list(r, 'items', (entry) => {
      const i = asRecord(entry, 'item');
      return {
        productId: str(i, 'productId'),
        title: str(i, 'title'),
        price: numOrNull(i, 'price'),
        category: str(i, 'category'),
        imageLink: strOrNull(i, 'imageLink'),
        link: strOrNull(i, 'link'),
        score: num(i, 'score'),
        reason: str(i, 'reason'),
      };
    }),
  };
}

export function parseAttribution(body: unknown): AttributionReport {
  const r = asRecord(body, 'body');
  return {
    from: str(r, 'from'),
    to: str(r, 'to'),
    windowDays: num(r, 'windowDays'),
    rows: list(r, 'rows', (entry) => {
      const row = asRecord(entry, 'row');
      return {
        slot: str(row, 'slot'),
        algorithm: str(row, 'algorithm'),
        impressions: num(row, 'impressions'),
        clicks: num(row, 'clicks'),
        ctr: numOrNull(row, 'ctr'),
        orders: num(row, 'orders'),
        revenue: num(row, 'revenue'),
      };
    }),
  };
}

export const SLOTS_PATH = '/v1/recommendations/slots';
export const PREVIEW_PATH = '/v1/recommendations/preview';

export function slotPath(slotId: string): string {
  return `${SLOTS_PATH}/${encodeURIComponent(slotId)}`;
}

export function attributionPath(from: string, to: string): string {
  return `/v1/query/recommendations/attribution?${new URLSearchParams({ from, to }).toString()}`;
}
