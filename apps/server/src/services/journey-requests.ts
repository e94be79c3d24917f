// The request side of the journey API, shared by JourneyService and its callers: step texts,
// conversion windows, the period before, day ranges, and store refusals turned into the API's
// invalid_query errors.
import { journeys } from '@centric/analyses';
import type { FunnelStep } from '@centric/contracts';
import { type DayRange, resolveDayRange, toInstantRange } from '@centric/core';
import type { JourneyScope } from '@centric/storage';
import { CentricError } from '../errors';

const DAY_MS = 86_400_000;

/** A funnel step: its text form (see funnel-steps.ts), optionally with a label and an optional flag. */
export type StepRequest =
  | string
  | { match: string; label?: string | undefined; optional?: boolean | undefined };

/** The store's scope of a day range, optionally narrowed to a segment or to profiles. */
export function scopeQuery({
  projectId,
  range,
  segmentId,
  profileIds,
}: {
  projectId: string;
  range: DayRange;
  segmentId?: string | undefined;
  profileIds?: readonly string[] | undefined;
}): JourneyScope {
  return {
    projectId,
    range: toInstantRange(range),
    ...(segmentId ? { segmentId } : {}),
    ...(profileIds ? { profileIds } : {}),
  };
}

/** Steps from their text (one comma-separated string, or one entry per step). */
export function parseStepRequests(steps: string | readonly StepRequest[]): FunnelStep[] {
  try {
    if (typeof steps === 'string') return journeys.parseSteps(steps);
    const parsed = steps.map((s) =>
      typeof s === 'string'
        ? journeys.parseStep(s)
        : journeys.parseStep(s.match, {
            ...(s.label ? { label: s.label } : {}),
            ...(s.optional !== undefined ? { optional: s.optional } : {}),
          }),
    );
    journeys.validateSteps(parsed);
    return parsed;
  } catch (error) {
    throw new CentricError('invalid_query', (error as Error).message);
  }
}

/** '30m', '24h', '7d' in milliseconds. */
export function parseWindow(text: string): number {
  const match = /^(\d{1,4})\s*(m|h|d)$/.exec(text.trim());
  if (!match)
    throw new CentricError(
      'invalid_query',
      `the window is minutes, hours or days like 30m, 24h, 7d; got "${text}"`,
    );
  const n = Number(match[1]);
  const ms = n * { m: 60_000, h: 3_600_000, d: DAY_MS }[match[2] as 'm' | 'h' | 'd'];
  if (n < 1 || ms > 366 * DAY_MS)
    throw new CentricError('invalid_query', 'the window is 1 minute .. 366 days');
  return ms;
}

/** The period of the same length just before. */
export function previousPeriod(days: DayRange): DayRange {
  const start = Date.parse(`${days.from}T00:00:00Z`);
  const length = Date.parse(`${days.to}T00:00:00Z`) - start + DAY_MS;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: day(start - length), to: day(start - DAY_MS) };
}

export function dayRange(
  input: { from?: string | undefined; to?: string | undefined },
  nowMs: number,
): DayRange {
  try {
    return resolveDayRange(
      { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
      nowMs,
    );
  } catch (error) {
    throw new CentricError('invalid_query', (error as Error).message);
  }
}

/** The store refuses impossible queries (depth, window ...) with a RangeError: the caller's to fix. */
export async function invalidAsQuery<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RangeError) throw new CentricError('invalid_query', error.message);
    throw error;
  }
}
