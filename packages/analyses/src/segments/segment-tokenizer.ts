// Splits a segment rule into tokens with their line and column, so every parse error can point
// at the place in the rule a shop manager typed. Hand-written: the language is small and the
// messages matter more than generality.

export type TokenKind = 'word' | 'number' | 'string' | 'op' | '(' | ')' | ',' | '.' | 'end';

export interface Token {
  kind: TokenKind;
  /** The text as written (strings: their value, without quotes and escapes). */
  text: string;
  /** Numbers: their value. */
  value: number;
  line: number;
  column: number;
  offset: number;
}

/** A rule that cannot be read: where, what was expected and what was found. */
export class SegmentSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly position: { line: number; column: number; offset: number },
    readonly expected: string | null = null,
  ) {
    super(`line ${position.line}, column ${position.column}: ${reason}`);
    this.name = 'SegmentSyntaxError';
  }
}

const OPERATORS = ['<=', '>=', '!=', '<>', '==', '=', '<', '>'];

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  const at = (offset: number) => ({ line, column: offset - lineStart + 1, offset });
  const push = (kind: TokenKind, start: number, tokenText: string, value = 0) =>
    tokens.push({ kind, text: tokenText, value, ...at(start) });

  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      i++;
      line++;
      lineStart = i;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    // Comments let saved rules explain themselves.
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < text.length && /[A-Za-z0-9_]/.test(text[i]!)) i++;
      push('word', start, text.slice(start, i));
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9.]/.test(text[i + 1] ?? ''))) {
      i++;
      while (i < text.length && /[0-9]/.test(text[i]!)) i++;
      if (text[i] === '.' && /[0-9]/.test(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && /[0-9]/.test(text[i]!)) i++;
      }
      const exponent = /^[eE][+-]?[0-9]/.exec(text.slice(i, i + 3));
      if (exponent) {
        i += exponent[0].length;
        while (i < text.length && /[0-9]/.test(text[i]!)) i++;
      }
      const raw = text.slice(start, i);
      const value = Number(raw);
      if (!Number.isFinite(value)) throw new SegmentSyntaxError(`"${raw}" is not a number`, at(start));
      push('number', start, raw, value);
      continue;
    }
    if (c === '"' || c === "'") {
      i++;
      let value = '';
      while (i < text.length && text[i] !== c) {
        if (text[i] === '\n') break;
        if (text[i] === '\\' && i + 1 < text.length) {
          const next = text[i + 1]!;
          value += next === 'n' ? '\n' : next === 't' ? '\t' : next;
          i += 2;
        } else {
          value += text[i];
          i++;
        }
      }
      if (text[i] !== c)
        throw new SegmentSyntaxError('this text has no closing quote', at(start), `a closing ${c}`);
      i++;
      push('string', start, value);
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (op) {
      i += op.length;
      // One spelling per meaning in the parsed rule.
      push('op', start, op === '==' ? '=' : op === '<>' ? '!=' : op);
      continue;
    }
    if (c === '(' || c === ')' || c === ',' || c === '.') {
      i++;
      push(c, start, c);
      continue;
    }
    throw new SegmentSyntaxError(`unexpected character "${c}"`, at(start));
  }
  push('end', i, '');
  return tokens;
}

/** How a token reads in an error message. */
export function describeToken(t: Token): string {
  switch (t.kind) {
    case 'end':
      return 'the end of the rule';
    case 'string':
      return JSON.stringify(t.text);
    default:
      return `"${t.text}"`;
  }
}
