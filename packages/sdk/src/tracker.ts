// The tracker, one per page: builds Segment-spec messages with the page's context, applies the
// consent rules (consent.ts), hands events to the batching queue (event-queue.ts), emits every
// event on a local bus for the widgets, and wires the drop-ins at init: automatic page views
// (with single-page-app navigation), the GA4 data layer and the Segment snippet.
import { createBrowserStore } from './browser-store';
import { type Delivery, deliveryOf, MAX_HELD } from './consent';
import { GA4_EVENTS, readDataLayer } from './data-layer';
import { basketProperties, productProperties } from './ecommerce';
import { createQueue, type EventQueue } from './event-queue';
import { type OutgoingMessage, uuid } from './message';
import { pageKey, watchNavigation } from './page-views';
import { bridgeAnalytics, type SegmentMethod } from './segment-bridge';
import { createTransport } from './transport';
import type {
  Centric,
  CentricOptions,
  ConsentState,
  DecideInput,
  DecideResponse,
  Listener,
  Properties,
} from './types';
import { loadWidgets } from './widgets-loader';

export const VERSION = '0.1.0';
export const CONSENT_EVENT = 'Consent Updated';

type Draft = Omit<OutgoingMessage, 'messageId' | 'timestamp' | 'context'>;

const objectOr = (value: unknown): Properties =>
  value !== null && typeof value === 'object' ? (value as Properties) : {};

/**
 * A tracker; the script tag and the npm package's `centric` are one of these.
 *
 * @example
 * const centric = createCentric();
 * centric.init({ writeKey: 'pk_...', host: 'https://centric.example.com', consent: 'pending' });
 * centric.productAdded({ productId: 'SKU-1', price: 9.5 }, 2);
 */
export function createCentric(): Centric {
  const store = createBrowserStore();
  const listeners = new Map<string, Set<Listener>>();
  const early: [string, unknown[]][] = [];
  let queue: EventQueue | undefined;
  let host = '';
  let writeKey = '';
  let consent: ConsentState = 'granted';
  let cookieless = false;
  let anon = uuid();
  let userId: string | null = null;
  let held: OutgoingMessage[] = [];
  let lastPage: string | null = null;
  let url = '';
  let referrer = '';

  /** Calls made before init() wait for it (the npm package can be used before it is set up). */
  const later = (method: string, args: unknown[]) => !queue && early.push([method, args]) > 0;

  function emit(names: string[], properties: Properties): void {
    for (const name of [...names, '*'])
      for (const listener of listeners.get(name) ?? []) {
        try {
          listener(properties, names[0]!);
        } catch (error) {
          console.error(error);
        }
      }
  }

  function context(): OutgoingMessage['context'] {
    return {
      page: {
        path: location.pathname,
        url: location.href,
        referrer,
        title: document.title,
        search: location.search,
      },
      userAgent: navigator.userAgent,
      locale: navigator.language,
      library: { name: 'centric.js', version: VERSION },
      channel: 'web',
    };
  }

  function deliver(message: OutgoingMessage, delivery: Delivery): void {
    if (delivery === 'full') {
      message.anonymousId = anon;
      queue!.add(message);
    } else if (delivery === 'hold') {
      if (held.push(message) > MAX_HELD) held.shift();
    } else if (delivery === 'cookieless' && (message.type === 'track' || message.type === 'page')) {
      // No identifier leaves the browser; the server counts the visit with a daily-rotating hash.
      delete message.anonymousId;
      delete message.userId;
      message.context.cookieless = true;
      queue!.add(message);
    }
  }

  function record(draft: Draft, delivery = deliveryOf(consent, cookieless)): void {
    const message: OutgoingMessage = {
      ...draft,
      messageId: uuid(),
      timestamp: new Date().toISOString(),
      context: context(),
    };
    if (userId !== null && !message.userId) message.userId = userId;
    deliver(message, delivery);
  }

  function remember(): void {
    if (consent !== 'granted') return;
    store.set('aid', anon);
    store.set('uid', userId);
    store.set('consent', 'granted');
  }

  function pageView(name?: string, properties: Properties = {}): void {
    if (location.href !== url) {
      referrer = url || document.referrer;
      url = location.href;
    }
    lastPage = pageKey(location);
    record({ type: 'page', ...(name ? { name } : {}), properties });
    emit(['page'], properties);
  }

  /** Automatic and snippet page views count a page once, however many times it is announced. */
  function pageOnce(name?: string, properties?: Properties): void {
    if (pageKey(location) !== lastPage) pageView(name, properties);
  }

  function track(event: string, properties: Properties = {}): void {
    if (later('track', [event, properties])) return;
    record({ type: 'track', event, properties });
    const canonical = GA4_EVENTS[event];
    emit(canonical ? [canonical, event] : [event], properties);
  }

  function identify(id: string | null, traits: Properties = {}): void {
    if (later('identify', [id, traits])) return;
    if (id !== null && id !== undefined) userId = String(id);
    remember();
    record({ type: 'identify', traits });
  }

  function alias(newUserId: string): void {
    if (later('alias', [newUserId])) return;
    record({ type: 'alias', userId: newUserId, previousId: userId ?? anon });
    userId = newUserId;
    remember();
  }

  function fromSegment(method: SegmentMethod, args: unknown[]): void {
    const [first, second] = args;
    if (method === 'track' && typeof first === 'string') track(first, objectOr(second));
    else if (method === 'identify')
      typeof first === 'object' && first !== null
        ? identify(userId, first as Properties)
        : identify(first === undefined || first === null ? null : String(first), objectOr(second));
    else if (method === 'alias' && first !== undefined && first !== null) alias(String(first));
    else if (method === 'page') {
      // page([category], [name], [properties]): the leading strings are category and name.
      const names = args.filter((a): a is string => typeof a === 'string');
      const properties = objectOr(args.find((a) => typeof a === 'object'));
      if (names.length > 1) properties.category = names[0];
      pageOnce(names[names.length - 1], properties);
    }
  }

  function setConsent(next: ConsentState): void {
    if (later('setConsent', [next])) return;
    const previous = consent;
    if (next === previous) return;
    const properties = { consent: next, previous };
    const waiting = held;
    held = [];
    if (next === 'granted') {
      consent = next;
      remember();
      queue!.persist(store);
      for (const message of waiting) deliver(message, 'full');
      record({ type: 'track', event: CONSENT_EVENT, properties });
    } else {
      // A withdrawal is recorded with the ids it withdraws; any other change without ids.
      record(
        { type: 'track', event: CONSENT_EVENT, properties },
        previous === 'granted' ? 'full' : 'cookieless',
      );
      consent = next;
      if (previous === 'granted') {
        queue!.persist(null);
        store.wipe();
        anon = uuid();
      }
      // Held events go out without ids in cookieless mode, else they are dropped.
      for (const message of waiting) deliver(message, deliveryOf(next, cookieless));
    }
    emit([CONSENT_EVENT], properties);
  }

  function init(options: CentricOptions): void {
    if (queue) return;
    writeKey = options.writeKey;
    host = (options.host || location.origin).replace(/\/+$/, '');
    cookieless = options.cookieless === true;
    const transport = createTransport(host, writeKey);
    queue = createQueue({
      send: transport.send,
      beacon: transport.beacon,
      batchSize: options.batchSize ?? 20,
      intervalMs: options.flushIntervalMs ?? 1000,
    });
    consent = options.consent ?? 'granted';
    // A grant stored on an earlier page stands until the banner says otherwise.
    if (consent === 'denied') store.wipe();
    else if (store.get('consent') === 'granted') consent = 'granted';
    if (consent === 'granted') {
      anon = store.get('aid') ?? anon;
      userId = store.get('uid');
      remember();
      queue.persist(store);
    }
    const hide = () => queue!.flushBeacon();
    addEventListener('pagehide', hide);
    addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && hide());
    if (options.autoPageviews !== false) {
      watchNavigation(() => pageOnce());
      pageOnce();
    }
    const w = window as unknown as Record<string, unknown>;
    if (options.dataLayer !== false)
      readDataLayer(w, typeof options.dataLayer === 'string' ? options.dataLayer : 'dataLayer', track);
    if (options.analytics !== false) bridgeAnalytics(w, fromSegment);
    for (const [method, args] of early.splice(0))
      (api as unknown as Record<string, (...a: unknown[]) => void>)[method]!(...args);
  }

  async function decide({ page, slots }: DecideInput = {}): Promise<DecideResponse> {
    const res = await fetch(`${host}/v1/decide?writeKey=${encodeURIComponent(writeKey)}`, {
      method: 'POST',
      body: JSON.stringify({
        visitor: anon,
        page: { url: location.href, ...page },
        ...(slots ? { slots } : {}),
      }),
    });
    const answer = await res.json();
    if (!res.ok) throw new Error(`Centric decide: ${answer?.error?.message ?? res.status}`);
    return answer as DecideResponse;
  }

  function on(event: string, listener: Listener): () => void {
    const set = listeners.get(event) ?? new Set<Listener>();
    listeners.set(event, set.add(listener));
    return () => set.delete(listener);
  }

  const api: Centric = {
    init,
    page(name, properties) {
      if (!later('page', [name, properties])) pageView(name, properties);
    },
    track,
    identify,
    alias,
    setConsent,
    reset() {
      if (later('reset', [])) return;
      userId = null;
      anon = uuid();
      remember();
    },
    flush: () => queue?.flush() ?? Promise.resolve(),
    productViewed: (product) => track('Product Viewed', productProperties(product)),
    productAdded: (product, quantity) =>
      track('Product Added', { ...productProperties(product), quantity: quantity ?? product.quantity ?? 1 }),
    productRemoved: (product, quantity) =>
      track('Product Removed', {
        ...productProperties(product),
        quantity: quantity ?? product.quantity ?? 1,
      }),
    cartViewed: (cart) => track('Cart Viewed', basketProperties(cart)),
    checkoutStarted: (order) => track('Checkout Started', basketProperties(order)),
    orderCompleted: (order) => track('Order Completed', basketProperties(order)),
    productsSearched: (query, resultsCount) =>
      track('Products Searched', { query, results_count: resultsCount }),
    decide,
    render: (decision) =>
      loadWidgets(host).then((widgets) => widgets.renderDecision(decision, { track, on, document })),
    on,
    anonymousId: () => anon,
    consent: () => consent,
  };
  return api;
}
