// TypeBox schemas of the journey routes: query strings, bodies and answers. One definition gives
// the validation, the serialisation (unknown fields are dropped, so every field is listed) and
// the OpenAPI description (/docs). Rates are in %, times in milliseconds.
import {
  FUNNEL_BREAKDOWNS,
  FUNNEL_ENTITIES,
  JOURNEY_PHASES,
  MARKETING_CHANNELS,
  PATH_GROUPINGS,
  SESSION_OUTCOMES,
} from '@centric/contracts';
import { type TSchema, Type } from '@sinclair/typebox';

const Day = (description: string) => Type.String({ format: 'date', description });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Rate = (description: string) => Nullable(Type.Number({ description }));
const Count = (description: string) => Type.Integer({ description });
const Literals = <T extends string>(values: readonly T[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );

const Scope = {
  from: Type.Optional(Day('First day (UTC), inclusive; default 30 days before `to`')),
  to: Type.Optional(Day('Last day (UTC), inclusive; default today')),
  segment: Type.Optional(
    Type.String({ minLength: 1, description: 'Only sessions of current members of this segment' }),
  ),
  profiles: Type.Optional(
    Type.String({ minLength: 1, description: 'Only sessions of these profiles (comma-separated ids)' }),
  ),
};
const Compare = {
  compareFrom: Type.Optional(Day('First day of a second period shown beside the first')),
  compareTo: Type.Optional(Day('Last day of the second period')),
  compareSegment: Type.Optional(
    Type.String({
      minLength: 1,
      description: 'A second segment shown beside the first; `all` for every session',
    }),
  ),
};
const Scoped = {
  from: Day('First day'),
  to: Day('Last day'),
  segmentId: Nullable(Type.String()),
};

export const JourneysQuerySchema = Type.Object({
  ...Scope,
  ...Compare,
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: 100,
      description: 'Rows of terms, products and categories (default 10)',
    }),
  ),
});

const Outcomes = Type.Object(
  Object.fromEntries(SESSION_OUTCOMES.map((o) => [o, Type.Integer()])) as Record<
    (typeof SESSION_OUTCOMES)[number],
    ReturnType<typeof Type.Integer>
  >,
);

const SummarySchema = Type.Object({
  sessions: Count('Sessions in the range'),
  convertingSessions: Count('Sessions with an order that was not cancelled'),
  conversionRate: Rate('Converting sessions / sessions, in %'),
  channels: Type.Array(
    Type.Object({
      channel: Literals(MARKETING_CHANNELS, 'Entry marketing channel'),
      label: Type.String(),
      sessions: Type.Integer(),
      share: Rate('Of all sessions, in %'),
      outcomes: Outcomes,
      conversionRate: Rate('In %'),
      bounceRate: Rate('In %'),
    }),
  ),
  outcomes: Type.Array(
    Type.Object({
      outcome: Literals(SESSION_OUTCOMES, 'How the session ended'),
      label: Type.String(),
      sessions: Type.Integer(),
      share: Rate('Of all sessions, in %'),
    }),
  ),
  entryPages: Type.Array(
    Type.Object({
      pageType: Type.String({ description: 'Page type of the landing event' }),
      label: Type.String(),
      sessions: Type.Integer(),
      share: Rate('In %'),
      conversionRate: Rate('In %'),
      bounceRate: Rate('In %'),
    }),
  ),
  searchTerms: Type.Array(
    Type.Object({
      term: Type.String(),
      searches: Type.Integer(),
      sessions: Type.Integer(),
      convertingSessions: Type.Integer(),
      conversionRate: Rate('Searching sessions with an order, in %'),
    }),
  ),
  products: Type.Array(
    Type.Object({
      productId: Type.String(),
      title: Nullable(Type.String()),
      views: Type.Integer(),
      sessions: Type.Integer(),
      cartSessions: Type.Integer(),
      cartRate: Rate('Viewing sessions that added it to the cart, in %'),
      conversionRate: Rate('Viewing sessions with an order, in %'),
    }),
  ),
  categories: Type.Array(
    Type.Object({
      category: Type.String(),
      views: Type.Integer(),
      sessions: Type.Integer(),
      conversionRate: Rate('In %'),
    }),
  ),
  definitions: Type.Record(Type.String(), Type.String()),
});

export const JourneysReportSchema = Type.Object({
  ...Scoped,
  summary: SummarySchema,
  comparison: Nullable(Type.Object({ ...Scoped, summary: SummarySchema })),
});

export const PathsQuerySchema = Type.Object({
  ...Scope,
  ...Compare,
  groupBy: Type.Optional(Literals(PATH_GROUPINGS, 'What a step is named after (default event)')),
  depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 10, description: 'Steps per path (default 5)' })),
  startAt: Type.Optional(
    Type.String({ minLength: 1, description: 'Paths from the first time a session takes this step' }),
  ),
  endAt: Type.Optional(
    Type.String({ minLength: 1, description: 'Paths to the first time a session takes this step' }),
  ),
  collapse: Type.Optional(Type.Boolean({ description: 'Merge repeats of a step in a row (default false)' })),
  maxNodes: Type.Optional(
    Type.Integer({ minimum: 2, maximum: 30, description: 'Nodes per column, "Other" included (default 8)' }),
  ),
});

const SankeySchema = Type.Object({
  direction: Literals(['forward', 'backward'], 'backward: paths to endAt, laid out right-aligned'),
  depth: Type.Integer(),
  sessions: Count('Sessions whose paths are counted'),
  nodes: Type.Array(
    Type.Object({
      id: Type.String({ description: '<column>|<step>' }),
      column: Type.Integer({ description: '1 = leftmost' }),
      step: Type.String(),
      label: Type.String(),
      sessions: Type.Integer(),
      share: Rate('Of all sessions counted, in %'),
      ends: Count('Sessions whose visit ends here (backward: begins here)'),
      endShare: Rate('Of the node, in %'),
    }),
  ),
  links: Type.Array(
    Type.Object({
      source: Type.String(),
      target: Type.String(),
      sessions: Type.Integer(),
      share: Rate('Of all sessions counted, in %'),
      ofNode: Rate('Of the sessions at the source node (backward: target node), in %'),
    }),
  ),
});

export const PathsReportSchema = Type.Object({
  ...Scoped,
  groupBy: Literals(PATH_GROUPINGS, 'What a step is named after'),
  depth: Type.Integer(),
  direction: Literals(['forward', 'backward'], 'Direction of the paths'),
  startAt: Nullable(Type.String()),
  endAt: Nullable(Type.String()),
  collapse: Type.Boolean(),
  sankey: SankeySchema,
  comparison: Nullable(Type.Object({ ...Scoped, sankey: SankeySchema })),
});

const FunnelOptions = {
  window: Type.Optional(
    Type.String({
      pattern: '^\\d{1,4}\\s*[mhd]$',
      description: 'Conversion window: 30m, 24h, 7d (default 1d per session, 30d per profile)',
    }),
  ),
  entity: Type.Optional(
    Literals(FUNNEL_ENTITIES, 'Follow one visit or a customer across visits (default session)'),
  ),
  breakdown: Type.Optional(
    Literals(FUNNEL_BREAKDOWNS, 'Split entrants by entry marketing channel, device channel or category'),
  ),
  comparePrevious: Type.Optional(
    Type.Boolean({ description: 'Also run the funnel over the period just before' }),
  ),
};

export const FunnelQuerySchema = Type.Object({
  ...Scope,
  ...FunnelOptions,
  steps: Type.String({
    minLength: 1,
    description:
      'Comma-separated steps: an event name, page:<type>, category:<name> or *; alternatives with |; a trailing ? makes a step optional',
  }),
});

export const FunnelBodySchema = Type.Object({
  from: Type.Optional(Day('First day (UTC), inclusive')),
  to: Type.Optional(Day('Last day (UTC), inclusive')),
  segment: Type.Optional(Type.String({ minLength: 1 })),
  profiles: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 10_000 })),
  ...FunnelOptions,
  steps: Type.Array(
    Type.Union([
      Type.String({ minLength: 1 }),
      Type.Object({
        match: Type.String({ minLength: 1, description: 'Step text as in the query string' }),
        label: Type.Optional(Type.String({ minLength: 1 })),
        optional: Type.Optional(Type.Boolean()),
      }),
    ]),
    { minItems: 1, maxItems: 12 },
  ),
});

export const PhaseFunnelQuerySchema = Type.Object({
  ...Scope,
  ...FunnelOptions,
});

const Quantiles = Nullable(
  Type.Object(
    {
      p25: Type.Number(),
      median: Type.Number(),
      p75: Type.Number(),
      p90: Type.Number(),
      mean: Type.Number(),
    },
    { description: 'Durations in milliseconds' },
  ),
);

const Summary = {
  entrants: Count('Entities that took the first step'),
  converted: Count('Entities that took the last required step'),
  conversionRate: Rate('Converted / entrants, in %'),
  timeToConvert: Quantiles,
};

export const FunnelReportSchema = Type.Object({
  ...Scoped,
  entity: Literals(FUNNEL_ENTITIES, 'What the funnel follows'),
  window: Type.String(),
  windowMs: Type.Integer(),
  definition: Type.String({ description: 'The steps as text' }),
  previousRange: Nullable(Type.Object({ from: Day('First day'), to: Day('Last day') })),
  ...Summary,
  steps: Type.Array(
    Type.Object({
      index: Type.Integer(),
      label: Type.String(),
      optional: Type.Boolean(),
      reached: Type.Integer(),
      conversionFromPrevious: Rate('Of the last required step before, in %'),
      conversionFromStart: Rate('Of the entrants, in %'),
      dropOff: Count('Lost since the last required step before (0 for optional steps)'),
      timeFromPrevious: Quantiles,
    }),
  ),
  breakdown: Nullable(
    Type.Object({
      dimension: Literals(FUNNEL_BREAKDOWNS, 'The breakdown'),
      hidden: Count('Smaller values left out'),
      groups: Type.Array(
        Type.Object({
          value: Type.String(),
          label: Type.String(),
          ...Summary,
          reached: Type.Array(Type.Integer()),
          conversionFromStart: Type.Array(Nullable(Type.Number())),
        }),
      ),
    }),
  ),
  previous: Nullable(
    Type.Object({
      ...Summary,
      reached: Type.Array(Type.Integer()),
      conversionRateChange: Rate('Now minus before, in percentage points'),
      entrantsChange: Rate('Relative change, in %'),
      convertedChange: Rate('Relative change, in %'),
    }),
  ),
});

const PhaseMappingSchema = Type.Array(
  Type.Object({
    phase: Literals(JOURNEY_PHASES, 'Journey phase'),
    match: Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'Step texts; any of them' }),
    optional: Type.Optional(Type.Boolean()),
  }),
  { description: 'Every phase once, in journey order' },
);

export const PhaseFunnelReportSchema = Type.Composite([
  FunnelReportSchema,
  Type.Object({ mapping: PhaseMappingSchema, customMapping: Type.Boolean() }),
]);

export const JourneySettingsSchema = Type.Object({
  phases: PhaseMappingSchema,
  internalHosts: Type.Array(Type.String(), {
    description: 'The shop’s own hosts: their referrers count as none',
  }),
  customMapping: Type.Boolean({ description: 'false: the default phase mapping' }),
});

export const JourneySettingsBodySchema = Type.Object({
  phases: Type.Optional(Nullable(PhaseMappingSchema)),
  internalHosts: Type.Optional(Nullable(Type.Array(Type.String({ minLength: 1 }), { maxItems: 100 }))),
});
