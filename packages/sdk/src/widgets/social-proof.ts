// Social proof ("4 people bought this in the last 24 hours"): a badge inside every
// `[data-centric-social-proof]` element of the page, or, on a page without one, a toast in the
// corner that leaves by itself after a while (its close button is a dismissal).
import type { TriggeredMessage } from '@centric/contracts';
import { dismissed, el, fill, markShown, type WidgetContext } from './widget-context';

const DEFAULT_TEXT = '{count} people bought this in the last 24 hours';
const TOAST_MS = 8000;

export function renderSocialProof(ctx: WidgetContext, message: TriggeredMessage): void {
  const { doc } = ctx;
  const count = message.content.count ?? 0;
  const text = fill(message.content.body ?? DEFAULT_TEXT, { count: String(count) });
  const targets = [...doc.querySelectorAll<HTMLElement>('[data-centric-social-proof]')];
  if (targets.length > 0) {
    for (const target of targets) {
      const badge = el(doc, 'span', 'centric-social-proof');
      badge.setAttribute('role', 'status');
      if (message.content.title) badge.append(el(doc, 'strong', undefined, message.content.title));
      badge.append(doc.createTextNode(text));
      target.replaceChildren(badge);
      ctx.cleanups.push(() => badge.remove());
    }
    markShown(ctx, message);
    return;
  }
  // A toast is an interruption: once per page, not again on a re-render.
  if (ctx.page.shown.has(message.triggerId)) return;
  const toast = el(doc, 'div', 'centric-toast');
  toast.setAttribute('role', 'status');
  toast.setAttribute('aria-live', 'polite');
  toast.dataset.triggerId = message.triggerId;
  toast.append(el(doc, 'span', undefined, text));
  const close = el(doc, 'button', undefined, '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => {
    toast.remove();
    dismissed(ctx, message);
  });
  toast.append(close);
  doc.body.append(toast);
  const timer = setTimeout(() => toast.remove(), TOAST_MS);
  ctx.cleanups.push(() => {
    clearTimeout(timer);
    toast.remove();
  });
  markShown(ctx, message);
}
