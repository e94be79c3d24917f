// Centric's on-site widgets: render a decision (POST /v1/decide) into the page with plain DOM
// and a small stylesheet — recommendation carousels in `[data-centric-slot]` elements, the
// dwell and exit-intent pop-ins, the social-proof badge and the free-shipping bar — reporting
// every impression, click and dismissal through the host (the SDK's tracker) as Trigger Shown /
// Clicked / Dismissed with `{ trigger_id, kind, decision_id }`. Bundled by packages/sdk's build
// into centric-widgets.js, which sets globalThis.CentricWidgets and is loaded lazily.
import type { DecideResponse, RecommendationResponse, TriggeredMessage } from '@centric/contracts';
import { renderCarousel } from './carousel';
import { removeShippingBar, renderFreeShippingBar, type ShippingBar } from './free-shipping-bar';
import { armDwell, armExitIntent, openPopin, removeOpenPopins } from './popin';
import { renderSocialProof } from './social-proof';
import { injectStyles } from './styles';
import type { PageMemory, WidgetContext, WidgetHost } from './widget-context';

export type { WidgetHost } from './widget-context';

export interface RenderedDecision {
  /** Removes everything this render shows (open pop-ins and the bar included) and stops its timers. */
  destroy(): void;
  /** Moves the free-shipping bar to a new cart value without a new decision. */
  setCartValue(value: number): void;
}

const memories = new WeakMap<Document, PageMemory>();

/**
 * Renders a decision. A later call for the same page takes over from this one: pending timers
 * and listeners stop, carousels and badges are redrawn, the bar is updated in place, an open
 * pop-in stays until the visitor closes it, and nothing reports an impression twice.
 *
 * @example
 * const decision = await centric.decide({ page: { url: location.href, type: 'product', productId: 'SKU-1' } });
 * renderDecision(decision, { track: centric.track, on: centric.on });
 */
export function renderDecision(decision: DecideResponse, host: WidgetHost): RenderedDecision {
  const doc = host.document ?? document;
  injectStyles(doc);
  let page = memories.get(doc);
  if (!page) {
    page = { shown: new Set(), cancelled: new Set(), current: null };
    memories.set(doc, page);
  }
  page.current?.release();
  const ctx: WidgetContext = { doc, host, decisionId: decision.decisionId, page, cleanups: [] };
  const messages: TriggeredMessage[] = Array.isArray(decision.messages) ? decision.messages : [];
  const guarded = (work: () => void) => {
    // A widget that fails must not break the shop's page, nor the other widgets.
    try {
      work();
    } catch (error) {
      doc.defaultView?.console?.warn('Centric widgets:', error);
    }
  };

  const lists = new Map<string, RecommendationResponse>(Object.entries(decision.recommendations ?? {}));
  const carousels = new Map<string, TriggeredMessage>();
  for (const m of messages) {
    if (m.kind !== 'carousel' || !m.content.slot) continue;
    carousels.set(m.content.slot, m);
    if (!lists.has(m.content.slot) && m.content.recommendation)
      lists.set(m.content.slot, m.content.recommendation);
  }
  for (const [slot, list] of lists)
    guarded(() => renderCarousel(ctx, { slot, list, message: carousels.get(slot) }));

  let bar: ShippingBar | null = null;
  for (const m of messages) {
    guarded(() => {
      switch (m.kind) {
        case 'dwell_popin':
        case 'exit_intent':
          if (m.show.on === 'dwell') armDwell(ctx, m);
          else if (m.show.on === 'exit_intent') armExitIntent(ctx, m);
          else openPopin(ctx, m);
          break;
        case 'social_proof':
          renderSocialProof(ctx, m);
          break;
        case 'free_shipping_bar':
          bar = renderFreeShippingBar(ctx, m) ?? bar;
          break;
        case 'carousel':
          break;
      }
    });
  }

  const release = () => {
    for (const cleanup of ctx.cleanups.splice(0)) guarded(cleanup);
  };
  const current = {
    release,
    destroy() {
      release();
      removeOpenPopins(doc);
      removeShippingBar(doc);
      if (page.current === current) page.current = null;
    },
  };
  page.current = current;
  return {
    destroy: current.destroy,
    setCartValue: (value) => bar?.setCartValue(value),
  };
}
