// Funnel steps as people type them (API query strings, the CLI, the dashboard builder) and as
// the stores take them (FunnelStep: a label, matchers, an optional flag). The text form:
//
//   Product Viewed                    an event name
//   page:product                      a page type (see page-type.ts)
//   category:Garden                   events of a category
//   *                                 any event
//   Cart Viewed|Checkout Started      any of several
//   Product Added to Wishlist?        a trailing '?' makes the step optional
//
// Steps in one string are separated by commas: "Product Viewed,Product Added?,Order Completed".
import { type FunnelStep, PAGE_TYPES, type StepMatcher } from '@centric/contracts';

/** Steps one funnel may have: more would be a path analysis, and each costs a join. */
export const MAX_FUNNEL_STEPS = 12;
const MAX_STEP_TEXT = 200;

export class StepSyntaxError extends Error {}

/**
 * One matcher from its text.
 *
 * @example parseMatcher('page:product') // { kind: 'page_type', value: 'product' }
 */
export function parseMatcher(text: string): StepMatcher {
  const t = text.trim();
  if (t === '') throw new StepSyntaxError('a step is empty');
  if (t === '*') return { kind: 'any' };
  const colon = t.indexOf(':');
  const prefix = colon > 0 ? t.slice(0, colon).trim().toLowerCase() : '';
  const value = colon > 0 ? t.slice(colon + 1).trim() : '';
  if (prefix === 'page' || prefix === 'page_type') {
    if (!(PAGE_TYPES as readonly string[]).includes(value.toLowerCase()))
      throw new StepSyntaxError(`unknown page type "${value}"; use one of ${PAGE_TYPES.join(', ')}`);
    return { kind: 'page_type', value: value.toLowerCase() };
  }
  if (prefix === 'category') {
    if (value === '') throw new StepSyntaxError('"category:" needs a category name');
    return { kind: 'category', value };
  }
  if (prefix === 'event') {
    if (value === '') throw new StepSyntaxError('"event:" needs an event name');
    return { kind: 'event', value };
  }
  return { kind: 'event', value: t };
}

/** A matcher as text, the inverse of parseMatcher. */
export function formatMatcher(m: StepMatcher): string {
  switch (m.kind) {
    case 'any':
      return '*';
    case 'page_type':
      return `page:${m.value}`;
    case 'category':
      return `category:${m.value}`;
    case 'event':
      return m.value.includes(':') ? `event:${m.value}` : m.value;
  }
}

/**
 * One step from its text; `label` defaults to the text without the optional mark.
 *
 * @example parseStep('Product Added?') // { label: 'Product Added', match: [...], optional: true }
 */
export function parseStep(text: string, options: { label?: string; optional?: boolean } = {}): FunnelStep {
  let t = text.trim();
  if (t.length > MAX_STEP_TEXT)
    throw new StepSyntaxError(`a step is longer than ${MAX_STEP_TEXT} characters`);
  let optional = options.optional ?? false;
  if (t.endsWith('?')) {
    optional = true;
    t = t.slice(0, -1).trim();
  }
  const match = t.split('|').map(parseMatcher);
  return { label: options.label?.trim() || t, match, optional };
}

/** Comma-separated steps, checked with validateSteps. */
export function parseSteps(text: string): FunnelStep[] {
  const steps = text
    .split(',')
    .filter((s) => s.trim() !== '')
    .map((s) => parseStep(s));
  validateSteps(steps);
  return steps;
}

/** Steps as one string, the inverse of parseSteps. */
export function formatSteps(steps: readonly FunnelStep[]): string {
  return steps.map((s) => `${s.match.map(formatMatcher).join('|')}${s.optional ? '?' : ''}`).join(',');
}

/** A funnel needs 1..MAX_FUNNEL_STEPS steps and starts with a step everyone must take. */
export function validateSteps(steps: readonly FunnelStep[]): void {
  if (steps.length === 0) throw new StepSyntaxError('a funnel needs at least one step');
  if (steps.length > MAX_FUNNEL_STEPS)
    throw new StepSyntaxError(`a funnel has at most ${MAX_FUNNEL_STEPS} steps, got ${steps.length}`);
  if (steps[0]!.optional) throw new StepSyntaxError('the first step of a funnel cannot be optional');
  for (const s of steps)
    if (s.match.length === 0) throw new StepSyntaxError(`step "${s.label}" matches nothing`);
}

/** Index of the required step whose entrants an optional or later step is measured against. */
export function previousRequiredStep(steps: readonly FunnelStep[], index: number): number | null {
  for (let i = index - 1; i >= 0; i--) if (!steps[i]!.optional) return i;
  return null;
}

/** Index of the last required step: reaching it is converting. */
export function lastRequiredStep(steps: readonly FunnelStep[]): number {
  for (let i = steps.length - 1; i >= 0; i--) if (!steps[i]!.optional) return i;
  return 0;
}
