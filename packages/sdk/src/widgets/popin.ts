// Pop-ins: the dwell pop-in (shown after the configured seconds on the page unless one of its
// cancel events, e.g. Product Added, comes first) and the exit-intent pop-in (shown when the
// pointer leaves the top of the window, on devices with a mouse, once per page). Both render
// one accessible dialog: title, body, coupon code with a copy button, call to action, and a
// close button that Escape and a click beside the dialog also trigger (Trigger Dismissed).
import type { TriggeredMessage } from '@centric/contracts';
import { clicked, dismissed, el, markShown, safeHref, type WidgetContext } from './widget-context';

const DIALOG_CLASS = 'centric-popin-backdrop';

/**
 * Starts the dwell timer; cancelled by the message's cancel events (for the rest of the page)
 * and by release. A pop-in shown or cancelled on this page is not armed again by a re-render.
 */
export function armDwell(ctx: WidgetContext, message: TriggeredMessage): void {
  const { page } = ctx;
  if (page.shown.has(message.triggerId) || page.cancelled.has(message.triggerId)) return;
  const offs: (() => void)[] = [];
  const cancel = () => {
    clearTimeout(timer);
    for (const off of offs.splice(0)) off();
  };
  const timer = setTimeout(
    () => {
      cancel();
      openPopin(ctx, message);
    },
    Math.max(0, (message.show.afterSeconds ?? 0) * 1000),
  );
  const cancelled = () => {
    page.cancelled.add(message.triggerId);
    cancel();
  };
  for (const event of message.show.cancelOn ?? []) offs.push(ctx.host.on(event, cancelled));
  ctx.cleanups.push(cancel);
}

/** Watches for the pointer leaving the top of the window (desktop only, once per page). */
export function armExitIntent(ctx: WidgetContext, message: TriggeredMessage): void {
  const { doc } = ctx;
  if (ctx.page.shown.has(message.triggerId)) return;
  const view = doc.defaultView;
  // Touch devices have no pointer to leave the window with; they would only get false alarms.
  if (view?.matchMedia && !view.matchMedia('(hover: hover) and (pointer: fine)').matches) return;
  const onLeave = (event: MouseEvent) => {
    if (event.relatedTarget !== null || event.clientY > 0) return;
    if (openPopin(ctx, message)) stop();
  };
  const stop = () => doc.removeEventListener('mouseout', onLeave);
  doc.addEventListener('mouseout', onLeave);
  ctx.cleanups.push(stop);
}

/**
 * Shows the dialog now; false when another Centric dialog is open (one at a time). An open
 * dialog outlives a newer render: the visitor closes it.
 */
export function openPopin(ctx: WidgetContext, message: TriggeredMessage): boolean {
  const { doc } = ctx;
  if (doc.querySelector(`.${DIALOG_CLASS}`)) return false;
  const { content } = message;
  const id = `centric-popin-${Math.random().toString(36).slice(2, 8)}`;
  const backdrop = el(doc, 'div', DIALOG_CLASS);
  const dialog = el(doc, 'div', 'centric-popin');
  dialog.setAttribute('role', 'dialog');
  dialog.setAttribute('aria-modal', 'true');
  dialog.dataset.triggerId = message.triggerId;
  dialog.dataset.kind = message.kind;

  const close = el(doc, 'button', 'centric-popin-close', '×');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close');
  dialog.append(close);
  if (content.title) {
    const title = el(doc, 'h2', undefined, content.title);
    title.id = `${id}-title`;
    dialog.setAttribute('aria-labelledby', title.id);
    dialog.append(title);
  } else dialog.setAttribute('aria-label', 'Offer');
  if (content.body) {
    const body = el(doc, 'p', undefined, content.body);
    body.id = `${id}-body`;
    dialog.setAttribute('aria-describedby', body.id);
    dialog.append(body);
  }
  if (content.couponCode) {
    const row = el(doc, 'div', 'centric-coupon');
    const code = el(doc, 'code', undefined, content.couponCode);
    const copy = el(doc, 'button', 'centric-button', 'Copy code');
    copy.type = 'button';
    copy.addEventListener('click', () => {
      copyText(doc, content.couponCode ?? '', code).then((ok) => {
        copy.textContent = ok ? 'Copied' : 'Select and copy';
      });
      clicked(ctx, message, { action: 'copy_code' });
    });
    row.append(code, copy);
    dialog.append(row);
  }
  const href = safeHref(content.cta?.url);
  if (content.cta && href) {
    const cta = el(doc, 'a', 'centric-button', content.cta.label);
    cta.href = href;
    cta.addEventListener('click', () => clicked(ctx, message, { action: 'cta' }));
    dialog.append(cta);
  }

  const before = doc.activeElement instanceof HTMLElement ? doc.activeElement : null;
  const remove = () => {
    doc.removeEventListener('keydown', onKey, true);
    backdrop.remove();
    before?.focus?.();
  };
  const dismiss = () => {
    remove();
    dismissed(ctx, message);
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      dismiss();
    } else if (event.key === 'Tab') keepFocusInside(dialog, event);
  };
  close.addEventListener('click', dismiss);
  backdrop.addEventListener('click', (event) => {
    if (event.target === backdrop) dismiss();
  });
  doc.addEventListener('keydown', onKey, true);
  backdrop.append(dialog);
  doc.body.append(backdrop);
  close.focus();
  markShown(ctx, message);
  return true;
}

/** Removes an open Centric dialog without reporting a dismissal (destroy()). */
export function removeOpenPopins(doc: Document): void {
  for (const node of doc.querySelectorAll(`.${DIALOG_CLASS}`)) node.remove();
}

function keepFocusInside(dialog: HTMLElement, event: KeyboardEvent): void {
  const focusable = [...dialog.querySelectorAll<HTMLElement>('button, a[href]')];
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  const active = dialog.ownerDocument.activeElement;
  if (event.shiftKey && (active === first || !dialog.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}

/** The clipboard API where the page may use it, else selecting the code for the visitor. */
async function copyText(doc: Document, text: string, node: HTMLElement): Promise<boolean> {
  try {
    await doc.defaultView?.navigator.clipboard.writeText(text);
    return true;
  } catch {
    const selection = doc.getSelection();
    const range = doc.createRange();
    range.selectNodeContents(node);
    selection?.removeAllRanges();
    selection?.addRange(range);
    return false;
  }
}
