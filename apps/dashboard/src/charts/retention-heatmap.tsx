// A retention heatmap: cohorts × period offset, coloured by the share of the cohort active (or by the
// difference between two matrices), with a cohort size column. `data-cohorts` carries the number of
// cohort rows shown (without the average row) for tests and scripts.
import { useMemo } from 'react';
import { Chart } from './chart';
import { buildRetentionOption, type HeatmapData } from './retention-option';

interface Props {
  data: HeatmapData;
  label: string;
  testId: string;
}

const ROW_PX = 30;
const CHROME_PX = 100;

export function RetentionHeatmap({ data, label, testId }: Props) {
  const option = useMemo(() => buildRetentionOption(data), [data]);
  const rows = data.cohorts.length + (data.average === null ? 0 : 1);
  return (
    <Chart
      option={option}
      className="chart heatmap"
      style={{ height: Math.max(200, CHROME_PX + ROW_PX * rows) }}
      data-testid={testId}
      data-cohorts={data.cohorts.length}
      data-periods={data.periods}
      data-kind={data.kind}
      role="img"
      aria-label={`${label}: heatmap of ${data.cohorts.length} cohorts over ${data.periods} ${data.period}s.`}
    />
  );
}
