// The free-shipping bar: a sticky bar at the top of the page telling what is left to spend for
// free shipping, with a progress bar. It follows the cart: a re-render with a newer decision
// updates the same bar in place (no flicker, no second impression), and cart events the host
// passes on with a cart value (`cart_value`, or `value` of Cart Viewed / Checkout Started)
// move it at once. Its close button is a dismissal.
import type { TriggeredMessage } from '@centric/contracts';
import { dismissed, el, fill, markShown, money, type WidgetContext } from './widget-context';

const BAR_ID = 'centric-free-shipping-bar';
const DEFAULT_TEXT = '{remaining} more for free shipping';
const REACHED_TEXT = 'You get free shipping!';
/** Events after which the cart may have changed, and the property holding its value. */
const CART_EVENTS: readonly [string, readonly string[]][] = [
  ['Product Added', ['cart_value']],
  ['Product Removed', ['cart_value']],
  ['Cart Viewed', ['cart_value', 'value']],
  ['Checkout Started', ['cart_value', 'value']],
];

export interface ShippingBar {
  setCartValue(value: number): void;
}

export function renderFreeShippingBar(ctx: WidgetContext, message: TriggeredMessage): ShippingBar | null {
  const { doc } = ctx;
  const { threshold, currency } = message.content;
  if (threshold === undefined || currency === undefined) return null;
  let bar = doc.getElementById(BAR_ID);
  // A bar the visitor closed stays closed on this page.
  if (!bar && ctx.page.shown.has(message.triggerId)) return null;
  if (!bar) {
    bar = el(doc, 'div', 'centric-shipping-bar');
    bar.id = BAR_ID;
    bar.setAttribute('role', 'region');
    bar.setAttribute('aria-label', 'Free shipping');
    const close = el(doc, 'button', undefined, '×');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    const progress = el(doc, 'div', 'centric-shipping-progress');
    progress.setAttribute('role', 'progressbar');
    progress.setAttribute('aria-valuemin', '0');
    progress.append(el(doc, 'span'));
    bar.append(el(doc, 'span', 'centric-shipping-bar-text'), progress, close);
    doc.body.prepend(bar);
  }
  const node = bar;
  node.dataset.triggerId = message.triggerId;
  const text = node.querySelector<HTMLElement>('.centric-shipping-bar-text')!;
  const progress = node.querySelector<HTMLElement>('.centric-shipping-progress')!;
  const lang = doc.documentElement.lang;
  const show = (remaining: number) => {
    const left = Math.max(0, Math.round(remaining * 100) / 100);
    node.dataset.remaining = String(left);
    text.textContent =
      left > 0
        ? fill(message.content.body ?? DEFAULT_TEXT, {
            remaining: money(left, currency, lang),
            threshold: money(threshold, currency, lang),
          })
        : REACHED_TEXT;
    const spent = Math.min(threshold, threshold - left);
    progress.setAttribute('aria-valuemax', String(threshold));
    progress.setAttribute('aria-valuenow', String(spent));
    progress.setAttribute('aria-valuetext', text.textContent);
    (progress.firstElementChild as HTMLElement).style.width = `${(spent / threshold) * 100}%`;
  };
  show(message.content.remaining ?? threshold);

  // The close button belongs to this render: a newer one hooks up its own.
  const close = node.querySelector('button')!;
  const onClose = () => {
    node.remove();
    dismissed(ctx, message);
  };
  close.addEventListener('click', onClose);
  ctx.cleanups.push(() => close.removeEventListener('click', onClose));

  const setCartValue = (value: number) => show(threshold - value);
  for (const [event, keys] of CART_EVENTS) {
    ctx.cleanups.push(
      ctx.host.on(event, (properties) => {
        for (const key of keys) {
          const value = properties?.[key];
          if (typeof value === 'number' && Number.isFinite(value)) return setCartValue(value);
        }
      }),
    );
  }
  markShown(ctx, message);
  return { setCartValue };
}

/** Removes the bar (destroy()). */
export function removeShippingBar(doc: Document): void {
  doc.getElementById(BAR_ID)?.remove();
}
