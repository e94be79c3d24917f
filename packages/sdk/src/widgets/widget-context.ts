// What every widget gets: the document, the host (the SDK's tracker), the decision's id, the
// page's memory of impressions (a trigger reports Trigger Shown once per page, however often
// the page re-decides) and the clean-ups of the render. Plus the small helpers they share:
// element building, template filling, money formatting and safe link targets.
import type { TriggeredMessage } from '@centric/contracts';

/**
 * The event names of TRIGGER_EVENTS in @centric/contracts, written out: importing a value from
 * contracts would bundle its schema library into the widgets (widget-context.test.ts checks
 * they agree).
 */
export const TRIGGER_SHOWN_EVENT = 'Trigger Shown';
export const TRIGGER_CLICKED_EVENT = 'Trigger Clicked';
export const TRIGGER_DISMISSED_EVENT = 'Trigger Dismissed';

/** The SDK's side of the widgets: reports events and lets them hear the shop's own. */
export interface WidgetHost {
  track(event: string, properties: Record<string, unknown>): void;
  /** A listener may get the event's properties (e.g. cart_value); the widgets cope without. */
  on(event: string, listener: (properties?: Record<string, unknown>) => void): () => void;
  document?: Document;
}

/** Per document, across renders: what was shown on this page and the render now live. */
export interface PageMemory {
  shown: Set<string>;
  /** Dwell pop-ins a cancel event stopped on this page: a re-render does not start them again. */
  cancelled: Set<string>;
  current: { release(): void; destroy(): void } | null;
}

export interface WidgetContext {
  doc: Document;
  host: WidgetHost;
  decisionId: string;
  page: PageMemory;
  /** Run on release (a newer render took over) and on destroy. */
  cleanups: (() => void)[];
}

export function trackTrigger(
  ctx: WidgetContext,
  event: string,
  message: Pick<TriggeredMessage, 'triggerId' | 'kind'>,
  extra: Record<string, unknown> = {},
): void {
  ctx.host.track(event, {
    trigger_id: message.triggerId,
    kind: message.kind,
    decision_id: ctx.decisionId,
    ...extra,
  });
}

/** Reports the impression once per page. */
export function markShown(ctx: WidgetContext, message: Pick<TriggeredMessage, 'triggerId' | 'kind'>): void {
  if (ctx.page.shown.has(message.triggerId)) return;
  ctx.page.shown.add(message.triggerId);
  trackTrigger(ctx, TRIGGER_SHOWN_EVENT, message);
}

export const clicked = (ctx: WidgetContext, m: Pick<TriggeredMessage, 'triggerId' | 'kind'>, extra = {}) =>
  trackTrigger(ctx, TRIGGER_CLICKED_EVENT, m, extra);
export const dismissed = (ctx: WidgetContext, m: Pick<TriggeredMessage, 'triggerId' | 'kind'>) =>
  trackTrigger(ctx, TRIGGER_DISMISSED_EVENT, m);

/** A new element with a class and optional text (always text, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Replaces `{name}` placeholders; unknown ones stay as written.
 *
 * @example fill('{count} people bought this', { count: '4' }) // '4 people bought this'
 */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * An amount in the page's language, e.g. "€12.50" on an English page.
 *
 * @example money(12.5, 'EUR', 'de-DE') // '12,50 €'
 */
export function money(amount: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale || undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount.toFixed(2)} ${currency}`;
  }
}

/** Only web and relative links: a configured "javascript:" URL must never become a link. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url);
  return scheme && !/^https?$/i.test(scheme[1] ?? '') ? null : url;
}
