// Which triggered messages a visitor gets on a page: the active triggers whose targeting holds
// (segments, page type, URL path, category) and whose frequency cap allows, highest priority
// first, one per placement (one dwell pop-in, one exit-intent pop-in, one social-proof badge,
// one free-shipping bar, one carousel per slot), each turned into the message the widgets
// render. Pure: the caller passes the visitor's segments, past interactions and live counts.
import type { TriggerDefinition, TriggeredMessage, TriggerWire } from '@centric/contracts';
import { cappingAllows, type TriggerInteraction } from './capping';
import { categoryMatches, type DecisionPage, globMatches } from './page-match';
import { DEFAULT_SOCIAL_PROOF_MIN_COUNT } from './trigger-rules';

/** A saved trigger as the selection reads it. */
export type TriggerRule = TriggerDefinition & Pick<TriggerWire, 'triggerId'>;

export interface SelectionContext {
  page: DecisionPage;
  /** Segments the visitor is a current member of. */
  segments: ReadonlySet<string>;
  /** The visitor's reported interactions with a trigger (any order). */
  interactions: (triggerId: string) => readonly TriggerInteraction[];
  /** Distinct buyers of a product in the last 24 hours. */
  buyersLast24h: (productId: string) => number;
  now: number;
}

/** A dwell pop-in waits for these and is dropped when one comes first. */
export const DWELL_CANCEL_EVENTS = ['Product Added'];

/** Higher priority first; the trigger id breaks ties so that the answer is stable. */
export function byPriority(a: TriggerRule, b: TriggerRule): number {
  return b.priority - a.priority || (a.triggerId < b.triggerId ? -1 : a.triggerId > b.triggerId ? 1 : 0);
}

/**
 * @example selectTriggers(project.triggers, { page, segments, interactions, buyersLast24h, now })
 */
export function selectTriggers(triggers: readonly TriggerRule[], ctx: SelectionContext): TriggeredMessage[] {
  const taken = new Set<string>();
  const out: TriggeredMessage[] = [];
  for (const t of [...triggers].sort(byPriority)) {
    if (!t.active) continue;
    const placement = t.kind === 'carousel' ? `carousel:${t.settings.slot ?? ''}` : t.kind;
    if (taken.has(placement)) continue;
    if (!targets(t, ctx)) continue;
    if (!cappingAllows(t.capping, ctx.interactions(t.triggerId), ctx.now)) continue;
    const message = messageFor(t, ctx);
    if (message === null) continue;
    taken.add(placement);
    out.push(message);
  }
  return out;
}

/** True when the visitor and the page are what the trigger is for. */
export function targets(
  t: TriggerRule,
  { page, segments }: Pick<SelectionContext, 'page' | 'segments'>,
): boolean {
  const { targeting } = t;
  if (targeting.segments?.length && !targeting.segments.some((s) => segments.has(s))) return false;
  if (targeting.excludeSegments?.some((s) => segments.has(s))) return false;
  if (targeting.pageTypes?.length) {
    if (page.type === null || !targeting.pageTypes.includes(page.type)) return false;
  } else if (t.kind === 'dwell_popin' && page.type !== 'product' && page.productId === null) {
    // "Dwells on a product page": unless the trigger names its page types, only product pages.
    return false;
  }
  if (targeting.urlPatterns?.length && !targeting.urlPatterns.some((p) => globMatches(p, page.path)))
    return false;
  if (targeting.categories?.length && !categoryMatches(targeting.categories, page.category)) return false;
  return true;
}

/** The message the widgets render, or null when the kind has nothing to say on this page. */
export function messageFor(t: TriggerRule, ctx: SelectionContext): TriggeredMessage | null {
  const { content, settings } = t;
  const text = {
    ...(content.title !== undefined ? { title: content.title } : {}),
    ...(content.body !== undefined ? { body: content.body } : {}),
  };
  const cta = content.cta ? { cta: content.cta } : {};
  const base = { triggerId: t.triggerId, kind: t.kind };
  switch (t.kind) {
    case 'carousel':
      if (settings.slot === undefined) return null;
      return { ...base, show: { on: 'load' }, content: { ...text, slot: settings.slot } };
    case 'dwell_popin':
      if (settings.dwellSeconds === undefined) return null;
      return {
        ...base,
        show: { on: 'dwell', afterSeconds: settings.dwellSeconds, cancelOn: [...DWELL_CANCEL_EVENTS] },
        content: { ...text, ...coupon(t), ...cta },
      };
    case 'exit_intent':
      return { ...base, show: { on: 'exit_intent' }, content: { ...text, ...coupon(t), ...cta } };
    case 'social_proof': {
      if (ctx.page.productId === null) return null;
      const count = ctx.buyersLast24h(ctx.page.productId);
      if (count < (settings.minCount ?? DEFAULT_SOCIAL_PROOF_MIN_COUNT)) return null;
      return { ...base, show: { on: 'load' }, content: { ...text, count } };
    }
    case 'free_shipping_bar': {
      const { threshold, currency } = settings;
      if (threshold === undefined || currency === undefined) return null;
      // A cart in another currency cannot be compared with the threshold.
      if (ctx.page.currency !== null && ctx.page.currency !== currency) return null;
      const remaining = Math.max(0, Math.round((threshold - (ctx.page.cartValue ?? 0)) * 100) / 100);
      return {
        ...base,
        show: { on: 'load' },
        content: { ...text, ...cta, remaining, threshold, currency },
      };
    }
  }
}

function coupon(t: TriggerRule): { couponCode?: string } {
  return t.content.couponCode !== undefined ? { couponCode: t.content.couponCode } : {};
}
