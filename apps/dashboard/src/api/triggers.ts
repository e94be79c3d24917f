// Typed calls for the trigger routes (apps/server/src/routes/decide.routes.ts): on-site triggers
// with their targeting, capping, content and settings, and their performance over a date range.
import type {
  PageType,
  TriggerCapping,
  TriggerContent,
  TriggerKind,
  TriggerPerformanceReport,
  TriggerSettings,
  TriggerTargeting,
  TriggerWire,
} from '@centric/contracts';
import { asRecord, bool, list, num, numOrNull, str, strOrNull } from './validate';

/** Mirrors TRIGGER_KINDS of @centric/contracts (the dashboard imports types only). */
export const TRIGGER_KINDS: readonly { id: TriggerKind; label: string; hint: string }[] = [
  {
    id: 'dwell_popin',
    label: 'Dwell pop-in',
    hint: 'after N seconds on a product page without adding to cart',
  },
  { id: 'exit_intent', label: 'Exit-intent pop-in', hint: 'when the pointer leaves the top of the window' },
  { id: 'social_proof', label: 'Social proof', hint: '“N people bought this in the last 24 hours”' },
  { id: 'free_shipping_bar', label: 'Free-shipping bar', hint: '“N EUR to free shipping” at the top' },
  { id: 'carousel', label: 'Recommendation carousel', hint: 'a slot’s list on the page' },
];

/** Mirrors PAGE_TYPES of @centric/contracts. */
export const PAGE_TYPE_CHOICES: readonly PageType[] = [
  'home',
  'search',
  'category',
  'product',
  'cart',
  'checkout',
  'confirmation',
  'account',
  'content',
  'other',
];

export function kindLabel(kind: string): string {
  return TRIGGER_KINDS.find((k) => k.id === kind)?.label ?? kind;
}

function parseKind(value: string): TriggerKind {
  const found = TRIGGER_KINDS.find((k) => k.id === value);
  if (!found) throw new Error(`unknown trigger kind "${value}"`);
  return found.id;
}

export function parseTrigger(body: unknown): TriggerWire {
  const r = asRecord(body, 'trigger');
  const capping = asRecord(r.capping, 'capping');
  return {
    triggerId: str(r, 'triggerId'),
    name: str(r, 'name'),
    kind: parseKind(str(r, 'kind')),
    active: bool(r, 'active'),
    priority: num(r, 'priority'),
    // The server validated these against their schemas when the trigger was saved.
    targeting: asRecord(r.targeting, 'targeting') as TriggerTargeting,
    capping: {
      maxImpressions: numOrNull(capping, 'maxImpressions'),
      windowDays: num(capping, 'windowDays'),
    } as TriggerCapping,
    content: asRecord(r.content, 'content') as TriggerContent,
    settings: asRecord(r.settings, 'settings') as TriggerSettings,
    createdAt: str(r, 'createdAt'),
    updatedAt: str(r, 'updatedAt'),
  };
}

export function parseTriggerList(body: unknown): TriggerWire[] {
  return list(asRecord(body, 'body'), 'triggers', parseTrigger);
}

export function parsePerformance(body: unknown): TriggerPerformanceReport {
  const r = asRecord(body, 'body');
  return {
    from: str(r, 'from'),
    to: str(r, 'to'),
    rows: list(r, 'rows', (entry) => {
      const row = asRecord(entry, 'row');
      return {
        triggerId: str(row, 'triggerId'),
        name: strOrNull(row, 'name'),
        kind: str(row, 'kind'),
        shown: num(row, 'shown'),
        clicked: num(row, 'clicked'),
        dismissed: num(row, 'dismissed'),
        visitors: num(row, 'visitors'),
        ctr: numOrNull(row, 'ctr'),
      };
    }),
  };
}

export const TRIGGERS_PATH = '/v1/triggers';

export function triggerPath(triggerId: string): string {
  return `${TRIGGERS_PATH}/${encodeURIComponent(triggerId)}`;
}

export function performancePath(from: string, to: string): string {
  return `/v1/query/triggers/performance?${new URLSearchParams({ from, to }).toString()}`;
}
