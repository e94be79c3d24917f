// StreamStore on DuckDB: a visitor's product events with the price they carried (typed columns
// and the JSON properties), catalogue rows with their created dates, recent arrivals beyond the
// first import, and the product_changes history written by catalogue upserts (0009).
import { duckdbDialect } from '../sql/dialect';
import {
  type DatedProduct,
  type ProductChangeRow,
  type ProductInteractionRow,
  STREAM_INTERACTION_EVENTS,
  type StreamInteractionEvent,
  type StreamStore,
} from '../stream-store';
import type { DuckDbDatabase, Row } from './duckdb-database';

const ts = (param: string) => duckdbDialect.timestampFromMs(`$${param}`);
/** Lists travel as one parameter joined by the unit separator, which ids do not contain. */
const SEPARATOR = '\u001f';
const inList = (param: string) => `(SELECT unnest(string_split($${param}, chr(31))))`;
const EVENTS = STREAM_INTERACTION_EVENTS.map((n) => `'${n.replaceAll("'", "''")}'`).join(', ');
const PRODUCT_COLUMNS = `product_id, title, description, category_path, brand, price, sale_price, currency,
  availability, image_link, link, CAST(attributes AS VARCHAR) AS attributes, epoch_ms(created_at) AS created_ms`;

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function toProduct(r: Row): DatedProduct {
  return {
    productId: String(r.product_id),
    title: String(r.title),
    description: text(r.description),
    categoryPath: text(r.category_path),
    brand: text(r.brand),
    price: num(r.price),
    salePrice: num(r.sale_price),
    currency: text(r.currency),
    availability: text(r.availability),
    imageLink: text(r.image_link),
    link: text(r.link),
    attributes: text(r.attributes),
    createdAt: Number(r.created_ms),
  };
}

export class DuckDbStreamStore implements StreamStore {
  constructor(private readonly db: DuckDbDatabase) {}

  async productInteractions(
    projectId: string,
    { identities, sinceMs, limit }: { identities: readonly string[]; sinceMs: number; limit: number },
  ): Promise<ProductInteractionRow[]> {
    const anonymous = identities.filter((i) => i.startsWith('a:')).map((i) => i.slice(2));
    const users = identities.filter((i) => i.startsWith('u:')).map((i) => i.slice(2));
    if (anonymous.length === 0 && users.length === 0) return [];
    // A price as the shop sent it: a number or a numeric string, on the event or its one product;
    // else the event's value (Segment's and GA4's value is price x quantity) per unit.
    // The JSON is read for the kept rows only: the inner query cuts to `limit` first.
    const rows = await this.db.query(
      `SELECT product_id, event, epoch_ms(ts) AS at_ms, currency,
              coalesce(TRY_CAST(coalesce(json_extract_string(properties, '$.price'),
                                         json_extract_string(properties, '$.products[0].price')) AS DOUBLE),
                       value / greatest(coalesce(quantity, 1), 1)) AS price
       FROM (
         SELECT product_id, event, ts, message_id, currency, properties, value, quantity
         FROM events
         WHERE project_id = $projectId AND ts >= ${ts('sinceMs')} AND product_id IS NOT NULL
           AND event IN (${EVENTS})
           AND (anonymous_id IN ${inList('anonymous')} OR user_id IN ${inList('users')})
         ORDER BY ts DESC, message_id
         LIMIT CAST($limit AS BIGINT)
       )
       ORDER BY ts DESC, message_id`,
      {
        projectId,
        sinceMs,
        limit,
        anonymous: anonymous.join(SEPARATOR),
        users: users.join(SEPARATOR),
      },
    );
    return rows.map((r) => ({
      productId: String(r.product_id),
      event: String(r.event) as StreamInteractionEvent,
      at: Number(r.at_ms),
      price: num(r.price),
      currency: text(r.currency),
    }));
  }

  async products(projectId: string, productIds: readonly string[]): Promise<DatedProduct[]> {
    if (productIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT ${PRODUCT_COLUMNS} FROM products
       WHERE project_id = $projectId AND product_id IN ${inList('ids')}
       ORDER BY product_id`,
      { projectId, ids: [...new Set(productIds)].join(SEPARATOR) },
    );
    return rows.map(toProduct);
  }

  async newProducts(
    projectId: string,
    {
      sinceMs,
      afterFirstMs,
      categories,
      brands,
      limit,
    }: {
      sinceMs: number;
      afterFirstMs: number;
      categories?: readonly string[];
      brands?: readonly string[];
      limit: number;
    },
  ): Promise<DatedProduct[]> {
    const params: Record<string, string | number> = { projectId, sinceMs, afterFirstMs, limit };
    const matches: string[] = [];
    if (categories?.length) {
      matches.push(`category_path IN ${inList('categories')}`);
      params.categories = categories.join(SEPARATOR);
    }
    if (brands?.length) {
      matches.push(`brand IN ${inList('brands')}`);
      params.brands = brands.join(SEPARATOR);
    }
    // Asked for favourites but there are none: nothing matches.
    if ((categories || brands) && matches.length === 0) return [];
    const rows = await this.db.query(
      `WITH first AS (SELECT min(created_at) AS at FROM products WHERE project_id = $projectId)
       SELECT ${PRODUCT_COLUMNS} FROM products, first
       WHERE project_id = $projectId AND created_at >= ${ts('sinceMs')}
         AND epoch_ms(created_at) > epoch_ms(first.at) + CAST($afterFirstMs AS BIGINT)
         ${matches.length > 0 ? `AND (${matches.join(' OR ')})` : ''}
       ORDER BY created_at DESC, product_id
       LIMIT CAST($limit AS BIGINT)`,
      params,
    );
    return rows.map(toProduct);
  }

  async productChanges(
    projectId: string,
    { productIds, sinceMs }: { productIds: readonly string[]; sinceMs: number },
  ): Promise<ProductChangeRow[]> {
    if (productIds.length === 0) return [];
    const rows = await this.db.query(
      `SELECT product_id, epoch_ms(changed_at) AS at_ms, old_price, new_price, old_availability, new_availability
       FROM product_changes
       WHERE project_id = $projectId AND changed_at >= ${ts('sinceMs')} AND product_id IN ${inList('ids')}
       ORDER BY changed_at, product_id`,
      { projectId, sinceMs, ids: [...new Set(productIds)].join(SEPARATOR) },
    );
    return rows.map((r) => ({
      productId: String(r.product_id),
      at: Number(r.at_ms),
      oldPrice: num(r.old_price),
      newPrice: num(r.new_price),
      oldAvailability: text(r.old_availability),
      newAvailability: text(r.new_availability),
    }));
  }
}
