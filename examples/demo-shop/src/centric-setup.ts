// Sets a Centric project up for the shop through Centric's public HTTP API (secret key): the
// recommendation slots the shop's pages render, the on-site triggers (dwell pop-in with a
// discount code, social proof, free-shipping bar, exit intent) and the shop's product feed.
// Each step only adds what is missing, so running it again changes nothing a manager edited.
import { FREE_SHIPPING_THRESHOLD } from './orders';

export interface CentricAdmin {
  url: string;
  /** The project's secret key, or the admin token of a local server (server.json). */
  key: string;
}

export class CentricApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function call<T>(
  admin: CentricAdmin,
  method: string,
  path: string,
  body?: { json: unknown } | { text: string; type: string },
): Promise<T> {
  const response = await fetch(`${admin.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${admin.key}`,
      ...(body ? { 'content-type': 'json' in body ? 'application/json' : body.type } : {}),
    },
    ...(body ? { body: 'json' in body ? JSON.stringify(body.json) : body.text } : {}),
  });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as unknown) : null;
  if (!response.ok) {
    const message = (parsed as { error?: { message?: string } } | null)?.error?.message ?? text;
    throw new CentricApiError(response.status, `${method} ${path}: ${response.status} ${message}`);
  }
  return parsed as T;
}

export interface ProjectKeys {
  projectId: string;
  writeKey: string;
  secretKey: string;
}

export function projectKeys(admin: CentricAdmin): Promise<ProjectKeys> {
  return call<ProjectKeys>(admin, 'GET', '/v1/projects/current/keys');
}

/** The recommendation slots the shop's pages render ([data-centric-slot]). */
export const SHOP_SLOTS = [
  {
    slotId: 'home',
    name: 'Home page: picked for you',
    algorithm: 'auto',
    limit: 8,
    rules: { filters: { inStock: true }, maxPerCategory: 3 },
  },
  {
    slotId: 'product_page',
    name: 'Product page: customers also viewed',
    algorithm: 'auto',
    limit: 8,
    rules: { filters: { inStock: true }, maxPerCategory: 4 },
  },
  {
    slotId: 'cart',
    name: 'Basket: frequently bought together',
    algorithm: 'bundle',
    limit: 4,
    rules: { filters: { inStock: true } },
  },
] as const;

/** Saves the shop's slots that the project does not have yet; answers the ids it added. */
export async function ensureSlots(admin: CentricAdmin): Promise<string[]> {
  const { slots } = await call<{ slots: { slotId: string }[] }>(admin, 'GET', '/v1/recommendations/slots');
  const have = new Set(slots.map((s) => s.slotId));
  const added: string[] = [];
  for (const { slotId, ...slot } of SHOP_SLOTS) {
    if (have.has(slotId)) continue;
    await call(admin, 'PUT', `/v1/recommendations/slots/${slotId}`, { json: slot });
    added.push(slotId);
  }
  return added;
}

/** What the shop's triggers look like (the `/v1/triggers` input of Centric's decision API). */
export interface ShopTrigger {
  name: string;
  kind: 'carousel' | 'dwell_popin' | 'exit_intent' | 'social_proof' | 'free_shipping_bar';
  targeting?: { pageTypes?: string[] };
  capping?: { maxImpressions: number | null; windowDays: number };
  content?: { title?: string; body?: string; couponCode?: string; cta?: { label: string; url: string } };
  settings?: { dwellSeconds?: number; minCount?: number; threshold?: number; currency?: string };
}

export const DWELL_TRIGGER_NAME = 'Demo shop: product page dwell pop-in';

/** The shop's default on-site triggers; the pop-in's code is one the checkout accepts. */
export function shopTriggers({
  dwellSeconds = 15,
  socialProofMinCount = 2,
}: {
  dwellSeconds?: number;
  socialProofMinCount?: number;
} = {}): ShopTrigger[] {
  return [
    {
      name: DWELL_TRIGGER_NAME,
      kind: 'dwell_popin',
      targeting: { pageTypes: ['product'] },
      capping: { maxImpressions: 1, windowDays: 1 },
      content: {
        title: 'Still deciding?',
        body: 'Take 10% off your order today with this code.',
        couponCode: 'THISTLE10',
        cta: { label: 'Go to my basket', url: '/cart' },
      },
      settings: { dwellSeconds },
    },
    {
      name: 'Demo shop: bought in the last 24 hours',
      kind: 'social_proof',
      targeting: { pageTypes: ['product'] },
      content: { body: '{count} people bought this in the last 24 hours' },
      settings: { minCount: socialProofMinCount },
    },
    {
      name: 'Demo shop: free delivery progress',
      kind: 'free_shipping_bar',
      targeting: { pageTypes: ['cart', 'checkout'] },
      content: { body: 'Spend {remaining} more for free delivery' },
      settings: { threshold: FREE_SHIPPING_THRESHOLD, currency: 'GBP' },
    },
    {
      name: 'Demo shop: leaving the basket',
      kind: 'exit_intent',
      targeting: { pageTypes: ['cart'] },
      capping: { maxImpressions: 1, windowDays: 7 },
      content: {
        title: 'Before you go',
        body: 'Your basket is saved on this device. Here is 5% off if you order today.',
        couponCode: 'WELCOME5',
        cta: { label: 'Check out now', url: '/checkout' },
      },
    },
  ];
}

/** Creates the triggers whose name the project does not have yet; answers the names it added. */
export async function ensureTriggers(admin: CentricAdmin, triggers: ShopTrigger[]): Promise<string[]> {
  const { triggers: existing } = await call<{ triggers: { name: string }[] }>(admin, 'GET', '/v1/triggers');
  const have = new Set(existing.map((t) => t.name));
  const added: string[] = [];
  for (const trigger of triggers) {
    if (have.has(trigger.name)) continue;
    await call(admin, 'POST', '/v1/triggers', { json: trigger });
    added.push(trigger.name);
  }
  return added;
}

/** Sets the seconds of the shop's dwell pop-in (it must exist); answers whether it changed. */
export async function setDwellSeconds(admin: CentricAdmin, seconds: number): Promise<boolean> {
  const { triggers } = await call<{
    triggers: { triggerId: string; name: string; settings: { dwellSeconds?: number } }[];
  }>(admin, 'GET', '/v1/triggers');
  const dwell = triggers.find((t) => t.name === DWELL_TRIGGER_NAME);
  if (!dwell) throw new Error(`the project has no trigger named "${DWELL_TRIGGER_NAME}"`);
  if (dwell.settings.dwellSeconds === seconds) return false;
  await call(admin, 'PUT', `/v1/triggers/${encodeURIComponent(dwell.triggerId)}`, {
    json: { settings: { ...dwell.settings, dwellSeconds: seconds } },
  });
  return true;
}

export interface FeedImport {
  read: number;
  imported: number;
  duplicates: number;
  rejected: { line: number; reason: string }[];
}

/** Sends the shop's product feed (titles, prices, links, images) to Centric's catalogue. */
export function importProductFeed(admin: CentricAdmin, csv: string): Promise<FeedImport> {
  return call<FeedImport>(admin, 'POST', '/v1/import/products?format=csv', { text: csv, type: 'text/csv' });
}
