// What the recommendation models know per identity ('a:<anonymousId>', 'u:<userId>'): recent
// interactions (for "products you will love"), the current session's clicks (for session kNN)
// and purchases (the bought-item suppression list and replenishment). Kept per identity rather
// than per profile so that a merge needs no rewrite: a request gathers the identities of the
// visitor's profile. Activity is bounded (least recently active visitors forgotten); purchases
// are not, because forgetting one would let a bought product back into a slot - they are bounded
// by the order lines the model loads and reset by the periodic rebuild.
import type { Interaction, InteractionKind, Purchase } from '@centric/recommend';
import { LruMap } from './lru-map';

interface CurrentSession {
  sessionId: string;
  /** Clicked products in order, repeats included (V-SKNN weighs positions). */
  items: string[];
  lastAt: number;
}

interface Activity {
  /** Newest last. */
  interactions: Interaction[];
  session: CurrentSession | null;
}

export interface VisitorContext {
  /** The identities it was gathered from, joined: caches of per-visitor lists key on it. */
  key: string;
  /** The current session, when one is active. */
  sessionId: string | null;
  sessionItems: string[];
  /** The most recent interactions of every identity, purchases included (at most `maxHistory`). */
  history: Interaction[];
  purchases: Purchase[];
  /** The suppression list shared by every channel. */
  bought: Set<string>;
}

export interface VisitorBookOptions {
  /** Identities whose activity is kept. Default 200,000. */
  maxVisitors?: number;
  /** Interactions kept per identity. Default 50. */
  maxHistory?: number;
  /** Clicks kept of a current session. Default 50. */
  maxSessionItems?: number;
}

export const EMPTY_CONTEXT: Readonly<VisitorContext> = Object.freeze({
  key: '',
  sessionId: null,
  sessionItems: [],
  history: [],
  purchases: [],
  bought: new Set<string>(),
});

export class VisitorBook {
  private readonly activity: LruMap<string, Activity>;
  private readonly purchases = new Map<string, Purchase[]>();
  private readonly maxHistory: number;
  private readonly maxSessionItems: number;

  constructor(options: VisitorBookOptions = {}) {
    this.activity = new LruMap(options.maxVisitors ?? 200_000);
    this.maxHistory = options.maxHistory ?? 50;
    this.maxSessionItems = options.maxSessionItems ?? 50;
  }

  get visitors(): number {
    return this.activity.size;
  }

  get buyers(): number {
    return this.purchases.size;
  }

  /** A product view or cart add of an identity, in its session. */
  addInteraction(
    identity: string,
    click: { itemId: string; kind: Exclude<InteractionKind, 'purchase'>; time: number; sessionId: string },
  ): void {
    let a = this.activity.get(identity);
    if (a === undefined) {
      a = { interactions: [], session: null };
      this.activity.set(identity, a);
    }
    a.interactions.push({ itemId: click.itemId, kind: click.kind, time: click.time });
    if (a.interactions.length > this.maxHistory)
      a.interactions.splice(0, a.interactions.length - this.maxHistory);
    if (a.session?.sessionId !== click.sessionId) {
      // Events of an older session arriving late do not replace the newer one.
      if (a.session && a.session.lastAt > click.time) return;
      a.session = { sessionId: click.sessionId, items: [], lastAt: click.time };
    }
    a.session.items.push(click.itemId);
    if (a.session.items.length > this.maxSessionItems) a.session.items.shift();
    a.session.lastAt = Math.max(a.session.lastAt, click.time);
  }

  addPurchase(identity: string, purchase: Purchase): void {
    const list = this.purchases.get(identity);
    if (list) list.push(purchase);
    else this.purchases.set(identity, [purchase]);
  }

  /** Everything known about the identities of one profile at `now`. */
  context(
    identities: readonly string[],
    { now, sessionTimeoutMs }: { now: number; sessionTimeoutMs: number },
  ): Readonly<VisitorContext> {
    const history: Interaction[] = [];
    const purchases: Purchase[] = [];
    let session: CurrentSession | null = null;
    for (const identity of identities) {
      const a = this.activity.get(identity);
      if (a) {
        history.push(...a.interactions);
        if (
          a.session &&
          now - a.session.lastAt <= sessionTimeoutMs &&
          (!session || a.session.lastAt > session.lastAt)
        )
          session = a.session;
      }
      const bought = this.purchases.get(identity);
      if (bought) {
        purchases.push(...bought);
        // Kept in arrival order, so the recent ones are at the end: a big buyer's thousands of
        // lines are never sorted per request.
        for (const p of bought.slice(-this.maxHistory))
          history.push({ itemId: p.itemId, kind: 'purchase', time: p.time });
      }
    }
    if (history.length === 0 && purchases.length === 0 && session === null) return EMPTY_CONTEXT;
    history.sort((a, b) => b.time - a.time);
    const context: VisitorContext = {
      key: identities.join('\u0000'),
      sessionId: session?.sessionId ?? null,
      sessionItems: session ? [...session.items] : [],
      history: history.length > this.maxHistory ? history.slice(0, this.maxHistory) : history,
      purchases,
      bought: new Set(purchases.map((p) => p.itemId)),
    };
    return context;
  }
}
