// Slot configurations: the defaults a project starts with (home, product page, cart, e-mail) and
// the translation of a slot's saved rules (wire shape) into the rules engine's shape, against the
// current catalogue (pins need product metadata; a category filter takes sub-categories).
import type { SlotInput, SlotRulesWire } from '@centric/contracts';
import type { Pin, SlotRules } from '@centric/recommend';
import type { ProductCatalogue } from './product-catalogue';

export const DEFAULT_SLOTS: readonly (SlotInput & { slotId: string })[] = [
  {
    slotId: 'home',
    name: 'Home page: picked for you',
    algorithm: 'auto',
    limit: 8,
    rules: { filters: { inStock: true }, maxPerCategory: 3 },
  },
  {
    slotId: 'product_page',
    name: 'Product page: customers also viewed',
    algorithm: 'auto',
    limit: 8,
    rules: { filters: { inStock: true }, maxPerCategory: 4 },
  },
  {
    slotId: 'cart',
    name: 'Cart: frequently bought together',
    algorithm: 'bundle',
    limit: 4,
    rules: { filters: { inStock: true } },
  },
  {
    slotId: 'email',
    name: 'E-mail: products you will love',
    algorithm: 'personal',
    limit: 6,
    rules: { filters: { inStock: true }, maxPerCategory: 2 },
  },
];

/** Slot ids are used in URLs and SDK calls: short, lower-case, no spaces. */
export const SLOT_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The rules engine's rules for a slot. `exclude` adds the page's own product; unknown pinned
 * products are dropped (a pin cannot show what the catalogue does not know).
 */
export function toSlotRules(
  rules: SlotRulesWire,
  { limit, catalogue, exclude }: { limit: number; catalogue: ProductCatalogue; exclude: readonly string[] },
): SlotRules {
  const pinned: Pin[] = [];
  for (const pin of rules.pins ?? []) {
    const product = catalogue.get(pin.productId);
    if (product) pinned.push({ product, position: pin.position });
  }
  const filters = rules.filters ?? {};
  return {
    limit,
    filters: {
      ...filters,
      ...(filters.categories ? { categories: catalogue.expandCategories(filters.categories) } : {}),
    },
    boosts: (rules.boosts ?? []).map((b) =>
      b.categories ? { ...b, categories: catalogue.expandCategories(b.categories) } : b,
    ),
    pinned,
    excluded: [...(rules.excludes ?? []), ...exclude],
    ...(rules.maxPerCategory === undefined ? {} : { maxPerCategory: rules.maxPerCategory }),
  };
}
