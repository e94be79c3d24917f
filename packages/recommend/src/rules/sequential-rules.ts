// SR, sequential rules (Kamehkhosh, Jannach and Ludewig, TempRec 2017; Ludewig and Jannach 2018, section
// 3.1; session-rec algorithms/baselines/sr.py): an item seen i steps before another (i <= steps) strengthens
// the rule earlier -> later by a weight decaying in i; the next item comes from the rules of the last click.
import { matchWeight, type PositionWeighting } from '../session-knn/weighting';
import type { ItemId, ScoredItem, SessionEvent } from '../types';
import { pick, type RuleRecommendOptions } from './association-rules';
import { RuleTable } from './rule-table';
import { SessionBuffer } from './session-buffer';

export interface SequentialRulesOptions {
  /** How far back an earlier item still forms a rule. Default 20 (session-rec's example configuration). */
  steps?: number;
  /** Decay of the rule weight with the distance i: 'quadratic' is 1/i^2. Default 'quadratic'. */
  weighting?: PositionWeighting;
  /** Rules kept per item (see RuleTable). Default 20. */
  pruning?: number;
  /** Open sessions remembered for pairing new events. Default 100,000. */
  openSessions?: number;
}

/**
 * @example
 * const sr = new SequentialRules();
 * sr.addAll([
 *   { sessionId: 's', itemId: 'a', time: 1 },
 *   { sessionId: 's', itemId: 'b', time: 2 },
 * ]);
 * sr.recommend(['a']); // [{ itemId: 'b', score: 1 }]
 */
export class SequentialRules {
  private readonly table: RuleTable;
  private readonly open: SessionBuffer;
  private readonly weighting: PositionWeighting;

  constructor(options: SequentialRulesOptions = {}) {
    const steps = options.steps ?? 20;
    this.weighting = options.weighting ?? 'quadratic';
    this.table = new RuleTable({ pruning: options.pruning ?? 20 });
    this.open = new SessionBuffer(steps, options.openSessions ?? 100_000);
  }

  add(event: SessionEvent): void {
    const { table } = this;
    table.countEvent(event.itemId);
    const earlier = this.open.push(event.sessionId, event.itemId);
    for (let i = 1; i <= earlier.length; i++) {
      table.add(earlier[earlier.length - i]!, event.itemId, matchWeight(this.weighting, i));
    }
  }

  addAll(events: Iterable<SessionEvent>): void {
    for (const e of events) this.add(e);
  }

  endSession(sessionId: string): void {
    this.open.end(sessionId);
  }

  recommend(currentSessionItems: readonly ItemId[], options: RuleRecommendOptions = {}): ScoredItem[] {
    const last = currentSessionItems.at(-1);
    if (last === undefined) return [];
    return pick(this.table.consequents(last), options);
  }
}
