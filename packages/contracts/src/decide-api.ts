// Wire types and schemas of the decision API (`POST /v1/decide`) and of on-site triggers
// (`/v1/triggers`, apps/server/src/routes/decide.routes.ts). The types are hand-written so that
// the browser SDK and its widgets (packages/sdk) ship them without a schema library; the TypeBox
// schemas drive validation and the OpenAPI document and are checked against the types below.
import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { PAGE_TYPES, type PageType } from './journeys';
import { type RecommendationResponse, RecommendationResponseSchema } from './recommendations-api';

/** What a trigger shows: a recommendation carousel, two pop-ins, a badge and a bar. */
export const TRIGGER_KINDS = [
  'carousel',
  'dwell_popin',
  'exit_intent',
  'social_proof',
  'free_shipping_bar',
] as const;
export type TriggerKind = (typeof TRIGGER_KINDS)[number];

/**
 * Events the widgets send, each with properties `{ trigger_id, kind, decision_id }`. The server
 * caps per visitor from them; the On-site page counts them per trigger.
 */
export const TRIGGER_SHOWN_EVENT = 'Trigger Shown';
export const TRIGGER_CLICKED_EVENT = 'Trigger Clicked';
export const TRIGGER_DISMISSED_EVENT = 'Trigger Dismissed';
export const TRIGGER_EVENTS = [TRIGGER_SHOWN_EVENT, TRIGGER_CLICKED_EVENT, TRIGGER_DISMISSED_EVENT] as const;

// ---------------------------------------------------------------------------------------------
// Hand-written wire types (what the SDK and the dashboard see).

/** The page a visitor is on, as the shop's page knows it. */
export interface DecidePage {
  /** Full URL or path; targeting matches its path. */
  url: string;
  type?: PageType;
  productId?: string;
  /** The page's category path, e.g. "Home > Candles". */
  category?: string;
  /** The cart's value now (free-shipping bar). */
  cartValue?: number;
  /** ISO 4217 code of `cartValue`, e.g. EUR. */
  currency?: string;
}

export interface DecideRequest {
  /** Anonymous id or user id of the visitor. */
  visitor: string;
  page: DecidePage;
  /** Recommendation slots the page renders (carousel triggers add theirs). */
  slots?: string[];
}

export interface TriggeredMessage {
  triggerId: string;
  kind: TriggerKind;
  show: {
    on: 'load' | 'dwell' | 'exit_intent';
    afterSeconds?: number;
    /** Event names that cancel a pending message, e.g. ['Product Added']. */
    cancelOn?: string[];
  };
  content: {
    title?: string;
    body?: string;
    couponCode?: string;
    cta?: { label: string; url: string };
    /** Social proof: people who bought the page's product in the last 24 hours. */
    count?: number;
    /** Free-shipping bar: what is left to spend, the threshold and its currency. */
    remaining?: number;
    threshold?: number;
    currency?: string;
    /** Carousel: the slot it renders; its list is `recommendations[slot]` of the decision. */
    slot?: string;
    recommendation?: RecommendationResponse;
  };
}

/** What the server tells the page for one visitor: one round trip. */
export interface DecideResponse {
  decisionId: string;
  /** Experiment variants; always empty until experiments are built (a later issue fills it). */
  experiments: unknown[];
  recommendations: Record<string, RecommendationResponse>;
  messages: TriggeredMessage[];
  /** Surveys to show; always empty until surveys are built (a later issue fills it). */
  surveys: unknown[];
}

/** Who and where a trigger applies; every given condition must hold. */
export interface TriggerTargeting {
  /** The visitor is a current member of at least one of these segments (ids). */
  segments?: string[];
  /** ... and of none of these. */
  excludeSegments?: string[];
  pageTypes?: PageType[];
  /** Path globs, any of them: `*` matches any characters, e.g. "/products/*". */
  urlPatterns?: string[];
  /** The page's category is one of these or below one ("Home" takes "Home > Candles"). */
  categories?: string[];
}

/** Per visitor: at most `maxImpressions` (null: no limit) within `windowDays`; a dismissal hides it for the window. */
export interface TriggerCapping {
  maxImpressions: number | null;
  windowDays: number;
}

export interface TriggerContent {
  title?: string;
  /** Social proof may use {count}; the free-shipping bar {remaining} and {threshold}. */
  body?: string;
  couponCode?: string;
  cta?: { label: string; url: string };
}

/** Kind-specific settings; each kind takes only its own (see triggerProblems in @centric/core). */
export interface TriggerSettings {
  /** dwell_popin: seconds on the product page without adding to cart. */
  dwellSeconds?: number;
  /** carousel: the recommendation slot. */
  slot?: string;
  /** social_proof: shown only from this many buyers in 24 hours (default 3). */
  minCount?: number;
  /** free_shipping_bar: the order value that ships free, and its currency. */
  threshold?: number;
  currency?: string;
}

export interface TriggerInput {
  name: string;
  kind: TriggerKind;
  /** Default true. */
  active?: boolean;
  /** Higher first when two triggers of one kind (or one slot) apply; default 0. */
  priority?: number;
  targeting?: TriggerTargeting;
  /** Default: pop-ins once a day, everything else without a limit (window 1 day). */
  capping?: TriggerCapping;
  content?: TriggerContent;
  settings?: TriggerSettings;
}

/** A trigger with every default filled in: what the store keeps and the selection reads. */
export interface TriggerDefinition {
  name: string;
  kind: TriggerKind;
  active: boolean;
  priority: number;
  targeting: TriggerTargeting;
  capping: TriggerCapping;
  content: TriggerContent;
  settings: TriggerSettings;
}

export interface TriggerWire extends TriggerDefinition {
  triggerId: string;
  createdAt: string;
  updatedAt: string;
}

export interface TriggerPerformanceRow {
  triggerId: string;
  /** Null for a trigger deleted since. */
  name: string | null;
  kind: string;
  shown: number;
  clicked: number;
  dismissed: number;
  /** Distinct visitors the trigger was shown to. */
  visitors: number;
  /** clicked / shown. */
  ctr: number | null;
}

export interface TriggerPerformanceReport {
  from: string;
  to: string;
  rows: TriggerPerformanceRow[];
}

// ---------------------------------------------------------------------------------------------
// Schemas.

const Optional = Type.Optional;
const Text = (maxLength: number, description?: string) =>
  Type.String({ minLength: 1, maxLength, ...(description ? { description } : {}) });
const PageTypeSchema = Type.Union(
  PAGE_TYPES.map((t) => Type.Literal(t)),
  { description: 'The kind of shop page' },
);
const KindSchema = Type.Union(
  TRIGGER_KINDS.map((k) => Type.Literal(k)),
  { description: 'carousel, dwell_popin, exit_intent, social_proof or free_shipping_bar' },
);
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. EUR' });
const Ids = (description: string) => Type.Array(Text(200), { maxItems: 100, description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const DecidePageSchema = Type.Object({
  url: Text(2000, 'The page URL or path; targeting matches its path'),
  type: Optional(PageTypeSchema),
  productId: Optional(Text(500, 'The product of a product page')),
  category: Optional(Text(500, 'The page’s category path, e.g. "Home > Candles"')),
  cartValue: Optional(Type.Number({ minimum: 0, description: 'The cart’s value now' })),
  currency: Optional(Currency),
});

export const DecideRequestSchema = Type.Object({
  visitor: Text(500, 'Anonymous id or user id of the visitor'),
  page: DecidePageSchema,
  slots: Optional(
    Type.Array(Text(64), {
      maxItems: 10,
      uniqueItems: true,
      description: 'Recommendation slots the page renders; carousel triggers add theirs',
    }),
  ),
});

const CtaSchema = Type.Object({
  label: Text(100),
  url: Text(2000, 'Where the button leads'),
});

export const TriggeredMessageSchema = Type.Object({
  triggerId: Type.String(),
  kind: KindSchema,
  show: Type.Object({
    on: Type.Union([Type.Literal('load'), Type.Literal('dwell'), Type.Literal('exit_intent')], {
      description:
        'load: at once; dwell: after afterSeconds unless a cancelOn event comes first; exit_intent: when the pointer leaves the top of the window',
    }),
    afterSeconds: Optional(Type.Number()),
    cancelOn: Optional(
      Type.Array(Type.String(), { description: 'Events that cancel it, e.g. Product Added' }),
    ),
  }),
  content: Type.Object({
    title: Optional(Type.String()),
    body: Optional(Type.String()),
    couponCode: Optional(Type.String()),
    cta: Optional(CtaSchema),
    count: Optional(
      Type.Integer({ description: 'Social proof: buyers of the product in the last 24 hours' }),
    ),
    remaining: Optional(Type.Number({ description: 'Free shipping: what is left to spend' })),
    threshold: Optional(Type.Number()),
    currency: Optional(Type.String()),
    slot: Optional(Type.String({ description: 'Carousel: its list is recommendations[slot]' })),
    recommendation: Optional(RecommendationResponseSchema),
  }),
});

export const DecideResponseSchema = Type.Object({
  decisionId: Type.String({ description: 'Send it back as properties.decision_id with trigger events' }),
  experiments: Type.Array(Type.Unknown(), {
    description:
      'Experiment variants for this visitor; always empty for now (the experiments issue fills it)',
  }),
  recommendations: Type.Record(Type.String(), RecommendationResponseSchema, {
    description: 'Per slot: the requested slots and the carousels’ slots',
  }),
  messages: Type.Array(TriggeredMessageSchema, {
    description: 'Triggered messages for this visitor and page, after targeting and frequency capping',
  }),
  surveys: Type.Array(Type.Unknown(), {
    description: 'Surveys to show; always empty for now (the surveys issue fills it)',
  }),
});

export const TriggerTargetingSchema = Type.Object(
  {
    segments: Optional(Ids('The visitor is in at least one of these segments (ids)')),
    excludeSegments: Optional(Ids('... and in none of these')),
    pageTypes: Optional(Type.Array(PageTypeSchema, { maxItems: PAGE_TYPES.length, uniqueItems: true })),
    urlPatterns: Optional(
      Type.Array(Text(500), { maxItems: 50, description: 'Path globs, any of them; * matches anything' }),
    ),
    categories: Optional(Ids('The page’s category or a parent of it')),
  },
  { additionalProperties: false },
);

export const TriggerCappingSchema = Type.Object(
  {
    maxImpressions: Nullable(
      Type.Integer({
        minimum: 1,
        maximum: 1000,
        description: 'Per visitor within the window; null: no limit',
      }),
    ),
    windowDays: Type.Number({
      exclusiveMinimum: 0,
      maximum: 365,
      description: 'The window; a dismissal hides the trigger from the visitor for as long',
    }),
  },
  { additionalProperties: false },
);

export const TriggerContentSchema = Type.Object(
  {
    title: Optional(Text(200)),
    body: Optional(
      Text(1000, 'Social proof may use {count}; the free-shipping bar {remaining} and {threshold}'),
    ),
    couponCode: Optional(Text(100)),
    cta: Optional(CtaSchema),
  },
  { additionalProperties: false },
);

export const TriggerSettingsSchema = Type.Object(
  {
    dwellSeconds: Optional(
      Type.Integer({ minimum: 1, maximum: 3600, description: 'dwell_popin: seconds without adding to cart' }),
    ),
    slot: Optional(
      Type.String({ pattern: '^[a-z0-9][a-z0-9_-]{0,63}$', description: 'carousel: the slot id' }),
    ),
    minCount: Optional(
      Type.Integer({
        minimum: 1,
        maximum: 100_000,
        description: 'social_proof: shown from this many buyers',
      }),
    ),
    threshold: Optional(
      Type.Number({ exclusiveMinimum: 0, description: 'free_shipping_bar: order value that ships free' }),
    ),
    currency: Optional(Currency),
  },
  { additionalProperties: false },
);

export const TriggerInputSchema = Type.Object(
  {
    name: Text(200),
    kind: KindSchema,
    active: Optional(Type.Boolean({ description: 'Default true' })),
    priority: Optional(
      Type.Integer({ minimum: -1000, maximum: 1000, description: 'Higher first among triggers of one kind' }),
    ),
    targeting: Optional(TriggerTargetingSchema),
    capping: Optional(TriggerCappingSchema),
    content: Optional(TriggerContentSchema),
    settings: Optional(TriggerSettingsSchema),
  },
  { additionalProperties: false },
);

export const TriggerSchema = Type.Object({
  triggerId: Type.String(),
  name: Type.String(),
  kind: KindSchema,
  active: Type.Boolean(),
  priority: Type.Integer(),
  targeting: TriggerTargetingSchema,
  capping: TriggerCappingSchema,
  content: TriggerContentSchema,
  settings: TriggerSettingsSchema,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const TriggerPerformanceQuerySchema = Type.Object({
  from: Optional(Type.String({ format: 'date', description: 'First day (UTC); default 30 days ago' })),
  to: Optional(Type.String({ format: 'date', description: 'Last day (UTC), inclusive; default today' })),
});
export type TriggerPerformanceQuery = Static<typeof TriggerPerformanceQuerySchema>;

export const TriggerPerformanceReportSchema = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  rows: Type.Array(
    Type.Object({
      triggerId: Type.String(),
      name: Nullable(Type.String({ description: 'Null for a trigger deleted since' })),
      kind: Type.String(),
      shown: Type.Integer(),
      clicked: Type.Integer(),
      dismissed: Type.Integer(),
      visitors: Type.Integer({ description: 'Distinct visitors it was shown to' }),
      ctr: Nullable(Type.Number({ description: 'clicked / shown' })),
    }),
  ),
});

// Compile-time checks: each schema accepts exactly what its wire type describes.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const checks: [
  Same<Static<typeof DecideRequestSchema>, DecideRequest>,
  Same<Static<typeof TriggeredMessageSchema>, TriggeredMessage>,
  Same<Static<typeof DecideResponseSchema>, DecideResponse>,
  Same<Static<typeof TriggerInputSchema>, TriggerInput>,
  Same<Static<typeof TriggerSchema>, TriggerWire>,
  Same<Static<typeof TriggerPerformanceReportSchema>, TriggerPerformanceReport>,
] = [true, true, true, true, true, true];
void checks;
