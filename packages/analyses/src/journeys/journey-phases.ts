// The journey-phase funnel: awareness, discovery, consideration, intent, purchase, experience,
// loyalty (DESIGN.md), each phase a set of events. It is an ordered funnel per customer, so a
// phase counts a customer who reached the phase before it and then did one of its events.
//
// Default mapping (a project can store its own, see JourneySettings.phases):
//   awareness      any event: the customer found the shop, by any channel
//   discovery      searching and browsing lists: Products Searched, Product List Viewed /
//                  Filtered, Promotion Clicked, search and category pages
//   consideration  looking at products: Product Viewed / Clicked, wishlist, sharing, product pages
//   intent         cart and checkout: Product Added, Cart Viewed, Checkout Started / Step
//                  Viewed / Completed, Payment Info Entered, Coupon Applied
//   purchase       Order Completed
//   experience     after the purchase: reviews, surveys, returns and refunds, service
//                  contacts, account pages; optional, since most customers leave no trace of it
//   loyalty        a repeat order (an Order Completed after the purchase)
import {
  type FunnelStep,
  JOURNEY_PHASES,
  type JourneyPhase,
  type JourneyPhaseDefinition,
  type StepMatcher,
} from '@centric/contracts';
import { formatMatcher, parseMatcher, StepSyntaxError } from './funnel-steps';

const events = (...names: string[]): StepMatcher[] => names.map((value) => ({ kind: 'event', value }));
const pages = (...types: string[]): StepMatcher[] => types.map((value) => ({ kind: 'page_type', value }));

export const DEFAULT_PHASE_MAPPING: readonly JourneyPhaseDefinition[] = [
  { phase: 'awareness', match: [{ kind: 'any' }], optional: false },
  {
    phase: 'discovery',
    match: [
      ...events('Products Searched', 'Product List Viewed', 'Product List Filtered', 'Promotion Clicked'),
      ...pages('search', 'category'),
    ],
    optional: false,
  },
  {
    phase: 'consideration',
    match: [
      ...events('Product Viewed', 'Product Clicked', 'Product Added to Wishlist', 'Product Shared'),
      ...pages('product'),
    ],
    optional: false,
  },
  {
    phase: 'intent',
    match: events(
      'Product Added',
      'Cart Viewed',
      'Checkout Started',
      'Checkout Step Viewed',
      'Checkout Step Completed',
      'Payment Info Entered',
      'Coupon Applied',
    ),
    optional: false,
  },
  { phase: 'purchase', match: events('Order Completed'), optional: false },
  {
    phase: 'experience',
    match: [
      ...events(
        'Product Reviewed',
        'Survey Submitted',
        'Order Refunded',
        'Return Requested',
        'Service Contacted',
      ),
      ...pages('account'),
    ],
    optional: true,
  },
  { phase: 'loyalty', match: events('Order Completed'), optional: false },
];

export const PHASE_LABELS: Readonly<Record<JourneyPhase, string>> = {
  awareness: 'Awareness',
  discovery: 'Discovery',
  consideration: 'Consideration',
  intent: 'Intent',
  purchase: 'Purchase',
  experience: 'Experience',
  loyalty: 'Loyalty',
};

/** The phases as funnel steps, labelled with the phase names. */
export function phaseSteps(mapping: readonly JourneyPhaseDefinition[]): FunnelStep[] {
  validatePhaseMapping(mapping);
  return mapping.map((d) => ({ label: PHASE_LABELS[d.phase], match: d.match, optional: d.optional }));
}

/** Every phase once, in journey order, each with a matcher; awareness cannot be optional. */
export function validatePhaseMapping(mapping: readonly JourneyPhaseDefinition[]): void {
  const phases = mapping.map((d) => d.phase);
  if (phases.join() !== JOURNEY_PHASES.join())
    throw new StepSyntaxError(`the mapping must list the phases ${JOURNEY_PHASES.join(', ')} in this order`);
  for (const d of mapping)
    if (d.match.length === 0) throw new StepSyntaxError(`phase ${d.phase} matches no event`);
  if (mapping[0]!.optional) throw new StepSyntaxError('awareness cannot be optional');
}

/** The mapping as people write it: matchers as text (see funnel-steps.ts). */
export interface PhaseMappingText {
  phase: JourneyPhase;
  match: readonly string[];
  optional?: boolean;
}

/** Parses and validates a mapping written as text. */
export function parsePhaseMapping(text: readonly PhaseMappingText[]): JourneyPhaseDefinition[] {
  const mapping = text.map((d) => ({
    phase: d.phase,
    match: d.match.map(parseMatcher),
    optional: d.optional ?? false,
  }));
  validatePhaseMapping(mapping);
  return mapping;
}

export function formatPhaseMapping(mapping: readonly JourneyPhaseDefinition[]): PhaseMappingText[] {
  return mapping.map((d) => ({ phase: d.phase, match: d.match.map(formatMatcher), optional: d.optional }));
}
