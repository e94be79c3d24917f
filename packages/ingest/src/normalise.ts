// Turns a validated wire message into a stored event: GA4 names and `items[]` mapped onto the
// Segment e-commerce spec, common properties pulled into typed columns, the rest kept as JSON,
// and an Order Completed's products into order-item facts.
import { canonicalEventName, type MessageType, ORDER_EVENT } from '@centric/contracts';
import type { OrderItem, StoredEvent } from '@centric/storage';
import type { ValidMessage } from './validate-message';

/** Properties that become typed columns, in Segment and GA4 spelling. */
const TYPED_KEYS = new Set([
  'product_id',
  'order_id',
  'transaction_id',
  'revenue',
  'value',
  'currency',
  'quantity',
  'query',
  'search_term',
  'category',
]);

type Props = Record<string, unknown>;

const asText = (v: unknown): string | null => {
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return null;
};
const asNumber = (v: unknown): number | null => {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
};
const asInteger = (v: unknown): number | null => {
  const n = asNumber(v);
  return n === null ? null : Math.max(-2147483648, Math.min(2147483647, Math.round(n)));
};

/** A GA4 item as a Segment product. */
function productFromGa4Item(item: Props, position: number): Props {
  const categories = ['item_category', 'item_category2', 'item_category3', 'item_category4', 'item_category5']
    .map((k) => asText(item[k]))
    .filter((c): c is string => c !== null);
  const product: Props = {
    product_id: asText(item.item_id) ?? asText(item.id),
    name: item.item_name,
    brand: item.item_brand,
    category: categories.length > 0 ? categories.join('/') : undefined,
    variant: item.item_variant,
    price: item.price,
    quantity: item.quantity,
    coupon: item.coupon,
    position: item.index ?? position,
  };
  for (const key of Object.keys(product)) if (product[key] === undefined) delete product[key];
  return product;
}

/** Segment `products[]`, or GA4 `items[]` mapped onto it. */
function productsOf(props: Props): Props[] {
  if (Array.isArray(props.products))
    return props.products.filter((p): p is Props => p !== null && typeof p === 'object');
  if (Array.isArray(props.items)) {
    return props.items
      .filter((p): p is Props => p !== null && typeof p === 'object')
      .map((item, i) => productFromGa4Item(item, i));
  }
  return [];
}

export interface NormalisedEvent {
  event: StoredEvent;
  orderItems: OrderItem[];
  visitorKey: string;
  campaign: string;
}

/**
 * Normalises one validated message. `sessionId` is filled in by the sessioniser afterwards.
 *
 * @example normaliseMessage(valid, { projectId: 'prj_1', receivedAt: Date.now(), messageId: 'm1' })
 */
export function normaliseMessage(
  valid: ValidMessage,
  { projectId, receivedAt, messageId }: { projectId: string; receivedAt: number; messageId: string },
): NormalisedEvent {
  const m = valid.message;
  const type = m.type as MessageType;
  const props: Props = (m.properties as Props | undefined) ?? {};
  const context = (m.context as Props | undefined) ?? {};
  const page = (context.page as Props | undefined) ?? {};
  const campaign = (context.campaign as Props | undefined) ?? {};
  const products = productsOf(props);
  const first = products[0];

  const event =
    type === 'track'
      ? canonicalEventName(String(m.event))
      : type === 'page' || type === 'screen'
        ? asText(m.name)
        : null;
  const isOrder = event === ORDER_EVENT;
  const utm = utmOf(
    campaign,
    asText(page.url) ?? asText(page.search) ?? asText(props.url) ?? asText(props.search),
  );

  let propertiesJson = valid.json.properties;
  const needsRewrite = products.length > 0 && !Array.isArray(props.products);
  const hasTyped = Object.keys(props).some((k) => TYPED_KEYS.has(k));
  if (needsRewrite || hasTyped) {
    const rest: Props = {};
    for (const key in props)
      if (!TYPED_KEYS.has(key) && !(needsRewrite && key === 'items')) rest[key] = props[key];
    if (needsRewrite) rest.products = products;
    propertiesJson = Object.keys(rest).length > 0 ? JSON.stringify(rest) : null;
  }

  const orderId = asText(props.order_id) ?? asText(props.transaction_id);
  // GA4's purchase carries the order total as `value`; Segment's as `revenue` (or `total`).
  const revenue =
    asNumber(props.revenue) ?? asNumber(props.total) ?? (isOrder ? asNumber(props.value) : null);
  const anonymousId = asText(m.anonymousId);
  const userId = asText(m.userId);
  const stored: StoredEvent = {
    projectId,
    messageId,
    type,
    event,
    anonymousId,
    userId,
    previousId: asText(m.previousId),
    sessionId: null,
    channel: valid.channel,
    timestamp: valid.timestamp,
    receivedAt,
    productId: asText(props.product_id) ?? (products.length === 1 && first ? asText(first.product_id) : null),
    orderId,
    revenue,
    value: asNumber(props.value),
    currency: asText(props.currency)?.toUpperCase() ?? null,
    quantity:
      asInteger(props.quantity) ?? (products.length === 1 && first ? asInteger(first.quantity) : null),
    query: asText(props.query) ?? asText(props.search_term),
    category: asText(props.category) ?? (products.length === 1 && first ? asText(first.category) : null),
    utmSource: utm.source,
    utmMedium: utm.medium,
    utmCampaign: utm.campaign,
    utmTerm: utm.term,
    utmContent: utm.content,
    pagePath: asText(page.path) ?? (type === 'page' ? asText(props.path) : null),
    referrer: asText(page.referrer) ?? (type === 'page' ? asText(props.referrer) : null),
    properties: propertiesJson,
    context: valid.json.context,
    traits: valid.json.traits,
  };

  const orderItems: OrderItem[] = [];
  if (isOrder && orderId !== null) {
    products.forEach((p, position) => {
      const productId = asText(p.product_id) ?? asText(p.sku) ?? asText(p.id);
      if (productId === null) return;
      orderItems.push({
        projectId,
        orderId,
        messageId,
        position,
        productId,
        sku: asText(p.sku),
        name: asText(p.name),
        category: asText(p.category),
        brand: asText(p.brand),
        price: asNumber(p.price),
        quantity: asInteger(p.quantity) ?? 1,
        timestamp: valid.timestamp,
      });
    });
  }
  const campaignKey = [utm.source, utm.medium, utm.campaign].filter((v) => v !== null).join('|');
  return { event: stored, orderItems, visitorKey: anonymousId ?? userId ?? messageId, campaign: campaignKey };
}

interface Utm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  term: string | null;
  content: string | null;
}

/** UTM fields from context.campaign, else from the page URL's query string. */
function utmOf(campaign: Props, urlOrSearch: string | null): Utm {
  const utm: Utm = {
    source: asText(campaign.source),
    medium: asText(campaign.medium),
    campaign: asText(campaign.name),
    term: asText(campaign.term),
    content: asText(campaign.content),
  };
  if (utm.source !== null || utm.medium !== null || utm.campaign !== null || urlOrSearch === null) return utm;
  const q = urlOrSearch.indexOf('?');
  if (q < 0 || !urlOrSearch.includes('utm_')) return utm;
  const params = new URLSearchParams(urlOrSearch.slice(q + 1).split('#')[0]);
  const get = (k: string) => {
    const v = params.get(k);
    return v === null || v === '' ? null : v;
  };
  return {
    source: get('utm_source'),
    medium: get('utm_medium'),
    campaign: get('utm_campaign'),
    term: get('utm_term'),
    content: get('utm_content'),
  };
}
