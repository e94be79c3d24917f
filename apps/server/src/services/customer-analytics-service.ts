// Cohorts, retention and customer KPIs as the API and the CLI see them: days and defaults in,
// the store's raw figures through, rates and definitions out (packages/analyses), so both
// surfaces answer the same way.
import { cohorts, kpis } from '@centric/analyses';
import { resolveDayRange, toInstantRange } from '@centric/core';
import type { CohortActivity, CohortBasis, CohortPeriod, Store } from '@centric/storage';
import { CentricError } from '../errors';

export const DEFAULT_ACTIVITY_WINDOW_DAYS = 365;
const DEFAULT_RETENTION_PERIODS = 12;

export interface RetentionRequest {
  cohortBy?: CohortBasis | undefined;
  activity?: CohortActivity | undefined;
  period?: CohortPeriod | undefined;
  /** First and last day (UTC, inclusive) in which cohorts start. */
  from?: string | undefined;
  to?: string | undefined;
  periods?: number | undefined;
  /** The segment entered (segment_entry), else only its members. */
  segmentId?: string | undefined;
  /** A second matrix for this segment, compared with the first. */
  compareSegmentId?: string | undefined;
}

export interface RetentionReport {
  from: string;
  to: string;
  segmentId: string | null;
  matrix: cohorts.RetentionMatrix;
  /** Present when a compare segment was asked for. */
  comparison: (cohorts.RetentionComparison & { segmentId: string; matrix: cohorts.RetentionMatrix }) | null;
}

export interface CustomerKpiRequest {
  from?: string | undefined;
  to?: string | undefined;
  period?: 'week' | 'month' | undefined;
  segmentId?: string | undefined;
  lifecycleStage?: string | undefined;
  activityWindowDays?: number | undefined;
}

export interface CustomerKpiReport extends kpis.CustomerKpis {
  from: string;
  to: string;
  period: 'week' | 'month' | null;
  segmentId: string | null;
  lifecycleStage: string | null;
}

export class CustomerAnalyticsService {
  constructor(private readonly store: Store) {}

  /**
   * @example await analytics.retention(projectId, { cohortBy: 'first_order', period: 'month', periods: 12 })
   */
  async retention(projectId: string, input: RetentionRequest, nowMs = Date.now()): Promise<RetentionReport> {
    const cohortBy = input.cohortBy ?? 'first_order';
    const activity = input.activity ?? 'order';
    const period = input.period ?? 'month';
    const periods = input.periods ?? DEFAULT_RETENTION_PERIODS;
    if (cohortBy === 'segment_entry' && !input.segmentId)
      throw new CentricError('invalid_query', 'cohorts by segment entry need a segment');
    // By default the cohorts of the last `periods` periods up to `to`, its own included.
    const toDay = dayRange({ to: input.to }, nowMs).to;
    const lastStart = cohorts.periodStart(Date.parse(`${toDay}T00:00:00Z`), period);
    const defaultFrom = dayText(Math.max(0, cohorts.addPeriods(lastStart, period, 1 - periods)));
    const days = dayRange({ from: input.from ?? defaultFrom, to: toDay }, nowMs);
    const range = toInstantRange(days);
    await this.requireSegments(projectId, [input.segmentId, input.compareSegmentId]);
    const matrixFor = async (segmentId: string | undefined) => {
      const figures = await invalidAsQuery(() =>
        this.store.analytics.retention({
          projectId,
          cohortBy,
          activity,
          period,
          range,
          periods,
          ...(segmentId ? { segmentId } : {}),
        }),
      );
      return cohorts.retentionMatrix(figures, { cohortBy, activity, range, asOfMs: nowMs });
    };
    const matrix = await matrixFor(input.segmentId);
    let comparison: RetentionReport['comparison'] = null;
    if (input.compareSegmentId) {
      const other = await matrixFor(input.compareSegmentId);
      const label = (id: string | undefined) => (id ? `segment ${id}` : 'all customers');
      comparison = {
        segmentId: input.compareSegmentId,
        matrix: other,
        ...cohorts.compareRetention(matrix, other, {
          a: label(input.segmentId),
          b: label(input.compareSegmentId),
        }),
      };
    }
    return { ...days, segmentId: input.segmentId ?? null, matrix, comparison };
  }

  /**
   * @example await analytics.customerKpis(projectId, { from: '2026-01-01', to: '2026-12-31', period: 'month' })
   */
  async customerKpis(
    projectId: string,
    input: CustomerKpiRequest,
    nowMs = Date.now(),
  ): Promise<CustomerKpiReport> {
    const days = dayRange(input, nowMs);
    const activityWindowDays = input.activityWindowDays ?? DEFAULT_ACTIVITY_WINDOW_DAYS;
    if (!Number.isInteger(activityWindowDays) || activityWindowDays < 1 || activityWindowDays > 3650)
      throw new CentricError('invalid_query', 'the activity window is a whole number of days, 1..3650');
    await this.requireSegments(projectId, [input.segmentId]);
    const figures = await invalidAsQuery(() =>
      this.store.analytics.customerKpis({
        projectId,
        range: toInstantRange(days),
        period: input.period ?? null,
        activityWindowDays,
        ...(input.segmentId ? { segmentId: input.segmentId } : {}),
        ...(input.lifecycleStage ? { lifecycleStage: input.lifecycleStage } : {}),
      }),
    );
    return {
      ...days,
      period: input.period ?? null,
      segmentId: input.segmentId ?? null,
      lifecycleStage: input.lifecycleStage ?? null,
      ...kpis.customerKpis(figures),
    };
  }

  private async requireSegments(projectId: string, ids: readonly (string | undefined)[]): Promise<void> {
    for (const id of ids)
      if (id && !(await this.store.segments.get(projectId, id)))
        throw new CentricError('not_found', `segment ${id} does not exist`);
  }
}

/** The store refuses impossible queries (too many periods ...) with a RangeError: the caller's to fix. */
async function invalidAsQuery<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RangeError) throw new CentricError('invalid_query', error.message);
    throw error;
  }
}

function dayRange(input: { from?: string | undefined; to?: string | undefined }, nowMs: number) {
  try {
    return resolveDayRange(
      { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
      nowMs,
    );
  } catch (error) {
    throw new CentricError('invalid_query', (error as Error).message);
  }
}

function dayText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
