// The sentences that tell a visitor why a card is in their stream ("Because you viewed Socks",
// "You buy this about every 30 days"). Plain English, short, with amounts in the product's currency.
import type { LoyaltyStatus } from '@centric/contracts';
import type { StreamInteractionKind } from './stream-inputs';

const DAY = 86_400_000;

/** 20 -> "20 EUR", 15.5 -> "15.50 EUR": whole amounts without decimals, others with two. */
export function formatMoney(amount: number, currency: string | null): string {
  const rounded = Math.round(amount * 100) / 100;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2);
  return currency ? `${text} ${currency}` : text;
}

/** The last part of a category path: "Home > Candles" -> "Candles". */
export function categoryLabel(category: string): string {
  return category.split('>').at(-1)!.trim() || category;
}

function days(ms: number): number {
  return Math.max(1, Math.round(ms / DAY));
}

/** "viewed Socks", "put Socks in your cart" … */
function youDid(kind: StreamInteractionKind | 'purchase', title: string): string {
  switch (kind) {
    case 'cart':
      return `put ${title} in your cart`;
    case 'wishlist':
      return `wishlisted ${title}`;
    case 'purchase':
      return `bought ${title}`;
    default:
      return `viewed ${title}`;
  }
}

export function becauseYou(kind: StreamInteractionKind | 'purchase', title: string): string {
  return `Because you ${youDid(kind, title)}`;
}

export function replenishmentReason({
  intervalMs,
  lastPurchase,
  now,
}: {
  intervalMs: number;
  lastPurchase: number;
  now: number;
}): string {
  return `You buy this about every ${days(intervalMs)} days; your last one was ${days(now - lastPurchase)} days ago`;
}

export function priceDropReason({
  kind,
  title,
  seen,
  price,
  currency,
}: {
  kind: StreamInteractionKind;
  title: string;
  seen: number;
  price: number;
  currency: string | null;
}): string {
  const percent = Math.round((1 - price / seen) * 100);
  const lead = kind === 'wishlist' ? `${title} on your wishlist is cheaper` : `${becauseYou(kind, title)}`;
  return `${lead}: was ${formatMoney(seen, currency)}, now ${formatMoney(price, currency)}${percent > 0 ? ` (-${percent}%)` : ''}`;
}

export function backInStockReason({ kind, title }: { kind: StreamInteractionKind; title: string }): string {
  return kind === 'wishlist'
    ? `${title} on your wishlist is back in stock`
    : `Back in stock since you ${youDid(kind, title)}`;
}

export function newArrivalReason(match: { category: string } | { brand: string }): string {
  return 'category' in match
    ? `New in ${categoryLabel(match.category)}, a category you like to browse`
    : `New from ${match.brand}, a brand you like`;
}

/** Reasons of the recommendation engine without an anchor product, in words. */
export function recommendationReason(reason: string, category: string | null): string {
  const where = category ? ` in ${categoryLabel(category)}` : '';
  switch (reason) {
    case 'trending':
      return `Trending${where} right now`;
    case 'popular':
      return `Popular${where}`;
    case 'session':
      return 'Picked for you from what you are looking at';
    case 'personal':
      return 'Picked for you from your history';
    case 'viewed_together':
      return 'Often viewed together with what you looked at';
    case 'bought_together':
    case 'bundle':
      return 'Often bought together with what you bought';
    case 'alternative':
      return 'Similar to what you looked at';
    default:
      return 'Picked for you';
  }
}

const titleCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function loyaltyTitle(status: LoyaltyStatus): string {
  return `${titleCase(status.tier)} member`;
}

export function loyaltyReason(status: LoyaltyStatus): string {
  const orders = `${status.orders} order${status.orders === 1 ? '' : 's'}`;
  const spent = `You have spent ${formatMoney(status.lifetimeValue, status.currency)} in ${orders}`;
  if (!status.nextTier || status.toNextTier === null || status.toNextTier === undefined)
    return `${spent}: the top tier`;
  return `${spent}; ${formatMoney(status.toNextTier, status.currency)} more to reach ${titleCase(status.nextTier)}`;
}
