// Builds the ECharts options of the journey charts (pure, so they are unit-tested): the Sankey
// of paths, one column per step with counts and percentages in labels and tooltips, and the
// funnel of steps in their own order, optional steps paler, each with its share of entrants.
import type { FunnelStepRow, SankeyData } from '../api/journeys';
import type { ChartOption } from './echarts-setup';

const PALETTE = ['#4c6ef5', '#2f9e62', '#f08c00', '#ae3ec9', '#1098ad', '#e8590c', '#5c7cfa', '#74b816'];
const OTHER_COLOUR = '#b8bfcc';

/** "12.5 %"; "—" where there is nothing to divide by. */
export function percentText(value: number | null): string {
  return value === null ? '—' : `${value.toFixed(1)} %`;
}

/** A colour per step key, the same in every column, grey for "Other". */
function colourOf(step: string, keys: Map<string, number>): string {
  if (step === '(other)') return OTHER_COLOUR;
  if (!keys.has(step)) keys.set(step, keys.size);
  return PALETTE[keys.get(step)! % PALETTE.length]!;
}

/**
 * The Sankey of paths: node names are the unique node ids; labels show the step and its share.
 *
 * @example buildSankeyOption(report.sankey)
 */
export function buildSankeyOption(sankey: SankeyData): ChartOption {
  const byId = new Map(sankey.nodes.map((n) => [n.id, n]));
  const keys = new Map<string, number>();
  const ends = sankey.direction === 'forward' ? 'left here' : 'began here';
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { dataType?: string; data?: { source?: string; target?: string; name?: string } };
        if (p.dataType === 'edge' && p.data?.source && p.data.target) {
          const link = sankey.links.find((l) => l.source === p.data!.source && l.target === p.data!.target);
          const from = byId.get(p.data.source)?.label ?? '';
          const to = byId.get(p.data.target)?.label ?? '';
          return link
            ? `${from} → ${to}<br/>${link.sessions} sessions · ${percentText(link.share)} of all · ${percentText(link.ofNode)} of the step`
            : '';
        }
        const node = p.data?.name ? byId.get(p.data.name) : undefined;
        return node
          ? `Step ${node.column}: ${node.label}<br/>${node.sessions} sessions · ${percentText(node.share)}<br/>${percentText(node.endShare)} ${ends}`
          : '';
      },
    },
    series: [
      {
        type: 'sankey',
        left: 8,
        right: 120,
        top: 8,
        bottom: 8,
        nodeGap: 10,
        nodeAlign: sankey.direction === 'forward' ? 'left' : 'right',
        emphasis: { focus: 'adjacency' },
        lineStyle: { color: 'gradient', opacity: 0.35 },
        label: {
          formatter: (params: unknown) => {
            const node = byId.get((params as { name: string }).name);
            return node ? `${node.label} ${percentText(node.share)}` : '';
          },
          fontSize: 11,
        },
        data: sankey.nodes.map((n) => ({
          name: n.id,
          value: n.sessions,
          depth: n.column - 1,
          itemStyle: { color: colourOf(n.step, keys) },
        })),
        links: sankey.links.map((l) => ({ source: l.source, target: l.target, value: l.sessions })),
      },
    ],
  };
}

/**
 * The funnel of steps in their order (not sorted by size), labelled with reach and share.
 *
 * @example buildFunnelOption(report.steps)
 */
export function buildFunnelOption(steps: readonly FunnelStepRow[]): ChartOption {
  const top = Math.max(1, ...steps.map((s) => s.reached));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const step = steps[(params as { dataIndex: number }).dataIndex];
        return step
          ? `${step.label}${step.optional ? ' (optional)' : ''}<br/>${step.reached} · ${percentText(step.conversionFromStart)} of entrants · ${percentText(step.conversionFromPrevious)} of the step before`
          : '';
      },
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        min: 0,
        max: top,
        minSize: '8%',
        gap: 2,
        left: '4%',
        width: '56%',
        // Labels beside the funnel: the narrow end would cut them off inside.
        label: { position: 'right', formatter: '{b}', fontSize: 12, color: '#1f2430' },
        labelLine: { show: true, length: 12 },
        data: steps.map((s, i) => ({
          name: `${s.label}: ${s.reached} (${percentText(s.conversionFromStart)})`,
          value: s.reached,
          itemStyle: { color: PALETTE[i % PALETTE.length], opacity: s.optional ? 0.45 : 1 },
        })),
      },
    ],
  };
}
