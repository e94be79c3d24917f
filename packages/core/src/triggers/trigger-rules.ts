// What a trigger configuration must hold for its kind (a dwell pop-in needs its seconds, a
// free-shipping bar its threshold and currency ...) and the defaults a saved trigger gets. The
// schema checks shapes; these rules check the combinations, with the field to point at.
import type {
  TriggerContent,
  TriggerDefinition,
  TriggerInput,
  TriggerKind,
  TriggerSettings,
} from '@centric/contracts';
import { defaultCapping } from './capping';

export interface TriggerProblem {
  /** Dotted path of the field, e.g. "settings.dwellSeconds". */
  field: string;
  message: string;
}

/** The settings each kind takes; any other is a mistake worth pointing out. */
const SETTINGS_OF: Readonly<Record<TriggerKind, readonly (keyof TriggerSettings)[]>> = {
  carousel: ['slot'],
  dwell_popin: ['dwellSeconds'],
  exit_intent: [],
  social_proof: ['minCount'],
  free_shipping_bar: ['threshold', 'currency'],
};

/** Social proof shows from this many buyers in 24 hours when the trigger does not say. */
export const DEFAULT_SOCIAL_PROOF_MIN_COUNT = 3;

export function withDefaults(input: TriggerInput): TriggerDefinition {
  return {
    name: input.name,
    kind: input.kind,
    active: input.active ?? true,
    priority: input.priority ?? 0,
    targeting: input.targeting ?? {},
    capping: input.capping ?? defaultCapping(input.kind),
    content: input.content ?? {},
    settings: input.settings ?? {},
  };
}

/**
 * Everything wrong with a trigger for its kind; empty when it can be saved.
 *
 * @example triggerProblems(withDefaults({ name: 'Stay', kind: 'dwell_popin' }))
 * // [{ field: 'settings.dwellSeconds', message: 'a dwell pop-in needs settings.dwellSeconds ...' }, ...]
 */
export function triggerProblems(t: TriggerDefinition): TriggerProblem[] {
  const problems: TriggerProblem[] = [];
  const need = (field: string, present: boolean, message: string) => {
    if (!present) problems.push({ field, message });
  };
  const { settings, content, targeting } = t;
  switch (t.kind) {
    case 'carousel':
      need(
        'settings.slot',
        settings.slot !== undefined,
        'a carousel needs settings.slot: the slot it renders',
      );
      break;
    case 'dwell_popin':
      need(
        'settings.dwellSeconds',
        settings.dwellSeconds !== undefined,
        'a dwell pop-in needs settings.dwellSeconds: how long the visitor stays without adding to cart',
      );
      need('content.title', hasText(content), 'a pop-in needs content.title or content.body');
      break;
    case 'exit_intent':
      need('content.title', hasText(content), 'a pop-in needs content.title or content.body');
      break;
    case 'free_shipping_bar':
      need(
        'settings.threshold',
        settings.threshold !== undefined,
        'a free-shipping bar needs settings.threshold: the order value that ships free',
      );
      need(
        'settings.currency',
        settings.currency !== undefined,
        'a free-shipping bar needs settings.currency',
      );
      break;
    case 'social_proof':
      break;
  }
  const allowed = SETTINGS_OF[t.kind];
  for (const key of Object.keys(settings) as (keyof TriggerSettings)[]) {
    if (settings[key] !== undefined && !allowed.includes(key))
      problems.push({ field: `settings.${key}`, message: `settings.${key} does not apply to ${t.kind}` });
  }
  if (content.couponCode !== undefined && t.kind !== 'dwell_popin' && t.kind !== 'exit_intent')
    problems.push({
      field: 'content.couponCode',
      message: `a coupon code shows only in pop-ins, not ${t.kind}`,
    });
  const both = (targeting.segments ?? []).filter((s) => (targeting.excludeSegments ?? []).includes(s));
  if (both.length > 0)
    problems.push({
      field: 'targeting.excludeSegments',
      message: `segment ${both[0]} is both targeted and excluded`,
    });
  return problems;
}

function hasText(content: TriggerContent): boolean {
  return content.title !== undefined || content.body !== undefined;
}
