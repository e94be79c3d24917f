// The slot editor's form (plain strings, as typed) turned into the API's slot body and back:
// filters, boosts ("category:Home x1.5" per line), pins ("SKU-1 0" per line: product and
// 0-based position), exclusions (comma-separated) and diversity, with the problem to show when
// something does not parse.
import type { RecommendationAlgorithm, SlotInput, SlotRulesWire, SlotWire } from '@centric/contracts';

export interface SlotForm {
  slotId: string;
  name: string;
  algorithm: RecommendationAlgorithm;
  limit: string;
  inStock: boolean;
  categories: string;
  brands: string;
  minPrice: string;
  maxPrice: string;
  maxPerCategory: string;
  boosts: string;
  pins: string;
  excludes: string;
}

const BOOST_KINDS = { category: 'categories', brand: 'brands', product: 'ids' } as const;

const commaList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

export function formFromSlot(slot: SlotWire | null): SlotForm {
  const rules = slot?.rules ?? {};
  const f = rules.filters ?? {};
  return {
    slotId: slot?.slotId ?? '',
    name: slot?.name ?? '',
    algorithm: slot?.algorithm ?? 'auto',
    limit: String(slot?.limit ?? 8),
    inStock: f.inStock ?? true,
    categories: (f.categories ?? []).join(', '),
    brands: (f.brands ?? []).join(', '),
    minPrice: f.minPrice === undefined ? '' : String(f.minPrice),
    maxPrice: f.maxPrice === undefined ? '' : String(f.maxPrice),
    maxPerCategory: rules.maxPerCategory === undefined ? '' : String(rules.maxPerCategory),
    boosts: (rules.boosts ?? [])
      .flatMap((b) => [
        ...(b.categories ?? []).map((v) => `category:${v} x${b.factor}`),
        ...(b.brands ?? []).map((v) => `brand:${v} x${b.factor}`),
        ...(b.ids ?? []).map((v) => `product:${v} x${b.factor}`),
      ])
      .join('\n'),
    pins: (rules.pins ?? []).map((p) => `${p.productId} ${p.position}`).join('\n'),
    excludes: (rules.excludes ?? []).join(', '),
  };
}

/**
 * @example toSlotInput({ ...formFromSlot(null), slotId: 'home', name: 'Home' })
 */
export function toSlotInput(form: SlotForm): { slotId: string; input: SlotInput } | { problem: string } {
  const slotId = form.slotId.trim();
  if (!/^[a-z0-9][a-z0-9_-]{0,63}$/.test(slotId))
    return { problem: 'The slot id takes lower-case letters, digits, _ and - (e.g. product_page).' };
  if (form.name.trim() === '') return { problem: 'Give the slot a name.' };
  const limit = Number(form.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return { problem: 'Items: a whole number from 1 to 100.' };
  const number = (text: string, what: string): number | undefined | { problem: string } => {
    if (text.trim() === '') return undefined;
    const n = Number(text);
    return Number.isFinite(n) && n >= 0 ? n : { problem: `${what}: a number of 0 or more.` };
  };
  const minPrice = number(form.minPrice, 'Minimum price');
  const maxPrice = number(form.maxPrice, 'Maximum price');
  const maxPerCategory = number(form.maxPerCategory, 'At most per category');
  for (const n of [minPrice, maxPrice, maxPerCategory]) if (typeof n === 'object') return n;

  const boosts: NonNullable<SlotRulesWire['boosts']> = [];
  for (const line of lines(form.boosts)) {
    const m = /^(category|brand|product):(.+?)\s+[x×]?(\d+(?:\.\d+)?)$/i.exec(line);
    if (!m)
      return {
        problem: `Boost “${line}”: write e.g. category:Home x1.5, brand:Acme x2 or product:SKU-1 x1.2.`,
      };
    const kind = BOOST_KINDS[m[1]!.toLowerCase() as keyof typeof BOOST_KINDS];
    boosts.push({ [kind]: [m[2]!.trim()], factor: Number(m[3]) });
  }
  const pins: NonNullable<SlotRulesWire['pins']> = [];
  for (const line of lines(form.pins)) {
    const m = /^(\S+)\s+(\d+)$/.exec(line);
    if (!m) return { problem: `Pin “${line}”: write the product id and its 0-based position, e.g. SKU-1 0.` };
    pins.push({ productId: m[1]!, position: Number(m[2]) });
  }
  const categories = commaList(form.categories);
  const brands = commaList(form.brands);
  const excludes = commaList(form.excludes);
  const filters: NonNullable<SlotRulesWire['filters']> = {
    inStock: form.inStock,
    ...(categories.length > 0 ? { categories } : {}),
    ...(brands.length > 0 ? { brands } : {}),
    ...(typeof minPrice === 'number' ? { minPrice } : {}),
    ...(typeof maxPrice === 'number' ? { maxPrice } : {}),
  };
  const rules: SlotRulesWire = {
    filters,
    ...(boosts.length > 0 ? { boosts } : {}),
    ...(pins.length > 0 ? { pins } : {}),
    ...(excludes.length > 0 ? { excludes } : {}),
    ...(typeof maxPerCategory === 'number'
      ? { maxPerCategory: Math.max(1, Math.round(maxPerCategory)) }
      : {}),
  };
  return { slotId, input: { name: form.name.trim(), algorithm: form.algorithm, limit, rules } };
}

/** One line per rule in plain words, for the slot list. */
export function describeRules(rules: SlotRulesWire): string {
  const f = rules.filters ?? {};
  const parts: string[] = [];
  if (f.inStock ?? true) parts.push('in stock');
  if (f.categories?.length) parts.push(`in ${f.categories.join(', ')}`);
  if (f.brands?.length) parts.push(`brands ${f.brands.join(', ')}`);
  if (f.minPrice !== undefined || f.maxPrice !== undefined)
    parts.push(`price ${f.minPrice ?? 0}–${f.maxPrice ?? '∞'}`);
  if (rules.maxPerCategory !== undefined) parts.push(`≤ ${rules.maxPerCategory} per category`);
  if (rules.boosts?.length) parts.push(`${rules.boosts.length} boost${rules.boosts.length > 1 ? 's' : ''}`);
  if (rules.pins?.length) parts.push(`${rules.pins.length} pinned`);
  if (rules.excludes?.length) parts.push(`${rules.excludes.length} excluded`);
  return parts.join(' · ');
}
