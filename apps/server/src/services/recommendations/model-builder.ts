// Builds a project's recommendation models from the store: the catalogue, the slots (the defaults
// on first use), the recent order lines (co-buys, bundles, popularity, purchases) and the product
// clicks of the most recent sessions (V-SKNN, co-views, popularity, visitors' histories). The
// windows bound memory: a rebuild forgets what fell out of them. Feeding yields to the event loop
// every few hundred rows, so that a rebuild beside serving costs latency only in small slices.
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { SavedSlot, Store } from '@centric/storage';
import { ProductCatalogue } from './product-catalogue';
import { type ModelOptions, ProjectModels } from './project-models';
import { DEFAULT_SLOTS } from './slot-rules';

export interface BuildWindows {
  /** Sessions active in the last N days feed the session models. Default 30. */
  sessionDays?: number;
  /** Most recent sessions loaded. Default 50,000. */
  maxSessions?: number;
  /** Orders of the last N days feed co-buys, popularity and purchases. Default 730. */
  orderDays?: number;
  /** Most recent orders loaded. Default 500,000. */
  maxOrders?: number;
}

const DAY = 86_400_000;
const PAGE = 10_000;
/** Longest stretch of feeding between two yields: a rebuild beside serving must not hold the event loop. */
const SLICE_MS = 5;

export async function buildModels(
  store: Store,
  {
    projectId,
    now,
    windows = {},
    models = {},
  }: { projectId: string; now: number; windows?: BuildWindows; models?: ModelOptions },
): Promise<ProjectModels> {
  const maxSessions = windows.maxSessions ?? 50_000;
  const pace = pacer();
  const built = new ProjectModels({ ...models, maxSessions });
  built.catalogue = await loadCatalogue(store, projectId);
  built.slots = new Map((await loadSlots(store, projectId)).map((s) => [s.slotId, s]));

  const orders = await store.recommendations.orderBaskets(projectId, {
    sinceMs: now - (windows.orderDays ?? 730) * DAY,
    limit: windows.maxOrders ?? 500_000,
  });
  for (let i = 0; i < orders.length; i++) {
    const slice = pace();
    if (slice) await slice;
    const o = orders[i]!;
    built.addOrder({
      identities: o.identity ? [o.identity] : [],
      lines: o.productIds.map((productId, k) => ({ productId, category: o.categories[k] ?? null })),
      at: o.at,
    });
  }

  const clicks = await store.recommendations.sessionClicks(projectId, {
    sinceMs: now - (windows.sessionDays ?? 30) * DAY,
    maxSessions,
  });
  for (let i = 0; i < clicks.length; i++) {
    const slice = pace();
    if (slice) await slice;
    const c = clicks[i]!;
    built.addClick({ ...c, identities: [c.identity] });
  }
  return built;
}

/** A function to await between rows: it yields to the event loop once every SLICE_MS of work. */
export function pacer(): () => Promise<void> | undefined {
  let since = performance.now();
  return () => {
    if (performance.now() - since < SLICE_MS) return undefined;
    return yieldToEventLoop().then(() => {
      since = performance.now();
    });
  };
}

export async function loadCatalogue(store: Store, projectId: string): Promise<ProductCatalogue> {
  const rows = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.state.listProducts({ projectId, limit: PAGE, offset });
    rows.push(...page);
    if (page.length < PAGE) break;
  }
  return ProductCatalogue.fromProducts(rows);
}

/** The project's slots; a project without any gets the default ones saved. */
export async function loadSlots(store: Store, projectId: string): Promise<SavedSlot[]> {
  const saved = await store.recommendations.listSlots(projectId);
  if (saved.length > 0) return saved;
  const out: SavedSlot[] = [];
  for (const slot of DEFAULT_SLOTS) out.push(await store.recommendations.saveSlot(projectId, slot));
  return out;
}
