// Compiles a parsed segment rule (the AST of @centric/contracts) to the SQL that lists its
// members in the store (batch: analyses, exports, membership history). Pure: no I/O. It must
// answer exactly what the in-memory evaluator of @centric/analyses answers for each profile; the
// DuckDB segment store test checks the two against each other, so change both together.
//
// Members are drawn from every profile with an event or a traits row. Behaviour counts only
// events up to `now`; every test is wrapped so that a missing value makes it false, never
// unknown, which keeps `not` two-valued as it is in memory.
import type {
  SegmentCompare,
  SegmentEventField,
  SegmentEventFilter,
  SegmentExpr,
  SegmentLiteral,
  SegmentSessionField,
  SegmentTest,
  SegmentTraitField,
  SegmentWindow,
} from '@centric/contracts';
import type { CompiledQuery, Dialect } from './dialect';
import { resolvedEventsSql } from './resolved-events';

const ORDER_COMPLETED = 'Order Completed';

/** Trait columns of profile_traits; counting traits read 0 when a profile has no row. */
const TRAIT_COLUMNS: Readonly<Record<SegmentTraitField, string>> = {
  orders: 'coalesce(t.orders, 0)',
  revenue: 'coalesce(t.revenue, 0)',
  events: 'coalesce(t.events, 0)',
  sessions: 'coalesce(t.sessions, 0)',
  average_order_value: 't.average_order_value',
  rfm_recency: 't.rfm_recency',
  rfm_frequency: 't.rfm_frequency',
  rfm_monetary: 't.rfm_monetary',
  historic_clv: 't.historic_clv',
  predicted_clv: 't.predicted_clv',
  churn_probability: 't.churn_probability',
  expected_purchases_52w: 't.expected_purchases_52w',
  rfm_segment: 't.rfm_segment',
  lifecycle_stage: 't.lifecycle_stage',
  first_seen: 't.first_seen',
  last_seen: 't.last_seen',
  first_order: 't.first_order_at',
  last_order: 't.last_order_at',
  channels: 't.channels',
  // Saved persona ids, comma-separated, from persona_members (joined only when a rule uses it).
  personas: 'pa.personas',
};

/** What reading JSON properties takes beyond the shared dialect; one entry per backend. */
interface JsonSql {
  /** A property of a JSON column as text (numbers and booleans in their JSON spelling). */
  text(column: string, key: string): string;
  /** Whether a text matches a regular expression in full. */
  fullMatch(expr: string, pattern: string): string;
  /** Whether a comma-separated list holds a value. */
  csvContains(csv: string, valueSql: string): string;
  /** Whether a text holds a part. */
  contains(text: string, partSql: string): string;
}

const duckdbJson: JsonSql = {
  text: (column, key) => `json_extract_string(${column}, '$."${key}"')`,
  fullMatch: (expr, pattern) => `regexp_full_match(${expr}, '${pattern}')`,
  csvContains: (csv, v) => `list_contains(string_split(nullif(${csv}, ''), ','), ${v})`,
  contains: (text, part) => `contains(${text}, ${part})`,
};
const JSON_SQL: Readonly<Record<string, JsonSql>> = { duckdb: duckdbJson, ansi: duckdbJson };

/** The numeric text the in-memory evaluator accepts (its NUMERIC_TEXT), so both read the same. */
const NUMERIC_TEXT = '[ \\t\\n\\r]*[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?[ \\t\\n\\r]*';

/**
 * The members of a rule at `now`: one column, profile_id, unordered.
 *
 * @example buildSegmentMembersQuery(ast, { projectId: 'prj_1', now: Date.now() }, duckdbDialect)
 */
export function buildSegmentMembersQuery(
  expr: SegmentExpr,
  input: { projectId: string; now: number },
  d: Dialect,
): CompiledQuery {
  const b = new SegmentSql(d, Math.floor(input.now));
  const where = b.expr(expr);
  const p = d.param('projectId', 'string');
  const nowTs = d.timestampFromMs(d.param('now', 'int'));
  const ctes = [
    `universe AS (
  SELECT DISTINCT profile_id FROM ${resolvedEventsSql(d, { projectParam: p, columns: 'e.project_id' })} r
  UNION
  SELECT profile_id FROM profile_traits WHERE project_id = ${p}
)`,
  ];
  if (b.aggregates.length > 0) {
    ctes.push(
      `ev AS (SELECT * FROM ${resolvedEventsSql(d, { projectParam: p, where: `e.ts <= ${nowTs}` })} r)`,
    );
    if (b.usesLatestSession) {
      // The latest session: the session of the latest event; on a tie the greatest id.
      ctes.push(`latest AS (
  SELECT profile_id, max(session_id) AS sid FROM (
    SELECT profile_id, session_id, ts, max(ts) OVER (PARTITION BY profile_id) AS last_ts
    FROM ev WHERE session_id IS NOT NULL
  ) s WHERE ts = last_ts GROUP BY profile_id
)`);
      ctes.push(`evs AS (
  SELECT ev.*, coalesce(ev.session_id = l.sid, false) AS in_latest
  FROM ev LEFT JOIN latest l ON l.profile_id = ev.profile_id
)`);
    }
    const columns = b.aggregates.map((a, i) => `${a} AS a${i}`).join(',\n         ');
    ctes.push(`agg AS (
  SELECT profile_id, ${columns}
  FROM ${b.usesLatestSession ? 'evs' : 'ev'} GROUP BY profile_id
)`);
  }
  const sql = `
WITH ${ctes.join(',\n')}
SELECT u.profile_id AS profile_id
FROM universe u
LEFT JOIN profile_traits t ON t.project_id = ${p} AND t.profile_id = u.profile_id
${b.aggregates.length > 0 ? 'LEFT JOIN agg a ON a.profile_id = u.profile_id' : ''}
${b.usesPersonas ? `LEFT JOIN (SELECT profile_id, string_agg(persona_id, ',') AS personas FROM persona_members WHERE project_id = ${p} GROUP BY profile_id) pa ON pa.profile_id = u.profile_id` : ''}
WHERE ${where}`;
  // DuckDB refuses parameters a statement does not use: `now` only bounds the events.
  const params = { ...b.params, projectId: input.projectId };
  return { sql, params: b.aggregates.length > 0 ? { ...params, now: Math.floor(input.now) } : params };
}

/** Builds one query: collects parameters and the per-profile aggregates conditions need. */
class SegmentSql {
  readonly params: Record<string, string | number> = {};
  readonly aggregates: string[] = [];
  usesLatestSession = false;
  usesPersonas = false;
  private readonly json: JsonSql;
  private next = 0;

  constructor(
    private readonly d: Dialect,
    private readonly now: number,
  ) {
    this.json = JSON_SQL[d.name] ?? duckdbJson;
  }

  expr(e: SegmentExpr): string {
    switch (e.kind) {
      case 'and':
      case 'or':
        return `(${e.items.map((i) => this.expr(i)).join(` ${e.kind.toUpperCase()} `)})`;
      case 'not':
        return `(NOT ${this.expr(e.item)})`;
      case 'trait':
        if (e.field === 'personas') this.usesPersonas = true;
        if ((e.field === 'channels' || e.field === 'personas') && e.test.op === 'contains')
          return `coalesce(${this.json.csvContains(TRAIT_COLUMNS[e.field], this.value(e.test.value))}, false)`;
        return this.test(TRAIT_COLUMNS[e.field], e.test);
      case 'session':
        return this.test(`coalesce(a.a${this.aggregate(this.sessionMeasure(e.field))}, 0)`, e.test);
      case 'aggregate': {
        const filter = [this.window(e.window), e.where ? this.filter(e.where) : null]
          .filter(Boolean)
          .join(' AND ');
        const measured = e.of ? this.field(e.of) : '*';
        const fn = e.fn === 'count_distinct' ? 'count' : e.fn;
        const call = `${fn}(${e.fn === 'count_distinct' ? 'DISTINCT ' : ''}${measured})`;
        const column = `a.a${this.aggregate(filter ? this.d.filtered(call, filter) : call)}`;
        // Counting and summing nothing is 0; the average or extreme of nothing is unknown.
        const zero = e.fn === 'count' || e.fn === 'count_distinct' || e.fn === 'sum';
        return this.test(zero ? `coalesce(${column}, 0)` : column, e.test);
      }
    }
  }

  private aggregate(sql: string): number {
    this.aggregates.push(sql);
    return this.aggregates.length - 1;
  }

  private sessionMeasure(field: SegmentSessionField): string {
    this.usesLatestSession = true;
    const order = `in_latest AND event = '${ORDER_COMPLETED}'`;
    switch (field) {
      case 'events':
        return this.d.filtered('count(*)', 'in_latest');
      case 'orders':
        return this.d.filtered(`${this.d.countDistinct('coalesce(order_id, message_id)')}`, order);
      case 'revenue':
        return this.d.filtered('sum(revenue)', order);
      case 'cart_value': {
        // A cart line: unit price × quantity (1 if absent), else the event's value (GA4 sends it).
        const price = this.number(this.json.text('properties', 'price'));
        const line = `coalesce(${price} * coalesce(quantity, 1), value, 0)`;
        return this.d.filtered(
          `sum(CASE WHEN event = 'Product Added' THEN ${line} ELSE -(${line}) END)`,
          `in_latest AND event IN ('Product Added', 'Product Removed')`,
        );
      }
    }
  }

  private window(w: SegmentWindow): string | null {
    if (w.kind === 'all') return null;
    if (w.kind === 'session') {
      this.usesLatestSession = true;
      return 'in_latest';
    }
    return `ts > ${this.cutoff(w.ms)}`;
  }

  private filter(f: SegmentEventFilter): string {
    switch (f.kind) {
      case 'and':
      case 'or':
        return `(${f.items.map((i) => this.filter(i)).join(` ${f.kind.toUpperCase()} `)})`;
      case 'not':
        return `(NOT ${this.filter(f.item)})`;
      case 'field':
        return this.test(this.field(f.field), f.test);
    }
  }

  private field(f: SegmentEventField): string {
    // Columns carry their own names; property keys are spliced into a JSON path, so only
    // the plain names the parser accepts may reach here.
    if ('column' in f) return f.column;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f.property))
      throw new Error(`invalid property name "${f.property}"`);
    const text = this.json.text('properties', f.property);
    return f.as === 'number' ? this.number(text) : text;
  }

  private number(text: string): string {
    return `CASE WHEN ${this.json.fullMatch(text, NUMERIC_TEXT)} THEN CAST(${text} AS DOUBLE) END`;
  }

  /** A test that is true or false, never null. */
  private test(x: string, t: SegmentTest): string {
    switch (t.op) {
      case 'is null':
        return `(${x} IS NULL)`;
      case 'is not null':
        return `(${x} IS NOT NULL)`;
      case 'in':
      case 'not in':
        return `coalesce(${x} ${t.op.toUpperCase()} (${t.values.map((v) => this.value(v)).join(', ')}), false)`;
      case 'contains':
        return `coalesce(${this.json.contains(x, this.value(t.value))}, false)`;
      case 'ago':
        // Older than N days means a date before now minus N days.
        return `coalesce(${x} ${FLIPPED[t.compare]} ${this.cutoff(t.ms)}, false)`;
      default:
        return `coalesce(${x} ${SQL_OPERATORS[t.op]} ${this.value(t.value)}, false)`;
    }
  }

  private value(v: SegmentLiteral): string {
    const name = `v${this.next++}`;
    this.params[name] = v;
    return this.d.param(name, typeof v === 'string' ? 'string' : 'float');
  }

  private cutoff(ms: number): string {
    const name = `c${this.next++}`;
    this.params[name] = this.now - ms;
    return this.d.timestampFromMs(this.d.param(name, 'int'));
  }
}

const SQL_OPERATORS: Readonly<Record<SegmentCompare, string>> = {
  '=': '=',
  '!=': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};
const FLIPPED: Readonly<Record<'<' | '<=' | '>' | '>=', string>> = {
  '<': '>',
  '<=': '>=',
  '>': '<',
  '>=': '<=',
};
