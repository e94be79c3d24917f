// RecommendationStore on DuckDB: slot configurations in recommendation_slots (rules as JSON), the
// compact model inputs read in one query each, and attribution from the 'Recommendation Viewed'
// events joined with clicks (by recommendation id) and orders (by profile and product).
import {
  RECOMMENDATION_ALGORITHMS,
  RECOMMENDATION_VIEWED_EVENT,
  type RecommendationAlgorithm,
  type SlotRulesWire,
} from '@centric/contracts';
import type {
  AttributionFigures,
  OrderBasket,
  ProfileLink,
  RecommendationStore,
  SavedSlot,
  SessionClick,
} from '../recommendation-store';
import { duckdbDialect } from '../sql/dialect';
import { resolvedEventsSql } from '../sql/resolved-events';
import type { TimeRange } from '../store';
import type { DuckDbDatabase, Row } from './duckdb-database';

const ts = (param: string) => duckdbDialect.timestampFromMs(`$${param}`);
const IDENTITY = `CASE WHEN e.user_id IS NOT NULL THEN 'u:' || e.user_id ELSE 'a:' || e.anonymous_id END`;
/** Product interactions the session models learn from, with their kind. */
const VIEW_EVENTS = ['Product Viewed', 'Product Clicked'];
const CART_EVENTS = ['Product Added', 'Product Added to Wishlist'];
const sqlList = (names: readonly string[]) => names.map((n) => `'${n.replaceAll("'", "''")}'`).join(', ');
const CLICK_EVENTS = sqlList([...VIEW_EVENTS, ...CART_EVENTS]);

export class DuckDbRecommendationStore implements RecommendationStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async listSlots(projectId: string): Promise<SavedSlot[]> {
    const rows = await this.db.query(
      `SELECT slot_id, name, algorithm, item_limit, CAST(rules AS VARCHAR) AS rules, epoch_ms(updated_at) AS updated
       FROM recommendation_slots WHERE project_id = $projectId ORDER BY created_at, slot_id`,
      { projectId },
    );
    return rows.map(toSlot);
  }

  async saveSlot(
    projectId: string,
    { at = Date.now(), ...slot }: Omit<SavedSlot, 'updatedAt'> & { at?: number },
  ): Promise<SavedSlot> {
    await this.db.execute(
      `INSERT INTO recommendation_slots VALUES
         ($projectId, $slotId, $name, $algorithm, $limit, $rules, ${ts('at')}, ${ts('at')})
       ON CONFLICT (project_id, slot_id) DO UPDATE SET
         name = excluded.name, algorithm = excluded.algorithm, item_limit = excluded.item_limit,
         rules = excluded.rules, updated_at = excluded.updated_at`,
      {
        projectId,
        slotId: slot.slotId,
        name: slot.name,
        algorithm: slot.algorithm,
        limit: slot.limit,
        rules: JSON.stringify(slot.rules),
        at,
      },
    );
    return { ...slot, updatedAt: at };
  }

  async removeSlot(projectId: string, slotId: string): Promise<boolean> {
    const params = { projectId, slotId };
    const where = 'WHERE project_id = $projectId AND slot_id = $slotId';
    const found = await this.db.query(`SELECT 1 FROM recommendation_slots ${where}`, params);
    if (found.length === 0) return false;
    await this.db.execute(`DELETE FROM recommendation_slots ${where}`, params);
    return true;
  }

  async catalogueVersion(projectId: string): Promise<string> {
    const rows = await this.db.query(
      'SELECT count(*) AS n, coalesce(epoch_ms(max(updated_at)), 0) AS at FROM products WHERE project_id = $projectId',
      { projectId },
    );
    return `${rows[0]?.n ?? 0}:${rows[0]?.at ?? 0}`;
  }

  async identityLinks(
    projectId: string,
    { identities, limit }: { identities?: readonly string[]; limit: number },
  ): Promise<ProfileLink[]> {
    const params: Record<string, string | number> = { projectId, limit };
    let sql = 'SELECT identity, profile_id FROM identity_links WHERE project_id = $projectId';
    if (identities) {
      if (identities.length === 0) return [];
      identities.forEach((identity, i) => {
        params[`i${i}`] = identity;
      });
      sql = `SELECT l2.identity, l2.profile_id FROM identity_links l1
             JOIN identity_links l2 ON l2.project_id = l1.project_id AND l2.profile_id = l1.profile_id
             WHERE l1.project_id = $projectId
               AND l1.identity IN (${identities.map((_, i) => `$i${i}`).join(', ')})`;
    }
    const rows = await this.db.query(`${sql} LIMIT CAST($limit AS BIGINT)`, params);
    return rows.map((r) => ({ identity: String(r.identity), profileId: String(r.profile_id) }));
  }

  async sessionClicks(
    projectId: string,
    { sinceMs, maxSessions }: { sinceMs: number; maxSessions: number },
  ): Promise<SessionClick[]> {
    const where = `e.project_id = $projectId AND e.ts >= ${ts('sinceMs')} AND e.session_id IS NOT NULL
      AND e.product_id IS NOT NULL AND e.event IN (${CLICK_EVENTS})`;
    const rows = await this.db.query(
      `WITH recent AS (
         SELECT e.session_id FROM events e WHERE ${where}
         GROUP BY e.session_id ORDER BY max(e.ts) DESC LIMIT CAST($maxSessions AS BIGINT)
       )
       SELECT e.session_id, ${IDENTITY} AS identity, e.product_id, e.event, e.category, epoch_ms(e.ts) AS at_ms
       FROM events e SEMI JOIN recent r ON r.session_id = e.session_id
       WHERE ${where}
       ORDER BY e.ts, e.message_id`,
      { projectId, sinceMs, maxSessions },
    );
    const cart = new Set(CART_EVENTS);
    return rows.map((r) => ({
      sessionId: String(r.session_id),
      identity: String(r.identity),
      productId: String(r.product_id),
      kind: cart.has(String(r.event)) ? 'cart' : 'view',
      category: r.category === null ? null : String(r.category),
      at: Number(r.at_ms),
    }));
  }

  async orderBaskets(
    projectId: string,
    { sinceMs, limit }: { sinceMs: number; limit: number },
  ): Promise<OrderBasket[]> {
    // One row per order with its products as lists: a tenth of the rows to convert to JS.
    const rows = await this.db.query(
      `WITH recent AS (
         SELECT e.message_id, e.order_id, ${IDENTITY} AS identity, e.ts
         FROM events e
         WHERE e.project_id = $projectId AND e.event = 'Order Completed' AND e.ts >= ${ts('sinceMs')}
           AND e.order_id IS NOT NULL
           AND e.order_id NOT IN (
             SELECT order_id FROM events
             WHERE project_id = $projectId AND event = 'Order Cancelled' AND order_id IS NOT NULL)
         ORDER BY e.ts DESC LIMIT CAST($limit AS BIGINT)
       )
       SELECT r.order_id, any_value(r.identity) AS identity, epoch_ms(any_value(r.ts)) AS at_ms,
              list(oi.product_id ORDER BY oi.position) AS products,
              list(oi.category ORDER BY oi.position) AS categories
       FROM recent r
       JOIN order_items oi ON oi.project_id = $projectId AND oi.message_id = r.message_id
       GROUP BY r.order_id
       ORDER BY at_ms, r.order_id`,
      { projectId, sinceMs, limit },
    );
    return rows.map((r) => {
      const products = r.products as string[];
      const categories = r.categories as (string | null)[];
      // A product listed twice in one order is one product of the basket.
      const seen = new Set<string>();
      const productIds: string[] = [];
      const cats: (string | null)[] = [];
      products.forEach((id, i) => {
        if (seen.has(id)) return;
        seen.add(id);
        productIds.push(id);
        cats.push(categories[i] ?? null);
      });
      return {
        orderId: String(r.order_id),
        identity: r.identity === null ? null : String(r.identity),
        productIds,
        categories: cats,
        at: Number(r.at_ms),
      };
    });
  }

  async attribution(
    projectId: string,
    { range, windowMs }: { range: TimeRange; windowMs: number },
  ): Promise<AttributionFigures[]> {
    const inRange = `e.ts >= ${ts('startMs')} AND e.ts < ${ts('endMs')}`;
    const impressions = resolvedEventsSql(duckdbDialect, {
      projectParam: '$projectId',
      where: `e.event = '${RECOMMENDATION_VIEWED_EVENT}' AND ${inRange}`,
      columns: 'e.properties, e.ts',
    });
    const orders = resolvedEventsSql(duckdbDialect, {
      projectParam: '$projectId',
      where: `e.event = 'Order Completed' AND e.ts >= ${ts('startMs')} AND e.ts < ${ts('ordersEndMs')}`,
      columns: 'e.message_id, e.ts',
    });
    const rid = "json_extract_string(properties, '$.recommendation_id')";
    const rows = await this.db.query(
      `WITH imp AS (
         SELECT profile_id, ${rid} AS rid, epoch_ms(ts) AS at_ms,
                coalesce(json_extract_string(properties, '$.slot'), '') AS slot,
                coalesce(json_extract_string(properties, '$.algorithm'), '') AS algorithm,
                json_extract_string(properties, '$.product_ids[*]') AS products
         FROM ${impressions} i
       ),
       clicks AS (
         -- A click often sends both Product Clicked and Product Viewed: one per list and product.
         SELECT ${rid} AS rid, count(DISTINCT product_id) AS n
         FROM events
         WHERE project_id = $projectId AND event IN (${sqlList(VIEW_EVENTS)}) AND ts >= ${ts('startMs')}
           AND ${rid} IS NOT NULL
         GROUP BY 1
       ),
       shown AS (SELECT DISTINCT profile_id, slot, algorithm, at_ms, unnest(products) AS product_id FROM imp),
       bought AS (
         SELECT o.profile_id, oi.order_id, oi.position, oi.product_id, epoch_ms(oi.ts) AS at_ms,
                coalesce(oi.price, 0) * oi.quantity AS revenue
         FROM order_items oi JOIN ${orders} o ON o.message_id = oi.message_id
         WHERE oi.project_id = $projectId
       ),
       attributed AS (
         SELECT DISTINCT s.slot, s.algorithm, b.order_id, b.position, b.revenue
         FROM shown s JOIN bought b ON b.profile_id = s.profile_id AND b.product_id = s.product_id
         WHERE b.at_ms >= s.at_ms AND b.at_ms <= s.at_ms + CAST($windowMs AS BIGINT)
       ),
       per_list AS (
         SELECT slot, algorithm, count(*) AS impressions, sum(coalesce(c.n, 0)) AS clicks
         FROM imp LEFT JOIN clicks c USING (rid) GROUP BY slot, algorithm
       ),
       per_order AS (
         SELECT slot, algorithm, count(DISTINCT order_id) AS orders, sum(revenue) AS revenue
         FROM attributed GROUP BY slot, algorithm
       )
       SELECT p.slot, p.algorithm, p.impressions, p.clicks,
              coalesce(o.orders, 0) AS orders, coalesce(o.revenue, 0) AS revenue
       FROM per_list p LEFT JOIN per_order o USING (slot, algorithm)
       ORDER BY p.impressions DESC, p.slot, p.algorithm`,
      {
        projectId,
        startMs: range.startMs,
        endMs: range.endMs,
        ordersEndMs: range.endMs + windowMs,
        windowMs,
      },
    );
    return rows.map((r) => ({
      slot: String(r.slot),
      algorithm: String(r.algorithm),
      impressions: Number(r.impressions),
      clicks: Number(r.clicks),
      orders: Number(r.orders),
      revenue: Math.round(Number(r.revenue) * 100) / 100,
    }));
  }
}

function toSlot(r: Row): SavedSlot {
  const algorithm = String(r.algorithm);
  return {
    slotId: String(r.slot_id),
    name: String(r.name),
    // A value written by a newer version reads as the blend rather than failing the whole list.
    algorithm: (RECOMMENDATION_ALGORITHMS as readonly string[]).includes(algorithm)
      ? (algorithm as RecommendationAlgorithm)
      : 'auto',
    limit: Number(r.item_limit),
    rules: JSON.parse(String(r.rules)) as SlotRulesWire,
    updatedAt: Number(r.updated),
  };
}
