// The retention heatmap: cohorts × period offset, coloured by the share of the cohort active, with a
// cohort size column. `data-cohorts` carries the number of cohorts for tests and scripts.
import { useMemo } from 'react';
import type { RetentionMatrix } from '../api/customer-analytics';
import { todayUtc } from '../dates/range';
import { Chart } from './chart';
import { buildRetentionOption } from './retention-option';

interface Props {
  matrix: RetentionMatrix;
  kind?: 'rate' | 'difference';
  testId?: string;
  label: string;
}

const ROW_PX = 30;
const CHROME_PX = 110;

export function RetentionHeatmap({ matrix, kind = 'rate', testId = 'retention-heatmap', label }: Props) {
  const option = useMemo(() => buildRetentionOption(matrix, { today: todayUtc(), kind }), [matrix, kind]);
  const height = Math.max(220, CHROME_PX + ROW_PX * matrix.cohorts.length);
  return (
    <Chart
      option={option}
      className="chart heatmap"
      style={{ height }}
      data-testid={testId}
      data-cohorts={matrix.cohorts.length}
      data-periods={matrix.periods}
      role="img"
      aria-label={`${label}: heatmap of ${matrix.cohorts.length} cohorts over ${matrix.periods} ${matrix.period}s.`}
    />
  );
}
