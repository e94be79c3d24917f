// Shapes the store's path transitions into Sankey nodes and links with counts and percentages.
// One column per step position, so the same step at two positions is two nodes and the diagram
// stays acyclic. The least visited steps of a column merge into one "Other" node, because a
// Sankey with a hundred ribbons per column is unreadable.
//
// Forward paths (from the session start, or from a chosen step) run left to right; backward
// paths (to a chosen step) come from the store reversed, the chosen step first, and are laid
// out so that the chosen step is the rightmost column.
import type { PathGrouping } from '@centric/contracts';
import { percentOf } from '../kpis/customer-kpis';
import { PAGE_TYPE_LABELS } from './page-type';

/** Raw figures as the store answers them (see @centric/storage PathFigures). */
export interface PathInput {
  /** Sessions whose paths are counted. */
  sessions: number;
  /**
   * Per position d (1-based along the path; for backward paths counted back from the chosen
   * step), the step there and the step at d + 1 (null when the path ends at d).
   */
  transitions: readonly { depth: number; step: string; next: string | null; sessions: number }[];
}

export type PathDirection = 'forward' | 'backward';

export interface SankeyNode {
  /** Unique per column: `<column>|<step>`. */
  id: string;
  /** 1 = leftmost. */
  column: number;
  /** The step key as grouped ('Product Viewed', 'product', 'Garden', 'page:cart'); OTHER_STEP for merged ones. */
  step: string;
  label: string;
  sessions: number;
  /** Of all sessions of the analysis, in %. */
  share: number | null;
  /** Sessions whose visit ends here (forward) or begins here (backward). */
  ends: number;
  /** ends of this node's sessions, in %. */
  endShare: number | null;
}

export interface SankeyLink {
  source: string;
  target: string;
  sessions: number;
  /** Of all sessions, in %. */
  share: number | null;
  /** Of the sessions at the source node (forward) or at the target node (backward), in %. */
  ofNode: number | null;
}

export interface SankeyData {
  direction: PathDirection;
  depth: number;
  sessions: number;
  nodes: SankeyNode[];
  links: SankeyLink[];
}

export const OTHER_STEP = '(other)';
/** Prefix of steps that had no category when grouping by category: their page type follows. */
export const PAGE_STEP_PREFIX = 'page:';

export interface SankeyOptions {
  direction: PathDirection;
  depth: number;
  groupBy: PathGrouping;
  /** Nodes per column at most, "Other" included (default 8). */
  maxNodesPerColumn?: number;
}

/** A readable name for a step key. */
export function stepLabel(step: string, groupBy: PathGrouping): string {
  if (step === OTHER_STEP) return 'Other';
  const pageType = groupBy === 'page_type' ? step : step.startsWith(PAGE_STEP_PREFIX) ? step.slice(5) : null;
  if (pageType !== null && (groupBy === 'page_type' || groupBy === 'category'))
    return PAGE_TYPE_LABELS[pageType as keyof typeof PAGE_TYPE_LABELS] ?? pageType;
  return step;
}

/**
 * Sankey nodes and links from path transitions.
 *
 * @example shapeSankey({ sessions: 10, transitions }, { direction: 'forward', depth: 4, groupBy: 'event' })
 */
export function shapeSankey(input: PathInput, options: SankeyOptions): SankeyData {
  const { direction, depth, groupBy, maxNodesPerColumn = 8 } = options;
  const column = (d: number) => (direction === 'forward' ? d : depth - d + 1);
  const rows = input.transitions.filter((t) => t.depth >= 1 && t.depth <= depth);

  // Which steps keep their own node in each column: the most visited ones.
  const perColumn = new Map<number, Map<string, number>>();
  for (const t of rows) {
    const c = column(t.depth);
    const counts = perColumn.get(c) ?? new Map<string, number>();
    counts.set(t.step, (counts.get(t.step) ?? 0) + t.sessions);
    perColumn.set(c, counts);
  }
  const kept = new Map<number, Set<string>>();
  for (const [c, counts] of perColumn) {
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const keep = ranked.length > maxNodesPerColumn ? maxNodesPerColumn - 1 : ranked.length;
    kept.set(c, new Set(ranked.slice(0, keep).map(([s]) => s)));
  }
  const nodeKey = (c: number, step: string) => (kept.get(c)?.has(step) ? step : OTHER_STEP);
  const idOf = (c: number, step: string) => `${c}|${nodeKey(c, step)}`;

  const nodes = new Map<string, SankeyNode>();
  const links = new Map<string, SankeyLink>();
  for (const t of rows) {
    const c = column(t.depth);
    const id = idOf(c, t.step);
    let node = nodes.get(id);
    if (!node) {
      const step = nodeKey(c, t.step);
      node = {
        id,
        column: c,
        step,
        label: stepLabel(step, groupBy),
        sessions: 0,
        share: null,
        ends: 0,
        endShare: null,
      };
      nodes.set(id, node);
    }
    node.sessions += t.sessions;
    if (t.next === null) {
      node.ends += t.sessions;
      continue;
    }
    // The step after the last shown position is only there to tell "went on" from "ended".
    if (t.depth >= depth) continue;
    const other = idOf(column(t.depth + 1), t.next);
    const [source, target] = direction === 'forward' ? [id, other] : [other, id];
    const key = `${source}\n${target}`;
    const link = links.get(key) ?? { source, target, sessions: 0, share: null, ofNode: null };
    link.sessions += t.sessions;
    links.set(key, link);
  }
  for (const node of nodes.values()) {
    node.share = percentOf(node.sessions, input.sessions);
    node.endShare = percentOf(node.ends, node.sessions);
  }
  for (const link of links.values()) {
    link.share = percentOf(link.sessions, input.sessions);
    const base = nodes.get(direction === 'forward' ? link.source : link.target);
    link.ofNode = percentOf(link.sessions, base?.sessions ?? 0);
  }
  return {
    direction,
    depth,
    sessions: input.sessions,
    nodes: [...nodes.values()].sort((a, b) => a.column - b.column || b.sessions - a.sessions),
    links: [...links.values()].sort((a, b) => b.sessions - a.sessions),
  };
}
