// Customer journeys as the API and the CLI see them: days, text steps and defaults in; the
// project's rules (phase mapping, own hosts) applied; the store's raw figures through; the
// shaped reports (packages/analyses/src/journeys) out, with side-by-side comparisons of two
// periods or segments and the previous period of funnels, so both surfaces answer the same way.
import { journeys } from '@centric/analyses';
import {
  FUNNEL_BREAKDOWNS,
  FUNNEL_ENTITIES,
  type FunnelBreakdown,
  type FunnelEntity,
  type FunnelStep,
  type JourneyPhaseDefinition,
  type JourneySettings,
  PATH_GROUPINGS,
  type PathGrouping,
} from '@centric/contracts';
import type { DayRange } from '@centric/core';
import type { JourneyRules, JourneyScope, Store } from '@centric/storage';
import { CentricError } from '../errors';
import {
  dayRange,
  invalidAsQuery,
  parseStepRequests,
  parseWindow,
  previousPeriod,
  type StepRequest,
  scopeQuery,
} from './journey-requests';

export { parseStepRequests, parseWindow, previousPeriod, type StepRequest } from './journey-requests';

/** Compares with every session rather than a segment's. */
export const ALL_SESSIONS = 'all';
const DEFAULT_WINDOW: Readonly<Record<FunnelEntity, string>> = { session: '1d', profile: '30d' };
const DEFAULT_PHASE_WINDOW = '90d';

export interface JourneyScopeRequest {
  /** First and last day (UTC, inclusive); the last 30 days by default. */
  from?: string | undefined;
  to?: string | undefined;
  segmentId?: string | undefined;
  profileIds?: readonly string[] | undefined;
}

/** A second scope beside the first: another period, another segment, or both. */
export interface CompareRequest {
  compareFrom?: string | undefined;
  compareTo?: string | undefined;
  /** A segment id, or 'all' for every session. */
  compareSegmentId?: string | undefined;
}

export interface JourneysRequest extends JourneyScopeRequest, CompareRequest {
  limit?: number | undefined;
}

export interface PathsRequest extends JourneyScopeRequest, CompareRequest {
  groupBy?: PathGrouping | undefined;
  depth?: number | undefined;
  startAt?: string | undefined;
  endAt?: string | undefined;
  /** Merge repeats of a step in a row (default false, like GA4's path exploration). */
  collapse?: boolean | undefined;
  maxNodes?: number | undefined;
}

export interface FunnelRequest extends JourneyScopeRequest {
  /** Comma-separated text, or one entry per step. */
  steps: string | readonly StepRequest[];
  /** '30m', '24h', '7d'; 1d per session and 30d per profile by default. */
  window?: string | undefined;
  entity?: FunnelEntity | undefined;
  breakdown?: FunnelBreakdown | undefined;
  comparePrevious?: boolean | undefined;
}

export type PhaseFunnelRequest = Omit<FunnelRequest, 'steps'>;

interface Scoped {
  from: string;
  to: string;
  segmentId: string | null;
}

export interface JourneysReport extends Scoped {
  summary: journeys.JourneySummary;
  comparison: (Scoped & { summary: journeys.JourneySummary }) | null;
}

export interface PathsReport extends Scoped {
  groupBy: PathGrouping;
  depth: number;
  direction: journeys.PathDirection;
  startAt: string | null;
  endAt: string | null;
  collapse: boolean;
  sankey: journeys.SankeyData;
  comparison: (Scoped & { sankey: journeys.SankeyData }) | null;
}

export interface FunnelReportResponse extends Scoped, journeys.FunnelReport {
  entity: FunnelEntity;
  window: string;
  windowMs: number;
  /** The steps in their text form. */
  definition: string;
  previousRange: { from: string; to: string } | null;
}

export interface PhaseFunnelReport extends FunnelReportResponse {
  mapping: journeys.PhaseMappingText[];
  /** Whether the mapping is the project's own (else the default). */
  customMapping: boolean;
}

export class JourneyService {
  constructor(private readonly store: Store) {}

  /**
   * @example await service.journeys(projectId, { from: '2026-03-01', to: '2026-03-31' })
   */
  async journeys(projectId: string, input: JourneysRequest, nowMs = Date.now()): Promise<JourneysReport> {
    const limit = input.limit ?? 10;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw new CentricError('invalid_query', 'the limit is an integer 1..100');
    const rules = await this.rules(projectId);
    const run = async (scope: ScopeParts) => ({
      ...scope.scoped,
      summary: journeys.journeySummary(
        await invalidAsQuery(() => this.store.journeys.summary({ ...scope.query, rules, limit })),
      ),
    });
    const [base, compared] = await this.scopes(projectId, input, nowMs);
    const { summary, ...scoped } = await run(base);
    return { ...scoped, summary, comparison: compared ? await run(compared) : null };
  }

  /**
   * @example await service.paths(projectId, { groupBy: 'page_type', depth: 5, endAt: 'checkout' })
   */
  async paths(projectId: string, input: PathsRequest, nowMs = Date.now()): Promise<PathsReport> {
    const groupBy = input.groupBy ?? 'event';
    if (!(PATH_GROUPINGS as readonly string[]).includes(groupBy))
      throw new CentricError('invalid_query', `groupBy is one of ${PATH_GROUPINGS.join(', ')}`);
    const depth = input.depth ?? 5;
    const collapse = input.collapse ?? false;
    if (input.startAt && input.endAt)
      throw new CentricError('invalid_query', 'paths start at a step or end at one, not both');
    const direction: journeys.PathDirection = input.endAt ? 'backward' : 'forward';
    const rules = await this.rules(projectId);
    const run = async (scope: ScopeParts) => {
      const figures = await invalidAsQuery(() =>
        this.store.journeys.paths({
          ...scope.query,
          rules,
          groupBy,
          depth,
          collapseRepeats: collapse,
          ...(input.startAt ? { startAt: input.startAt } : {}),
          ...(input.endAt ? { endAt: input.endAt } : {}),
        }),
      );
      return {
        ...scope.scoped,
        sankey: journeys.shapeSankey(figures, {
          direction,
          depth,
          groupBy,
          ...(input.maxNodes ? { maxNodesPerColumn: input.maxNodes } : {}),
        }),
      };
    };
    const [base, compared] = await this.scopes(projectId, input, nowMs);
    const { sankey, ...scoped } = await run(base);
    return {
      ...scoped,
      groupBy,
      depth,
      direction,
      startAt: input.startAt ?? null,
      endAt: input.endAt ?? null,
      collapse,
      sankey,
      comparison: compared ? await run(compared) : null,
    };
  }

  /**
   * @example await service.funnel(projectId, { steps: 'Product Viewed,Product Added?,Order Completed', comparePrevious: true })
   */
  async funnel(projectId: string, input: FunnelRequest, nowMs = Date.now()): Promise<FunnelReportResponse> {
    return this.runFunnel(projectId, { ...input, steps: parseStepRequests(input.steps) }, nowMs);
  }

  /** The journey-phase funnel under the project's mapping (or the default). */
  async phaseFunnel(
    projectId: string,
    input: PhaseFunnelRequest,
    nowMs = Date.now(),
  ): Promise<PhaseFunnelReport> {
    const own = (await this.store.state.projectSettings(projectId)).journeys?.phases;
    const mapping = own ?? journeys.DEFAULT_PHASE_MAPPING;
    const report = await this.runFunnel(
      projectId,
      {
        ...input,
        entity: input.entity ?? 'profile',
        window: input.window ?? DEFAULT_PHASE_WINDOW,
        steps: journeys.phaseSteps(mapping),
      },
      nowMs,
    );
    return { ...report, mapping: journeys.formatPhaseMapping(mapping), customMapping: own !== undefined };
  }

  /** The project's journey settings: the phase mapping (own or default) and its own hosts. */
  async settings(
    projectId: string,
  ): Promise<{ phases: journeys.PhaseMappingText[]; internalHosts: string[]; customMapping: boolean }> {
    const own = (await this.store.state.projectSettings(projectId)).journeys ?? {};
    return {
      phases: journeys.formatPhaseMapping(own.phases ?? journeys.DEFAULT_PHASE_MAPPING),
      internalHosts: own.internalHosts ?? [],
      customMapping: own.phases !== undefined,
    };
  }

  /** Stores a phase mapping and/or the shop's own hosts; null resets one to the default. */
  async updateSettings(
    projectId: string,
    change: { phases?: journeys.PhaseMappingText[] | null; internalHosts?: string[] | null },
  ): ReturnType<JourneyService['settings']> {
    const current: JourneySettings = (await this.store.state.projectSettings(projectId)).journeys ?? {};
    const next: JourneySettings = { ...current };
    if (change.phases === null) delete next.phases;
    else if (change.phases !== undefined) {
      let phases: JourneyPhaseDefinition[];
      try {
        phases = journeys.parsePhaseMapping(change.phases);
      } catch (error) {
        throw new CentricError('invalid_query', (error as Error).message);
      }
      next.phases = phases;
    }
    if (change.internalHosts === null) delete next.internalHosts;
    else if (change.internalHosts !== undefined)
      next.internalHosts = change.internalHosts.map((h) => h.trim().toLowerCase()).filter((h) => h !== '');
    await this.store.state.updateProjectSettings(projectId, { journeys: next });
    return this.settings(projectId);
  }

  private async runFunnel(
    projectId: string,
    input: Omit<FunnelRequest, 'steps'> & { steps: FunnelStep[] },
    nowMs: number,
  ): Promise<FunnelReportResponse> {
    const entity = input.entity ?? 'session';
    if (!(FUNNEL_ENTITIES as readonly string[]).includes(entity))
      throw new CentricError('invalid_query', `entity is one of ${FUNNEL_ENTITIES.join(', ')}`);
    if (input.breakdown !== undefined && !(FUNNEL_BREAKDOWNS as readonly string[]).includes(input.breakdown))
      throw new CentricError('invalid_query', `breakdown is one of ${FUNNEL_BREAKDOWNS.join(', ')}`);
    const window = input.window ?? DEFAULT_WINDOW[entity];
    const windowMs = parseWindow(window);
    const rules = await this.rules(projectId);
    const days = dayRange(input, nowMs);
    await this.requireSegments(projectId, [input.segmentId]);
    const query = (range: DayRange) =>
      invalidAsQuery(() =>
        this.store.journeys.funnel({
          ...scopeQuery({ projectId, range, segmentId: input.segmentId, profileIds: input.profileIds }),
          rules,
          steps: input.steps,
          windowMs,
          entity,
          ...(input.breakdown ? { breakdown: input.breakdown } : {}),
        }),
      );
    const previousRange = input.comparePrevious ? previousPeriod(days) : null;
    const [figures, previous] = await Promise.all([
      query(days),
      previousRange ? query(previousRange) : Promise.resolve(undefined),
    ]);
    return {
      ...days,
      segmentId: input.segmentId ?? null,
      entity,
      window,
      windowMs,
      definition: journeys.formatSteps(input.steps),
      previousRange,
      ...journeys.funnelReport(figures, { steps: input.steps, breakdown: input.breakdown, previous }),
    };
  }

  private async rules(projectId: string): Promise<JourneyRules> {
    const settings = (await this.store.state.projectSettings(projectId)).journeys;
    return {
      channels: journeys.channelRulesFor({ internalHosts: settings?.internalHosts ?? [] }),
      pageTypes: journeys.DEFAULT_PAGE_TYPE_RULES,
    };
  }

  /** The asked scope and, when a comparison is asked, the compared one. */
  private async scopes(
    projectId: string,
    input: JourneyScopeRequest & CompareRequest,
    nowMs: number,
  ): Promise<[ScopeParts, ScopeParts | null]> {
    const days = dayRange(input, nowMs);
    const compareAll = input.compareSegmentId === ALL_SESSIONS;
    const compareSegment = compareAll ? undefined : input.compareSegmentId;
    await this.requireSegments(projectId, [input.segmentId, compareSegment]);
    const parts = (range: DayRange, segmentId: string | undefined): ScopeParts => ({
      scoped: { ...range, segmentId: segmentId ?? null },
      query: scopeQuery({ projectId, range, segmentId, profileIds: input.profileIds }),
    });
    const base = parts(days, input.segmentId);
    const comparing = input.compareFrom || input.compareTo || input.compareSegmentId;
    if (!comparing) return [base, null];
    const otherDays = dayRange(
      { from: input.compareFrom ?? input.from, to: input.compareTo ?? input.to },
      nowMs,
    );
    return [base, parts(otherDays, compareAll ? undefined : (compareSegment ?? input.segmentId))];
  }

  private async requireSegments(projectId: string, ids: readonly (string | undefined)[]): Promise<void> {
    for (const id of ids)
      if (id && !(await this.store.segments.get(projectId, id)))
        throw new CentricError('not_found', `segment ${id} does not exist`);
  }
}

interface ScopeParts {
  scoped: Scoped;
  query: JourneyScope;
}
