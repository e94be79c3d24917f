// Readable descriptions of personas: what sets a cluster apart from the average customer, in
// plain words with both numbers ("orders 2.4x as often (4.8 vs 2.0 orders)", "mostly Kitchen
// (72% of items vs 20%)"). Traits are ranked by the standardised difference of the cluster
// mean from the overall mean (an effect size, comparable across euros, days and shares); the
// words use the raw means, which a manager can check against the shop's own figures.
import type { FeatureKind, PersonaFeature } from './persona-features';

/** One way a persona differs from the average customer. */
export interface PersonaTrait {
  feature: string;
  kind: FeatureKind;
  /** The persona's mean of the raw value (orders, days, a share in [0, 1] ...). */
  personaValue: number;
  /** The mean over all customers. */
  overallValue: number;
  /** personaValue / overallValue (null when the overall mean is 0). */
  ratio: number | null;
  /** Standardised difference of the means: above 0 more than average, below less. */
  effect: number;
  /** The trait in words, e.g. "twice as often on app (64% of sessions vs 31%)". */
  phrase: string;
}

const percent = (share: number) => `${Math.round(share * 100)}%`;
const decimal = (value: number) =>
  value >= 100 ? String(Math.round(value)) : value >= 10 ? value.toFixed(0) : value.toFixed(1);

/** "twice", "3x", "2.4x", "1.6x". */
export function times(ratio: number | null): string {
  if (ratio === null || !Number.isFinite(ratio)) return 'far more';
  if (ratio >= 1.9 && ratio < 2.1) return 'twice';
  const rounded = ratio >= 10 ? Math.round(ratio) : Math.round(ratio * 10) / 10;
  return `${rounded}x`;
}

/** The phrase of a trait: direction from the effect, numbers from the raw means. */
export function describeTrait(
  feature: PersonaFeature,
  persona: number,
  overall: number,
  effect: number,
): string {
  const ratio = overall > 0 ? persona / overall : null;
  const high = effect > 0;
  const label = feature.label ?? '';
  switch (feature.kind) {
    case 'recency':
      return high
        ? `last order ${times(ratio)} as long ago (${decimal(persona)} vs ${decimal(overall)} days)`
        : `ordered recently (${decimal(persona)} vs ${decimal(overall)} days ago)`;
    case 'orders':
      return high
        ? `orders ${times(ratio)} as often (${decimal(persona)} vs ${decimal(overall)} orders)`
        : `orders less often (${decimal(persona)} vs ${decimal(overall)} orders)`;
    case 'revenue':
      return high
        ? `spends ${times(ratio)} the average (${decimal(persona)} vs ${decimal(overall)})`
        : `spends less (${decimal(persona)} vs ${decimal(overall)})`;
    case 'basket':
      return high
        ? `${times(ratio)} larger baskets (${decimal(persona)} vs ${decimal(overall)} items per order)`
        : `smaller baskets (${decimal(persona)} vs ${decimal(overall)} items per order)`;
    case 'coupon':
      return high
        ? `${times(ratio)} coupon use (${percent(persona)} of orders vs ${percent(overall)})`
        : `rarely uses coupons (${percent(persona)} of orders vs ${percent(overall)})`;
    case 'channel':
      return high
        ? `${times(ratio)} as often on ${label} (${percent(persona)} of sessions vs ${percent(overall)})`
        : `seldom on ${label} (${percent(persona)} of sessions vs ${percent(overall)})`;
    case 'mobile':
      return high
        ? `${times(ratio)} as often on mobile (${percent(persona)} of sessions vs ${percent(overall)})`
        : `mostly on desktop (${percent(persona)} mobile sessions vs ${percent(overall)})`;
    case 'category':
      if (!high) return `little ${label} (${percent(persona)} of items vs ${percent(overall)})`;
      return persona >= 0.5
        ? `mostly ${label} (${percent(persona)} of items vs ${percent(overall)})`
        : `${times(ratio)} ${label} (${percent(persona)} of items vs ${percent(overall)})`;
    case 'rhythm':
      return high
        ? `visits rarely, every ${decimal(persona)} days (vs every ${decimal(overall)})`
        : `visits often, every ${decimal(persona)} days (vs every ${decimal(overall)})`;
  }
}

/** A short noun phrase per trait for persona names; null where none reads well. */
function nameOf(trait: PersonaTrait, feature: PersonaFeature): string | null {
  const high = trait.effect > 0;
  switch (feature.kind) {
    case 'recency':
      return high ? 'lapsed' : 'recent buyers';
    case 'orders':
      return high ? 'frequent buyers' : 'one-off buyers';
    case 'revenue':
      return high ? 'big spenders' : 'small spenders';
    case 'basket':
      return high ? 'big baskets' : 'small baskets';
    case 'coupon':
      return high ? 'coupon hunters' : 'full-price buyers';
    case 'channel':
      return high ? `${feature.label} shoppers` : null;
    case 'mobile':
      return high ? 'mobile shoppers' : 'desktop shoppers';
    case 'category':
      return high ? `${feature.label} fans` : null;
    case 'rhythm':
      return high ? 'rare visitors' : 'frequent visitors';
  }
}

export interface DescribeOptions {
  /** Traits named at most (default 3). */
  maxTraits?: number;
  /** Smallest |effect| worth naming, in standard deviations (default 0.5). */
  minEffect?: number;
}

/**
 * The traits that set a persona apart, strongest first, its name and its one-line description.
 *
 * @example
 * describePersona(features, { personaMeans, overallMeans, effects })
 * // { name: 'Coupon hunters · app shoppers', description: '3x coupon use (45% of orders vs 15%), ...', traits }
 */
export function describePersona(
  features: readonly PersonaFeature[],
  figures: { personaMeans: ArrayLike<number>; overallMeans: ArrayLike<number>; effects: ArrayLike<number> },
  { maxTraits = 3, minEffect = 0.5 }: DescribeOptions = {},
): { name: string; description: string; traits: PersonaTrait[] } {
  const all = features.map((feature, x): PersonaTrait => {
    const personaValue = figures.personaMeans[x]!;
    const overallValue = figures.overallMeans[x]!;
    const effect = figures.effects[x]!;
    return {
      feature: feature.key,
      kind: feature.kind,
      personaValue,
      overallValue,
      ratio: overallValue > 0 ? personaValue / overallValue : null,
      effect,
      phrase: describeTrait(feature, personaValue, overallValue, effect),
    };
  });
  const order = all
    .map((_, x) => x)
    .sort((a, b) => Math.abs(all[b]!.effect) - Math.abs(all[a]!.effect) || a - b);
  const strong = order.filter((x) => Math.abs(all[x]!.effect) >= minEffect).slice(0, maxTraits);
  const traits = strong.map((x) => all[x]!);
  const words = strong
    .map((x) => nameOf(all[x]!, features[x]!))
    .filter((w): w is string => w !== null)
    .slice(0, 2);
  const name = words.length > 0 ? capitalise(words.join(' · ')) : 'Average customers';
  const description =
    traits.length > 0
      ? `${capitalise(traits.map((t) => t.phrase).join(', '))}.`
      : 'Close to the average customer on every measure.';
  return { name, description, traits };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
