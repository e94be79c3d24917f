// Shapes the store's funnel counts into the report every surface shows: per step the entities
// that reached it, the conversion from the step before and from the start, the drop-off and the
// time it took; time-to-convert; conversion per breakdown value; the change against the
// previous period. Rates are in % (as in kpis/), times in milliseconds.
//
// Optional steps are measured against the last required step before them and never count as
// a drop-off: entities that skip them go on to the next required step.
import type { FunnelBreakdown, FunnelStep } from '@centric/contracts';
import { percentOf } from '../kpis/customer-kpis';
import { lastRequiredStep, previousRequiredStep } from './funnel-steps';
import { CHANNEL_LABELS } from './marketing-channel';

/** Quantiles of durations in milliseconds. */
export interface DurationQuantiles {
  p25: number;
  median: number;
  p75: number;
  p90: number;
  mean: number;
}

/** Raw figures of one group as the store answers them (see @centric/storage FunnelFigures). */
export interface FunnelGroupInput {
  /** Breakdown value; null for all entrants. */
  value: string | null;
  /** reached[i]: entities that reached step i. */
  reached: readonly number[];
  /** Per step: time from the last required step before it; null for step 0 or when nobody reached it. */
  fromPrevious: readonly (DurationQuantiles | null)[];
  /** Time from the first to the last required step, over those who converted. */
  toConvert: DurationQuantiles | null;
}

export interface FunnelInput {
  /** The group with value null (all entrants) first, then one per breakdown value. */
  groups: readonly FunnelGroupInput[];
}

export interface FunnelStepReport {
  index: number;
  label: string;
  optional: boolean;
  reached: number;
  /** reached / reached at the last required step before, in %. */
  conversionFromPrevious: number | null;
  /** reached / entrants, in %. */
  conversionFromStart: number | null;
  /** Entities lost since the last required step before (0 for optional steps). */
  dropOff: number;
  timeFromPrevious: DurationQuantiles | null;
}

export interface FunnelSummary {
  entrants: number;
  converted: number;
  conversionRate: number | null;
  timeToConvert: DurationQuantiles | null;
}

export interface FunnelBreakdownGroup extends FunnelSummary {
  value: string;
  label: string;
  reached: number[];
  /** Per step, reached / entrants in %. */
  conversionFromStart: (number | null)[];
}

export interface FunnelComparison extends FunnelSummary {
  reached: number[];
  /** Current minus previous conversion rate, in percentage points. */
  conversionRateChange: number | null;
  /** Relative change of entrants and of converted, in %. */
  entrantsChange: number | null;
  convertedChange: number | null;
}

export interface FunnelReport extends FunnelSummary {
  steps: FunnelStepReport[];
  breakdown: { dimension: FunnelBreakdown; groups: FunnelBreakdownGroup[]; hidden: number } | null;
  previous: FunnelComparison | null;
}

export interface FunnelReportOptions {
  steps: readonly FunnelStep[];
  breakdown?: FunnelBreakdown | undefined;
  /** The same funnel over the previous period. */
  previous?: FunnelInput | undefined;
  /** Breakdown values shown at most, by entrants (default 20). */
  maxGroups?: number;
}

const EMPTY: FunnelGroupInput = { value: null, reached: [], fromPrevious: [], toConvert: null };

/**
 * The funnel report.
 *
 * @example funnelReport(figures, { steps: parseSteps('Product Viewed,Product Added?,Order Completed') })
 */
export function funnelReport(input: FunnelInput, options: FunnelReportOptions): FunnelReport {
  const { steps, breakdown, previous, maxGroups = 20 } = options;
  const total = input.groups.find((g) => g.value === null) ?? EMPTY;
  const summary = summarise(total, steps);
  const stepReports = steps.map((s, i): FunnelStepReport => {
    const reached = total.reached[i] ?? 0;
    const prev = previousRequiredStep(steps, i);
    const base = prev === null ? reached : (total.reached[prev] ?? 0);
    return {
      index: i,
      label: s.label,
      optional: s.optional,
      reached,
      conversionFromPrevious: prev === null ? percentOf(reached, reached) : percentOf(reached, base),
      conversionFromStart: percentOf(reached, summary.entrants),
      dropOff: s.optional || prev === null ? 0 : Math.max(0, base - reached),
      timeFromPrevious: total.fromPrevious[i] ?? null,
    };
  });
  let breakdownReport: FunnelReport['breakdown'] = null;
  if (breakdown) {
    const all = input.groups
      .filter((g): g is FunnelGroupInput & { value: string } => g.value !== null)
      .map((g) => {
        const s = summarise(g, steps);
        const reached = steps.map((_, i) => g.reached[i] ?? 0);
        return {
          ...s,
          value: g.value,
          label: breakdownLabel(breakdown, g.value),
          reached,
          conversionFromStart: reached.map((r) => percentOf(r, s.entrants)),
        };
      })
      .sort((a, b) => b.entrants - a.entrants || a.value.localeCompare(b.value));
    breakdownReport = {
      dimension: breakdown,
      groups: all.slice(0, maxGroups),
      hidden: Math.max(0, all.length - maxGroups),
    };
  }
  return {
    ...summary,
    steps: stepReports,
    breakdown: breakdownReport,
    previous: previous ? compareWithPrevious(summary, previous, steps) : null,
  };
}

function summarise(g: FunnelGroupInput, steps: readonly FunnelStep[]): FunnelSummary {
  const entrants = g.reached[0] ?? 0;
  const converted = g.reached[lastRequiredStep(steps)] ?? 0;
  return { entrants, converted, conversionRate: percentOf(converted, entrants), timeToConvert: g.toConvert };
}

function compareWithPrevious(
  current: FunnelSummary,
  previous: FunnelInput,
  steps: readonly FunnelStep[],
): FunnelComparison {
  const total = previous.groups.find((g) => g.value === null) ?? EMPTY;
  const before = summarise(total, steps);
  return {
    ...before,
    reached: steps.map((_, i) => total.reached[i] ?? 0),
    conversionRateChange:
      current.conversionRate === null || before.conversionRate === null
        ? null
        : Math.round((current.conversionRate - before.conversionRate) * 100) / 100,
    entrantsChange: relativeChange(current.entrants, before.entrants),
    convertedChange: relativeChange(current.converted, before.converted),
  };
}

/** (now - before) / before in %, null when there was nothing before. */
export function relativeChange(now: number, before: number): number | null {
  return before > 0 ? Math.round(((now - before) / before) * 10_000) / 100 : null;
}

/** A readable name for a breakdown value. */
export function breakdownLabel(dimension: FunnelBreakdown, value: string): string {
  if (dimension === 'marketing_channel') return CHANNEL_LABELS[value as keyof typeof CHANNEL_LABELS] ?? value;
  if (value === '') return dimension === 'category' ? '(no category)' : '(none)';
  return value;
}
