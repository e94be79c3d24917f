// The trigger editor's form (plain strings, as typed) turned into the API's trigger body and back:
// only the settings and content the kind uses are sent, lists are comma-separated, and a number
// that does not parse becomes the problem to show. What a kind needs (a dwell pop-in's seconds,
// a bar's threshold ...) is checked by the server, whose answer names the field.
import type { PageType, TriggerInput, TriggerKind, TriggerSettings, TriggerWire } from '@centric/contracts';

export interface TriggerForm {
  name: string;
  kind: TriggerKind;
  active: boolean;
  priority: string;
  title: string;
  body: string;
  couponCode: string;
  ctaLabel: string;
  ctaUrl: string;
  dwellSeconds: string;
  slot: string;
  minCount: string;
  threshold: string;
  currency: string;
  segments: string[];
  /** Kept as loaded: the form does not edit exclusions (the API does). */
  excludeSegments: string[];
  pageTypes: PageType[];
  urlPatterns: string;
  categories: string;
  maxImpressions: string;
  windowDays: string;
}

/** Which optional parts of the form a kind shows. */
export interface KindFields {
  dwellSeconds: boolean;
  slot: boolean;
  minCount: boolean;
  threshold: boolean;
  coupon: boolean;
  cta: boolean;
}

export function fieldsOf(kind: TriggerKind): KindFields {
  const popin = kind === 'dwell_popin' || kind === 'exit_intent';
  return {
    dwellSeconds: kind === 'dwell_popin',
    slot: kind === 'carousel',
    minCount: kind === 'social_proof',
    threshold: kind === 'free_shipping_bar',
    coupon: popin,
    cta: popin || kind === 'free_shipping_bar',
  };
}

const commaList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const opt = (value: number | undefined, fallback = ''): string =>
  value === undefined ? fallback : String(value);

export function formFromTrigger(t: TriggerWire | null): TriggerForm {
  const s = t?.settings ?? {};
  const c = t?.content ?? {};
  const g = t?.targeting ?? {};
  return {
    name: t?.name ?? '',
    kind: t?.kind ?? 'dwell_popin',
    active: t?.active ?? true,
    priority: String(t?.priority ?? 0),
    title: c.title ?? '',
    body: c.body ?? '',
    couponCode: c.couponCode ?? '',
    ctaLabel: c.cta?.label ?? '',
    ctaUrl: c.cta?.url ?? '',
    dwellSeconds: opt(s.dwellSeconds, t ? '' : '20'),
    slot: s.slot ?? '',
    minCount: opt(s.minCount, t ? '' : '3'),
    threshold: opt(s.threshold),
    currency: s.currency ?? 'EUR',
    segments: g.segments ?? [],
    excludeSegments: g.excludeSegments ?? [],
    pageTypes: g.pageTypes ?? [],
    urlPatterns: (g.urlPatterns ?? []).join(', '),
    categories: (g.categories ?? []).join(', '),
    maxImpressions: t ? (t.capping.maxImpressions === null ? '' : String(t.capping.maxImpressions)) : '1',
    windowDays: String(t?.capping.windowDays ?? 1),
  };
}

type Parsed = number | undefined | { problem: string };

function numberIn(text: string, what: string, { min, integer }: { min: number; integer: boolean }): Parsed {
  if (text.trim() === '') return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
    return { problem: `${what}: ${integer ? 'a whole number' : 'a number'} of ${min} or more.` };
  return n;
}

const isProblem = (v: Parsed): v is { problem: string } => typeof v === 'object';

/**
 * @example toTriggerInput({ ...formFromTrigger(null), name: 'Stay', title: '10% off' })
 */
export function toTriggerInput(form: TriggerForm): { input: TriggerInput } | { problem: string } {
  const name = form.name.trim();
  if (name === '') return { problem: 'Give the trigger a name.' };
  const fields = fieldsOf(form.kind);
  const parsed = {
    priority: numberIn(form.priority, 'Priority', { min: -1000, integer: true }),
    dwellSeconds: fields.dwellSeconds
      ? numberIn(form.dwellSeconds, 'Seconds', { min: 1, integer: true })
      : undefined,
    minCount: fields.minCount
      ? numberIn(form.minCount, 'Minimum buyers', { min: 1, integer: true })
      : undefined,
    threshold: fields.threshold
      ? numberIn(form.threshold, 'Threshold', { min: 0.01, integer: false })
      : undefined,
    maxImpressions: numberIn(form.maxImpressions, 'Impressions', { min: 1, integer: true }),
    windowDays: numberIn(form.windowDays, 'Window', { min: 0.01, integer: false }),
  };
  for (const value of Object.values(parsed)) if (isProblem(value)) return value;
  const n = (v: Parsed) => (isProblem(v) ? undefined : v);

  const settings: TriggerSettings = {};
  if (n(parsed.dwellSeconds) !== undefined) settings.dwellSeconds = n(parsed.dwellSeconds);
  if (fields.slot && form.slot !== '') settings.slot = form.slot;
  if (n(parsed.minCount) !== undefined) settings.minCount = n(parsed.minCount);
  if (fields.threshold) {
    if (n(parsed.threshold) !== undefined) settings.threshold = n(parsed.threshold);
    const currency = form.currency.trim().toUpperCase();
    if (currency !== '') settings.currency = currency;
  }
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  const content: TriggerInput['content'] = {};
  if (text(form.title)) content.title = text(form.title);
  if (text(form.body)) content.body = text(form.body);
  if (fields.coupon && text(form.couponCode)) content.couponCode = text(form.couponCode);
  if (fields.cta && (text(form.ctaLabel) || text(form.ctaUrl))) {
    const label = text(form.ctaLabel);
    const url = text(form.ctaUrl);
    if (!label || !url) return { problem: 'A button needs both its label and its link.' };
    content.cta = { label, url };
  }
  const targeting: TriggerInput['targeting'] = {};
  if (form.segments.length > 0) targeting.segments = form.segments;
  if (form.excludeSegments.length > 0) targeting.excludeSegments = form.excludeSegments;
  if (form.pageTypes.length > 0) targeting.pageTypes = form.pageTypes;
  if (commaList(form.urlPatterns).length > 0) targeting.urlPatterns = commaList(form.urlPatterns);
  if (commaList(form.categories).length > 0) targeting.categories = commaList(form.categories);
  return {
    input: {
      name,
      kind: form.kind,
      active: form.active,
      priority: n(parsed.priority) ?? 0,
      targeting,
      capping: { maxImpressions: n(parsed.maxImpressions) ?? null, windowDays: n(parsed.windowDays) ?? 1 },
      content,
      settings,
    },
  };
}

/** Where and for whom, in a few words, e.g. "product pages · /p/* · 1 segment". */
export function describeTargeting(t: Pick<TriggerWire, 'targeting' | 'kind'>): string {
  const g = t.targeting;
  const parts: string[] = [];
  if (g.pageTypes?.length) parts.push(`${g.pageTypes.join(', ')} pages`);
  else if (t.kind === 'dwell_popin') parts.push('product pages');
  if (g.urlPatterns?.length) parts.push(g.urlPatterns.join(', '));
  if (g.categories?.length) parts.push(`in ${g.categories.join(', ')}`);
  const segments = g.segments?.length ?? 0;
  if (segments > 0) parts.push(`${segments} segment${segments === 1 ? '' : 's'}`);
  if (g.excludeSegments?.length) parts.push(`not ${g.excludeSegments.length} excluded`);
  return parts.length > 0 ? parts.join(' · ') : 'every page, every visitor';
}

/** The frequency cap in words, e.g. "≤ 1 per 1 day". */
export function describeCapping(t: Pick<TriggerWire, 'capping'>): string {
  const { maxImpressions, windowDays } = t.capping;
  const window = `${windowDays} day${windowDays === 1 ? '' : 's'}`;
  return maxImpressions === null
    ? `no limit (dismissal hides ${window})`
    : `≤ ${maxImpressions} per ${window}`;
}
