// The Sankey of paths and the funnel chart. `data-sessions`, `data-nodes` and `data-steps` carry
// what is drawn for tests and scripts, since the canvas itself cannot be read.
import { useMemo } from 'react';
import type { FunnelStepRow, SankeyData } from '../api/journeys';
import { Chart } from './chart';
import { buildFunnelOption, buildSankeyOption } from './journey-options';

const NODE_PX = 34;

export function PathsSankey({
  sankey,
  label,
  testId = 'paths-sankey',
}: {
  sankey: SankeyData;
  label: string;
  testId?: string;
}) {
  const option = useMemo(() => buildSankeyOption(sankey), [sankey]);
  const tallest = Math.max(
    1,
    ...[...Array(sankey.depth).keys()].map((c) => sankey.nodes.filter((n) => n.column === c + 1).length),
  );
  return (
    <Chart
      option={option}
      className="chart"
      style={{ height: Math.max(260, 40 + NODE_PX * tallest) }}
      data-testid={testId}
      data-sessions={sankey.sessions}
      data-nodes={sankey.nodes.length}
      data-links={sankey.links.length}
      role="img"
      aria-label={`${label}: paths of ${sankey.sessions} sessions over ${sankey.depth} steps.`}
    />
  );
}

export function FunnelChart({
  steps,
  label,
  testId,
}: {
  steps: readonly FunnelStepRow[];
  label: string;
  testId: string;
}) {
  const option = useMemo(() => buildFunnelOption(steps), [steps]);
  return (
    <Chart
      option={option}
      className="chart"
      style={{ height: Math.max(220, 60 * steps.length) }}
      data-testid={testId}
      data-steps={steps.length}
      data-reached={steps.map((s) => s.reached).join(',')}
      role="img"
      aria-label={`${label}: ${steps.map((s) => `${s.label} ${s.reached}`).join(', ')}.`}
    />
  );
}
