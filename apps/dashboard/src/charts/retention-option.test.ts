// Checks the retention heatmap's cells: future periods left empty, sizes in their own column, and the
// difference of two matrices aligned by cohort.
import { describe, expect, it } from 'vitest';
import type { RetentionMatrix } from '../api/customer-analytics';
import { buildRetentionOption, differenceMatrix, offsetStart, retentionCells } from './retention-option';

const matrix: RetentionMatrix = {
  period: 'month',
  periods: 3,
  cohorts: [
    { start: '2025-01-01', size: 10, retained: [10, 4, 2], rates: [1, 0.4, 0.2] },
    { start: '2025-02-01', size: 5, retained: [5, 1, 0], rates: [1, 0.2, 0] },
  ],
};

describe('offsetStart', () => {
  it('adds days, weeks and months in UTC', () => {
    expect(offsetStart('2025-01-31', 'month', 1)).toBe('2025-02-01');
    expect(offsetStart('2025-03-03', 'week', 2)).toBe('2025-03-17');
    expect(offsetStart('2025-12-31', 'day', 1)).toBe('2026-01-01');
  });
});

describe('retentionCells', () => {
  it('leaves periods that have not started empty', () => {
    const cells = retentionCells(matrix, '2025-03-15');
    expect(cells.filter((c) => c.y === 1).map((c) => c.value)).toEqual([1, 0.2, null]);
    expect(cells.filter((c) => c.y === 0).map((c) => c.value)).toEqual([1, 0.4, 0.2]);
  });
});

describe('buildRetentionOption', () => {
  it('puts the cohort sizes in the first column and one row per cohort', () => {
    const option = buildRetentionOption(matrix, { today: '2030-01-01' });
    const series = option.series as { data: number[][] }[];
    expect(series[0]?.data).toEqual([
      [0, 0, 10],
      [0, 1, 5],
    ]);
    expect(series[1]?.data).toHaveLength(6);
    expect((option.yAxis as { data: string[] }).data).toEqual(['2025-01', '2025-02']);
  });
});

describe('differenceMatrix', () => {
  it('subtracts the base rates from the compared cohorts that both have', () => {
    const compare: RetentionMatrix = {
      period: 'month',
      periods: 2,
      cohorts: [
        { start: '2025-02-01', size: 2, retained: [2, 1], rates: [1, 0.5] },
        { start: '2025-04-01', size: 1, retained: [1, 0], rates: [1, 0] },
      ],
    };
    const diff = differenceMatrix(matrix, compare);
    expect(diff.periods).toBe(2);
    expect(diff.cohorts).toHaveLength(1);
    expect(diff.cohorts[0]?.rates[0]).toBe(0);
    expect(diff.cohorts[0]?.rates[1]).toBeCloseTo(0.3);
  });
});
