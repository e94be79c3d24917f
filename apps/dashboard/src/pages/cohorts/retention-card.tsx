// One retention heatmap in a card, with its title, the definition of what a cell means, and a line
// for a range without any cohort.
import { RetentionHeatmap } from '../../charts/retention-heatmap';
import type { HeatmapData } from '../../charts/retention-option';

interface Props {
  title: string;
  definition: string;
  data: HeatmapData;
  testId: string;
}

export function RetentionCard({ title, definition, data, testId }: Props) {
  return (
    <section className="card chart-card" aria-label={title}>
      <h2>{title}</h2>
      {data.cohorts.length === 0 ? (
        <p className="muted" data-testid={`${testId}-empty`}>
          No cohort with customers starts in this range.
        </p>
      ) : (
        <RetentionHeatmap data={data} label={title} testId={testId} />
      )}
      <p className="hint">{definition}</p>
    </section>
  );
}
