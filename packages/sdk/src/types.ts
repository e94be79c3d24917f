// Public types of the browser SDK: options, the e-commerce objects the helpers take, the
// decision API's shapes (the wire types of @centric/contracts, imported as types only so that
// no schema code reaches the bundle), and the API object itself.
import type { DecidePage, DecideResponse } from '@centric/contracts';

export type { DecidePage, DecideResponse };

/** Where the visitor stands on tracking: decided by the shop's consent banner. */
export type ConsentState = 'pending' | 'granted' | 'denied';

export type Properties = Record<string, unknown>;

export interface CentricOptions {
  /** The project's public write key (pk_...). */
  writeKey: string;
  /** Where Centric runs, e.g. https://centric.example.com; default: the origin of the script tag. */
  host?: string;
  /** Default `granted`; use `pending` where a consent banner decides. */
  consent?: ConsentState;
  /** Count visits without any identifier until consent is granted (server-side daily hash). */
  cookieless?: boolean;
  /** Track page views on load and on single-page-app navigation (default true). */
  autoPageviews?: boolean;
  /** Read GA4 `dataLayer.push(...)` e-commerce events (default true; a string names the array). */
  dataLayer?: boolean | string;
  /** Forward Segment-style `window.analytics` calls, queued ones included (default true). */
  analytics?: boolean;
  /** Longest time an event waits before its batch is sent (default 1000 ms). */
  flushIntervalMs?: number;
  /** A batch is sent as soon as it holds this many events (default 20). */
  batchSize?: number;
}

/**
 * A product as the helpers take it: Segment spec fields, or Centric's own API objects
 * (`productId`, `title`, `imageLink`, `link` from search and recommendation answers).
 */
export interface Product {
  product_id?: string;
  productId?: string;
  id?: string;
  sku?: string;
  name?: string;
  title?: string;
  price?: number | null;
  category?: string | null;
  brand?: string | null;
  variant?: string;
  quantity?: number;
  currency?: string;
  url?: string | null;
  image_url?: string | null;
  position?: number;
  coupon?: string;
  [key: string]: unknown;
}

export interface Cart {
  cart_id?: string;
  products: Product[];
  value?: number;
  currency?: string;
  [key: string]: unknown;
}

export interface Order {
  order_id?: string;
  orderId?: string;
  /** Revenue of the order (Segment: `revenue` or `total`; GA4: `value`). */
  revenue?: number;
  total?: number;
  value?: number;
  currency?: string;
  products: Product[];
  coupon?: string;
  discount?: number;
  shipping?: number;
  tax?: number;
  [key: string]: unknown;
}

/** The page a decision is for; `url` defaults to the current location. */
export type DecidePageInput = Partial<DecidePage>;

export interface DecideInput {
  page?: DecidePageInput;
  slots?: string[];
}

/** What the widgets bundle gets to report events and hear about the shop's own events. */
export interface WidgetHost {
  track(event: string, properties: Record<string, unknown>): void;
  on(event: string, listener: (properties?: Record<string, unknown>) => void): () => void;
  document?: Document;
}

/** A rendered decision (the widgets' answer). */
export interface Rendered {
  /** Removes everything the render shows and stops its timers. */
  destroy(): void;
  /** Moves the free-shipping bar to a new cart value without a new decision. */
  setCartValue(value: number): void;
}

/** Listeners get the event's properties and its name (useful with `*`). */
export type Listener = (properties: Properties, event: string) => void;

export interface Centric {
  init(options: CentricOptions): void;
  page(name?: string, properties?: Properties): void;
  track(event: string, properties?: Properties): void;
  identify(userId: string | null, traits?: Properties): void;
  alias(newUserId: string): void;
  setConsent(consent: ConsentState): void;
  /** Forgets the user and starts a new anonymous visitor (on log-out). */
  reset(): void;
  /** Sends everything queued; resolves when the queue is empty or the server is unreachable. */
  flush(): Promise<void>;
  productViewed(product: Product): void;
  productAdded(product: Product, quantity?: number): void;
  productRemoved(product: Product, quantity?: number): void;
  cartViewed(cart: Cart): void;
  checkoutStarted(order: Order): void;
  orderCompleted(order: Order): void;
  productsSearched(query: string, resultsCount: number): void;
  decide(input?: DecideInput): Promise<DecideResponse>;
  render(decision: DecideResponse): Promise<Rendered>;
  /** Local event bus: every tracked event is emitted under its canonical name; `*` hears all. */
  on(event: string, listener: Listener): () => void;
  /** The visitor's anonymous id; kept in memory only until consent is granted. */
  anonymousId(): string;
  /** The current consent state. */
  consent(): ConsentState;
}
