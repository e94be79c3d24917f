// Sankey shaping of path transitions: counts, shares, ends, "Other" merging, backward layout.
import { describe, expect, it } from 'vitest';
import { shapeSankey } from './sankey';

// Four sessions: Home > Product (ends), Home > Product > Cart, Home (bounce), Search > Product.
const forward = {
  sessions: 4,
  transitions: [
    { depth: 1, step: 'Home', next: 'Product', sessions: 2 },
    { depth: 1, step: 'Home', next: null, sessions: 1 },
    { depth: 1, step: 'Search', next: 'Product', sessions: 1 },
    { depth: 2, step: 'Product', next: null, sessions: 2 },
    { depth: 2, step: 'Product', next: 'Cart', sessions: 1 },
    { depth: 3, step: 'Cart', next: null, sessions: 1 },
  ],
};

describe('shapeSankey', () => {
  it('gives nodes per column with shares and ends, and links with both shares', () => {
    const s = shapeSankey(forward, { direction: 'forward', depth: 3, groupBy: 'event' });
    expect(s.nodes.map((n) => [n.id, n.sessions, n.share, n.ends, n.endShare])).toEqual([
      ['1|Home', 3, 75, 1, 33.33],
      ['1|Search', 1, 25, 0, 0],
      ['2|Product', 3, 75, 2, 66.67],
      ['3|Cart', 1, 25, 1, 100],
    ]);
    expect(s.links.map((l) => [l.source, l.target, l.sessions, l.share, l.ofNode])).toEqual([
      ['1|Home', '2|Product', 2, 50, 66.67],
      ['1|Search', '2|Product', 1, 25, 100],
      ['2|Product', '3|Cart', 1, 25, 33.33],
    ]);
  });

  it('does not link past the last column and merges rare steps into Other', () => {
    const s = shapeSankey(forward, {
      direction: 'forward',
      depth: 2,
      groupBy: 'event',
      maxNodesPerColumn: 1,
    });
    expect(s.nodes.map((n) => [n.id, n.label, n.sessions])).toEqual([
      ['1|(other)', 'Other', 4],
      ['2|Product', 'Product', 3],
    ]);
    expect(s.links).toEqual([
      { source: '1|(other)', target: '2|Product', sessions: 3, share: 75, ofNode: 75 },
    ]);
    // The Product node has one session going on to a third step: not an end.
    expect(s.nodes[1]!.ends).toBe(2);
  });

  it('lays backward paths out with the chosen step rightmost', () => {
    // To "Cart": Product > Cart (2 sessions, one began at Product), Home > Product > Cart... cut at depth 2.
    const s = shapeSankey(
      {
        sessions: 2,
        transitions: [
          { depth: 1, step: 'Cart', next: 'Product', sessions: 2 },
          { depth: 2, step: 'Product', next: null, sessions: 1 },
          { depth: 2, step: 'Product', next: 'Home', sessions: 1 },
        ],
      },
      { direction: 'backward', depth: 2, groupBy: 'event' },
    );
    expect(s.nodes.map((n) => [n.id, n.sessions, n.ends])).toEqual([
      ['1|Product', 2, 1],
      ['2|Cart', 2, 0],
    ]);
    expect(s.links).toEqual([
      { source: '1|Product', target: '2|Cart', sessions: 2, share: 100, ofNode: 100 },
    ]);
  });

  it('labels page types and category fallbacks', () => {
    const s = shapeSankey(
      { sessions: 1, transitions: [{ depth: 1, step: 'page:cart', next: null, sessions: 1 }] },
      { direction: 'forward', depth: 1, groupBy: 'category' },
    );
    expect(s.nodes[0]!.label).toBe('Cart');
    const p = shapeSankey(
      { sessions: 1, transitions: [{ depth: 1, step: 'confirmation', next: null, sessions: 1 }] },
      { direction: 'forward', depth: 1, groupBy: 'page_type' },
    );
    expect(p.nodes[0]!.label).toBe('Order confirmation');
  });
});
