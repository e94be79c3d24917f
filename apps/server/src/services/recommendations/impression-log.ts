// A served recommendation list as the 'Recommendation Viewed' event the server logs for it
// (through the ServerEventLog): attribution joins clicks and orders to it by recommendation id.
import { RECOMMENDATION_VIEWED_EVENT } from '@centric/contracts';
import type { ServerEvent } from '../server-event-log';

export interface Impression {
  recommendationId: string;
  slot: string;
  algorithm: string;
  productIds: readonly string[];
  /** The visitor as sent; impressions without one share a pseudo-visitor. */
  visitor: string | undefined;
  at: number;
}

export function impressionEvent(impression: Impression): ServerEvent {
  return {
    event: RECOMMENDATION_VIEWED_EVENT,
    messageId: `rec:${impression.recommendationId}`,
    visitor: impression.visitor,
    at: impression.at,
    properties: {
      recommendation_id: impression.recommendationId,
      slot: impression.slot,
      algorithm: impression.algorithm,
      product_ids: impression.productIds,
    },
  };
}
