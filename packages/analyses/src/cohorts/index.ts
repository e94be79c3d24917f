// Cohorts and retention: the retention matrix (heatmap) from the store's counts, the comparison
// of two matrices, and the calendar periods they are built on. Pure functions, no I/O.

export { type ComparedCohort, compareRetention, type RetentionComparison } from './cohort-comparison';
export {
  addPeriods,
  type CohortPeriod,
  periodLabel,
  periodStart,
  periodStarts,
} from './cohort-periods';
export {
  type CohortActivity,
  type CohortBasis,
  type RetentionInput,
  type RetentionMatrix,
  type RetentionMatrixOptions,
  type RetentionRow,
  retentionDefinition,
  retentionMatrix,
} from './retention-matrix';
