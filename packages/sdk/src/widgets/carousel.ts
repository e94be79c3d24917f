// Recommendation carousels: a slot's list as product cards inside every `[data-centric-slot]`
// element of that slot. A click on a card is tracked as Product Clicked with the list's
// recommendation id (the existing attribution), and as Trigger Clicked when a carousel trigger
// put it there. Prices show in the currency the slot element names (data-centric-currency).
import type { RecommendationResponse, TriggeredMessage } from '@centric/contracts';
import { clicked, el, markShown, money, safeHref, type WidgetContext } from './widget-context';

/**
 * Renders `list` into the page's elements for `slot`; answers whether there was any.
 * `message` is the carousel trigger, when one asked for the slot.
 */
export function renderCarousel(
  ctx: WidgetContext,
  {
    slot,
    list,
    message,
  }: { slot: string; list: RecommendationResponse; message?: TriggeredMessage | undefined },
): boolean {
  const { doc } = ctx;
  const targets = [...doc.querySelectorAll<HTMLElement>('[data-centric-slot]')].filter(
    (t) => t.dataset.centricSlot === slot,
  );
  if (targets.length === 0 || list.items.length === 0) return false;
  for (const target of targets) {
    // Items carry no currency: the slot element may say which (data-centric-currency="EUR").
    const currency = target.dataset.centricCurrency;
    const section = el(doc, 'section', 'centric-carousel');
    section.dataset.recommendationId = list.recommendationId;
    const title = message?.content.title;
    if (title) {
      const heading = el(doc, 'h2', 'centric-carousel-title', title);
      heading.id = `centric-carousel-${slot}-${Math.random().toString(36).slice(2, 8)}`;
      section.setAttribute('aria-labelledby', heading.id);
      section.append(heading);
    } else section.setAttribute('aria-label', 'Recommended products');
    const track = el(doc, 'ul', 'centric-carousel-track');
    list.items.forEach((item, position) => {
      const card = el(doc, 'li', 'centric-card');
      const link = el(doc, 'a');
      link.href = safeHref(item.link) ?? '#';
      link.dataset.productId = item.productId;
      if (item.imageLink && safeHref(item.imageLink)) {
        const img = el(doc, 'img');
        img.src = item.imageLink;
        img.alt = '';
        img.loading = 'lazy';
        link.append(img);
      }
      link.append(el(doc, 'span', 'centric-card-title', item.title));
      if (item.price !== null) {
        const lang = doc.documentElement.lang;
        const price = currency ? money(item.price, currency, lang) : item.price.toFixed(2);
        link.append(el(doc, 'span', 'centric-card-price', price));
      }
      link.addEventListener('click', () => {
        ctx.host.track('Product Clicked', {
          product_id: item.productId,
          recommendation_id: list.recommendationId,
          slot,
          position,
        });
        if (message) clicked(ctx, message, { product_id: item.productId });
      });
      card.append(link);
      track.append(card);
    });
    section.append(track);
    target.replaceChildren(section);
    ctx.cleanups.push(() => section.remove());
  }
  if (message) markShown(ctx, message);
  return true;
}
