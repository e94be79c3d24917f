// Prints a parsed rule back as text in one canonical spelling: what the builder shows for a
// rule made from parts, and the check (parse ∘ format = identity) that the grammar and the AST
// agree.
import type {
  SegmentEventField,
  SegmentEventFilter,
  SegmentExpr,
  SegmentLiteral,
  SegmentTest,
  SegmentWindow,
} from '@centric/contracts';

const UNITS: readonly [string, number][] = [
  ['weeks', 604_800_000],
  ['days', 86_400_000],
  ['hours', 3_600_000],
  ['minutes', 60_000],
];

type Node = SegmentExpr | SegmentEventFilter;
const precedence = (n: Node): number => (n.kind === 'or' ? 1 : n.kind === 'and' ? 2 : 3);

/** @example formatSegment(parseSegment('orders>=2  AND last_order>90 days ago')) // 'orders >= 2 and last_order > 90 days ago' */
export function formatSegment(expr: SegmentExpr): string {
  return node(expr);
}

function node(n: Node): string {
  const child = (c: Node, min: number) => (precedence(c) < min ? `(${node(c)})` : node(c));
  switch (n.kind) {
    case 'and':
    case 'or':
      // Same-kind children are bracketed too, so the printed rule parses to the same tree.
      return n.items.map((c) => child(c, precedence(n) + 1)).join(` ${n.kind} `);
    case 'not':
      return `not ${child(n.item, 3)}`;
    case 'trait':
      return `${n.field} ${test(n.test)}`;
    case 'session':
      return `${n.field === 'cart_value' ? 'cart_value' : `session.${n.field}`} ${test(n.test)}`;
    case 'field':
      return `${field(n.field)} ${test(n.test)}`;
    case 'aggregate': {
      const where = n.where ? node(n.where) : '';
      const suffix = window(n.window);
      if (n.fn === 'count' && n.test.op === '>' && n.test.value === 0) return `exists(${where})${suffix}`;
      const inner = n.of ? `${field(n.of)}${where ? ` of ${where}` : ''}` : where;
      return `${n.fn}(${inner})${suffix} ${n.test.op} ${literal(n.test.value)}`;
    }
  }
}

function field(f: SegmentEventField): string {
  if ('column' in f) return f.column;
  return f.property === 'price' && f.as === 'number' ? 'price' : `properties.${f.property}`;
}

function window(w: SegmentWindow): string {
  if (w.kind === 'within') return ` within ${duration(w.ms)}`;
  if (w.kind === 'session') return ' in session';
  return '';
}

function test(t: SegmentTest): string {
  switch (t.op) {
    case 'in':
    case 'not in':
      return `${t.op} (${t.values.map(literal).join(', ')})`;
    case 'contains':
      return `contains ${literal(t.value)}`;
    case 'is null':
    case 'is not null':
      return t.op;
    case 'ago':
      return `${t.compare} ${duration(t.ms)} ago`;
    default:
      return `${t.op} ${literal(t.value)}`;
  }
}

function duration(ms: number): string {
  const whole = UNITS.find(([, size]) => ms % size === 0 && ms > 0);
  if (whole) return `${ms / whole[1]} ${whole[0]}`;
  return `${ms / 60_000} minutes`;
}

function literal(v: SegmentLiteral): string {
  if (typeof v === 'number') return String(v);
  return `"${v
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')}"`;
}
