// Recursive-descent parser of the segment language (grammar in LANGUAGE.md) to the plain AST of
// @centric/contracts. Every test is checked against its field's type here, so the in-memory
// evaluator and the SQL compiler never meet a rule they would read differently.
import {
  canonicalEventName,
  type SegmentAggregateFn,
  type SegmentCompare,
  type SegmentEventField,
  type SegmentEventFilter,
  type SegmentExpr,
  type SegmentLiteral,
  type SegmentTest,
  type SegmentWindow,
} from '@centric/contracts';
import {
  closestName,
  EVENT_COLUMN_TYPES,
  EVENT_FIELD_NAMES,
  EVENT_PROPERTY_ALIASES,
  type FieldType,
  isEventColumn,
  isSessionField,
  isTraitField,
  RULE_FIELD_NAMES,
  TRAIT_TYPES,
} from './segment-fields';
import { describeToken, SegmentSyntaxError, type Token, tokenize } from './segment-tokenizer';

const UNIT_MS: Readonly<Record<string, number>> = {
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};
const AGGREGATES: ReadonlySet<string> = new Set(['count', 'count_distinct', 'sum', 'avg', 'min', 'max']);
const COMPARISON = 'a comparison (=, !=, <, <=, >, >=, in, not in, contains, is null)';
/** Deep enough for any rule a person writes; shallow enough to never overflow the stack. */
const MAX_DEPTH = 64;

/** A property field's type is only known from what it is compared with. */
type TestedType = FieldType | 'any';

/**
 * Parses a rule; throws SegmentSyntaxError naming the line, column and what was expected.
 *
 * @example parseSegment('orders >= 2 and last_order > 90 days ago')
 */
export function parseSegment(text: string): SegmentExpr {
  const parser = new Parser(tokenize(text));
  if (parser.peek().kind === 'end') throw parser.fail('the rule is empty', 'a condition such as orders >= 1');
  const expr = parser.rule();
  if (parser.peek().kind !== 'end')
    throw parser.fail(`unexpected ${describeToken(parser.peek())}`, '"and", "or" or the end of the rule');
  return expr;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!;
  }

  fail(reason: string, expected: string | null = null, at: Token = this.peek()): SegmentSyntaxError {
    const found = expected ? `expected ${expected}, found ${describeToken(at)}` : '';
    return new SegmentSyntaxError([reason, found].filter(Boolean).join(': '), at, expected);
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.pos++;
    return t;
  }

  private isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'word' && t.text.toLowerCase() === word;
  }

  private expect(kind: Token['kind'], expected: string): Token {
    if (this.peek().kind !== kind) throw this.fail('', expected);
    return this.next();
  }

  private expectWord(word: string, expected = `"${word}"`): void {
    if (!this.isWord(word)) throw this.fail('', expected);
    this.next();
  }

  rule(): SegmentExpr {
    return this.binary('or', () => this.binary('and', () => this.unary()));
  }

  /** `item (word item)*`, flattened: `a and b and c` is one and-node of three. */
  private binary<T extends SegmentExpr | SegmentEventFilter>(word: 'and' | 'or', item: () => T): T {
    const items = [item()];
    while (this.isWord(word)) {
      this.next();
      items.push(item());
    }
    return (items.length === 1 ? items[0] : { kind: word, items }) as T;
  }

  private nested<T>(inner: () => T): T {
    if (++this.depth > MAX_DEPTH) throw this.fail(`the rule nests deeper than ${MAX_DEPTH} levels`);
    try {
      return inner();
    } finally {
      this.depth--;
    }
  }

  private unary(): SegmentExpr {
    if (this.isWord('not')) {
      this.next();
      return this.nested(() => ({ kind: 'not', item: this.unary() }));
    }
    if (this.peek().kind === '(') {
      this.next();
      const inner = this.nested(() => this.rule());
      this.expect(')', '")" or "and" / "or"');
      return inner;
    }
    return this.condition();
  }

  private condition(): SegmentExpr {
    const t = this.peek();
    if (t.kind !== 'word')
      throw this.fail('', 'a condition (a trait such as orders, cart_value, count(...), exists(...)) or "("');
    const name = t.text.toLowerCase();
    if (AGGREGATES.has(name) && this.peek(1).kind === '(') return this.aggregate(name as SegmentAggregateFn);
    if (name === 'exists' && this.peek(1).kind === '(') {
      this.next();
      const where = this.filterInParens();
      return {
        kind: 'aggregate',
        fn: 'count',
        of: null,
        where,
        window: this.window(),
        test: { op: '>', value: 0 },
      };
    }
    this.next();
    if (name === 'session' && this.peek().kind === '.') {
      this.next();
      const f = this.expect('word', 'a session field (cart_value, orders, revenue, events)');
      const field = f.text.toLowerCase();
      if (!isSessionField(field))
        throw this.fail(`unknown session field "${f.text}"`, 'cart_value, orders, revenue or events', f);
      return { kind: 'session', field, test: this.test('number', `session.${field}`).test };
    }
    if (name === 'cart_value')
      return { kind: 'session', field: 'cart_value', test: this.test('number', name).test };
    if (isTraitField(name))
      return { kind: 'trait', field: name, test: this.test(TRAIT_TYPES[name], name).test };
    const hint = closestName(name, RULE_FIELD_NAMES);
    throw this.fail(`unknown field "${t.text}"${hint ? ` (did you mean ${hint}?)` : ''}`, null, t);
  }

  private aggregate(fn: SegmentAggregateFn): SegmentExpr {
    this.next();
    let of: SegmentEventField | null = null;
    let where: SegmentEventFilter | null;
    if (fn === 'count') where = this.filterInParens();
    else {
      this.expect('(', '"("');
      of = this.measuredField(fn);
      where = null;
      if (this.isWord('of')) {
        this.next();
        where = this.filter();
      }
      this.expect(')', where ? '")" or "and" / "or"' : '"of" and an event filter, or ")"');
    }
    const window = this.window();
    const op = this.peek();
    if (op.kind !== 'op') throw this.fail('', `a comparison with a number, such as ${fn}(...) >= 3`);
    this.next();
    const value = this.expect('number', `a number after ${op.text}`);
    return {
      kind: 'aggregate',
      fn,
      of,
      where,
      window,
      test: { op: op.text as SegmentCompare, value: value.value },
    };
  }

  private measuredField(fn: SegmentAggregateFn): SegmentEventField {
    const at = this.peek();
    const { field, type } = this.eventField();
    if (fn === 'count_distinct')
      return 'property' in field && type === 'any' ? { ...field, as: 'string' } : field;
    if (type === 'string')
      throw this.fail(
        `${fn} needs a number field (revenue, value, quantity, price, properties.<key>)`,
        null,
        at,
      );
    return 'property' in field ? { ...field, as: 'number' } : field;
  }

  private filterInParens(): SegmentEventFilter | null {
    this.expect('(', '"("');
    if (this.peek().kind === ')') {
      this.next();
      return null;
    }
    const where = this.filter();
    this.expect(')', '")" or "and" / "or"');
    return where;
  }

  private filter(): SegmentEventFilter {
    return this.binary('or', () => this.binary('and', () => this.filterUnary()));
  }

  private filterUnary(): SegmentEventFilter {
    if (this.isWord('not')) {
      this.next();
      return this.nested(() => ({ kind: 'not', item: this.filterUnary() }));
    }
    if (this.peek().kind === '(') {
      this.next();
      const inner = this.nested(() => this.filter());
      this.expect(')', '")" or "and" / "or"');
      return inner;
    }
    const { field, type, name } = this.eventField();
    const { test, literal } = this.test(type, name);
    if ('column' in field && field.column === 'event')
      return { kind: 'field', field, test: canonicalEvents(test) };
    if ('property' in field && type === 'any')
      return { kind: 'field', field: { property: field.property, as: literal }, test };
    return { kind: 'field', field, test };
  }

  private eventField(): { field: SegmentEventField; type: TestedType; name: string } {
    const t = this.expect('word', 'an event field such as event, category, channel or properties.<key>');
    const name = t.text.toLowerCase();
    if (name === 'properties' && this.peek().kind === '.') {
      this.next();
      const key = this.expect('word', 'a property name after "properties."');
      return { field: { property: key.text, as: 'string' }, type: 'any', name: `properties.${key.text}` };
    }
    const alias = EVENT_PROPERTY_ALIASES[name];
    if (alias) return { field: { property: name, as: alias }, type: alias, name };
    if (isEventColumn(name)) return { field: { column: name }, type: EVENT_COLUMN_TYPES[name], name };
    const hint = closestName(name, EVENT_FIELD_NAMES);
    throw this.fail(`unknown event field "${t.text}"${hint ? ` (did you mean ${hint}?)` : ''}`, null, t);
  }

  private window(): SegmentWindow {
    if (this.isWord('within')) {
      this.next();
      return { kind: 'within', ms: this.duration() };
    }
    if (this.isWord('in') && this.isWord('session', 1)) {
      this.next();
      this.next();
      return { kind: 'session' };
    }
    return { kind: 'all' };
  }

  private duration(): number {
    const n = this.expect('number', 'a number of minutes, hours, days or weeks');
    if (n.value < 0) throw this.fail('a duration cannot be negative', null, n);
    const unit = this.peek();
    const ms = unit.kind === 'word' ? UNIT_MS[unit.text.toLowerCase().replace(/s$/, '')] : undefined;
    if (ms === undefined) throw this.fail('', 'a unit: minutes, hours, days or weeks');
    this.next();
    return Math.round(n.value * ms);
  }

  /** A test on a field of the given type; for a property, also the type its literal gave it. */
  private test(type: TestedType, name: string): { test: SegmentTest; literal: 'number' | 'string' } {
    const t = this.peek();
    if (t.kind === 'op') {
      this.next();
      const op = t.text as SegmentCompare;
      if (type === 'date') return { test: this.ago(op, name, t), literal: 'number' };
      if (type === 'list') throw this.fail(`${name} is a list: test it with contains "..."`, null, t);
      const value = this.literal(type, name);
      if (typeof value === 'string' && op !== '=' && op !== '!=')
        throw this.fail(`text compares only with =, !=, in and contains, not ${op}`, null, t);
      return { test: { op, value }, literal: typeof value === 'number' ? 'number' : 'string' };
    }
    if (this.isWord('in') || (this.isWord('not') && this.isWord('in', 1))) {
      const op = this.isWord('not') ? 'not in' : 'in';
      if (op === 'not in') this.next();
      this.next();
      if (type === 'date' || type === 'list') throw this.fail(`${name} cannot be tested with ${op}`, null, t);
      this.expect('(', `"(" and a list of values after ${op}`);
      const values = [this.literal(type, name)];
      while (this.peek().kind === ',') {
        this.next();
        values.push(
          this.literal(type === 'any' ? (typeof values[0] === 'number' ? 'number' : 'string') : type, name),
        );
      }
      this.expect(')', '"," or ")"');
      return { test: { op, values }, literal: typeof values[0] === 'number' ? 'number' : 'string' };
    }
    if (this.isWord('contains')) {
      this.next();
      if (type === 'number' || type === 'date')
        throw this.fail(`${name} is a ${type}: contains tests text and lists`, null, t);
      const value = this.expect('string', 'a "text" after contains');
      return { test: { op: 'contains', value: value.text }, literal: 'string' };
    }
    if (this.isWord('is')) {
      this.next();
      const negated = this.isWord('not');
      if (negated) this.next();
      this.expectWord('null', '"null" (is null / is not null)');
      return { test: { op: negated ? 'is not null' : 'is null' }, literal: 'string' };
    }
    if (type === 'date' && this.isWord('within')) {
      this.next();
      return { test: { op: 'ago', compare: '<', ms: this.duration() }, literal: 'number' };
    }
    throw this.fail(
      '',
      type === 'date'
        ? `a test of ${name}'s age (> 30 days ago, within 7 days) or is null`
        : `${COMPARISON} after ${name}`,
    );
  }

  private ago(op: SegmentCompare, name: string, at: Token): SegmentTest {
    if (op === '=' || op === '!=')
      throw this.fail(
        `${name} is a date: compare its age with <, <=, > or >=, e.g. ${name} > 30 days ago`,
        null,
        at,
      );
    const ms = this.duration();
    this.expectWord('ago', `"ago" (${name} ${op} N days ago)`);
    return { op: 'ago', compare: op, ms };
  }

  private literal(type: TestedType, name: string): SegmentLiteral {
    const t = this.peek();
    if (t.kind === 'number' && type !== 'string') {
      this.next();
      return t.value;
    }
    if (t.kind === 'string' && type !== 'number') {
      this.next();
      return t.text;
    }
    if (t.kind === 'number' || t.kind === 'string')
      throw this.fail(
        `${name} is ${type === 'number' ? 'a number' : 'text'}: compare it with ${type === 'number' ? 'a number' : '"text" in quotes'}`,
        null,
        t,
      );
    throw this.fail(
      '',
      type === 'number' ? 'a number' : type === 'string' ? '"text" in quotes' : 'a number or "text"',
    );
  }
}

/** GA4 names in a rule mean what they mean in the data: ingest stores the Segment names. */
function canonicalEvents(test: SegmentTest): SegmentTest {
  if (test.op === 'in' || test.op === 'not in')
    return {
      op: test.op,
      values: test.values.map((v) => (typeof v === 'string' ? canonicalEventName(v) : v)),
    };
  if ('value' in test && typeof test.value === 'string' && test.op !== 'contains')
    return { op: test.op, value: canonicalEventName(test.value) };
  return test;
}
