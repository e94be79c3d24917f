// Checks the retention heatmap data: empty cohorts left out, sizes in their own column, unobserved
// periods left empty, an average row, and the difference heatmap of a comparison.
import { describe, expect, it } from 'vitest';
import type { RetentionComparison, RetentionMatrix } from '../api/customer-analytics';
import { buildRetentionOption, differenceHeatmap, heatmapCells, rateHeatmap } from './retention-option';

const matrix: RetentionMatrix = {
  cohortBy: 'first_order',
  activity: 'order',
  period: 'month',
  periods: 3,
  cohorts: [
    { label: '2025-01', start: '2025-01-01', size: 10, active: [10, 4, 2], rates: [1, 0.4, 0.2] },
    { label: '2025-02', start: '2025-02-01', size: 0, active: [0, 0, null], rates: [null, null, null] },
    { label: '2025-03', start: '2025-03-01', size: 5, active: [5, 1, null], rates: [1, 0.2, null] },
  ],
  average: [1, 1 / 3, 0.2],
  definition: 'Cohorts by first order.',
};

describe('rateHeatmap', () => {
  it('leaves out empty cohorts and adds the average row', () => {
    const data = rateHeatmap(matrix);
    expect(data.cohorts.map((c) => c.label)).toEqual(['2025-01', '2025-03']);
    expect(data.average).toMatchObject({ label: 'Average', size: 15 });
  });

  it('puts sizes in column 0 and skips periods not begun', () => {
    const { sizes, values } = heatmapCells(rateHeatmap(matrix));
    expect(sizes).toEqual([
      [0, 0, 10],
      [0, 1, 5],
      [0, 2, 15],
    ]);
    expect(values.filter((c) => c[1] === 1)).toEqual([
      [1, 1, 1],
      [2, 1, 0.2],
    ]);
  });

  it('builds one y label per row, oldest first', () => {
    const option = buildRetentionOption(rateHeatmap(matrix));
    expect((option.yAxis as { data: string[] }).data).toEqual(['2025-01', '2025-03', 'Average']);
    expect((option.xAxis as { data: string[] }).data).toEqual(['Size', 'M0', 'M1', 'M2']);
  });
});

describe('differenceHeatmap', () => {
  it('keeps cohorts with customers on either side', () => {
    const comparison: RetentionComparison = {
      segmentId: 'seg_1',
      matrix,
      difference: [
        { label: '2025-01', start: '2025-01-01', sizeA: 10, sizeB: 2, difference: [0, 0.1, -0.2] },
        { label: '2025-02', start: '2025-02-01', sizeA: 0, sizeB: 0, difference: [null, null, null] },
      ],
      averageDifference: [0, 0.1, -0.2],
      definition: 'B − A.',
    };
    const data = differenceHeatmap(comparison);
    expect(data.kind).toBe('difference');
    expect(data.cohorts.map((c) => [c.label, c.size])).toEqual([['2025-01', 2]]);
    expect(data.average).toBeNull();
  });
});
