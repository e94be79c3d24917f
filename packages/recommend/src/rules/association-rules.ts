// AR, simple association rules of size two (Ludewig and Jannach 2018, section 3.1; session-rec
// algorithms/baselines/ar.py): every pair of events in a session strengthens both a -> b and b -> a by one,
// and the next item is predicted from the rules of the last click.
import type { ItemId, ScoredItem, SessionEvent } from '../types';
import { RuleTable } from './rule-table';
import { SessionBuffer } from './session-buffer';

export interface AssociationRulesOptions {
  /** Rules kept per item (see RuleTable). Default 20. */
  pruning?: number;
  /** Open sessions remembered for pairing new events. Default 100,000. */
  openSessions?: number;
}

export interface RuleRecommendOptions {
  /** Default 20. */
  limit?: number;
  exclude?: Iterable<ItemId>;
}

/**
 * @example
 * const ar = new AssociationRules();
 * ar.add({ sessionId: 's', itemId: 'a', time: 1 });
 * ar.add({ sessionId: 's', itemId: 'b', time: 2 });
 * ar.recommend(['b']); // [{ itemId: 'a', score: 1 }]
 */
export class AssociationRules {
  private readonly table: RuleTable;
  private readonly open: SessionBuffer;

  constructor(options: AssociationRulesOptions = {}) {
    this.table = new RuleTable({ pruning: options.pruning ?? 20 });
    this.open = new SessionBuffer(Number.POSITIVE_INFINITY, options.openSessions ?? 100_000);
  }

  /** Learns from one event as it arrives; events of a session must come in time order. */
  add(event: SessionEvent): void {
    const { table } = this;
    table.countEvent(event.itemId);
    for (const earlier of this.open.push(event.sessionId, event.itemId)) {
      table.add(earlier, event.itemId, 1);
      table.add(event.itemId, earlier, 1);
    }
  }

  addAll(events: Iterable<SessionEvent>): void {
    for (const e of events) this.add(e);
  }

  /** Forgets the open state of a finished session (its rules stay). */
  endSession(sessionId: string): void {
    this.open.end(sessionId);
  }

  /** Predicts the next item from the last click of the session. */
  recommend(currentSessionItems: readonly ItemId[], options: RuleRecommendOptions = {}): ScoredItem[] {
    const last = currentSessionItems.at(-1);
    if (last === undefined) return [];
    return pick(this.table.consequents(last), options);
  }
}

export function pick(rules: readonly ScoredItem[], options: RuleRecommendOptions): ScoredItem[] {
  const limit = options.limit ?? 20;
  const exclude = options.exclude ? new Set(options.exclude) : undefined;
  const out: ScoredItem[] = [];
  for (const r of rules) {
    if (out.length >= limit) break;
    if (!exclude?.has(r.itemId)) out.push({ ...r });
  }
  return out;
}
