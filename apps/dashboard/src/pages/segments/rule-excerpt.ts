// Points at the place of a rule's syntax error: the rule's line and a caret under the column, as a
// compiler would. Pure, so it is unit-tested.

export interface RuleExcerpt {
  /** The rule's line as typed (tabs kept so the caret lines up). */
  line: string;
  /** Spaces (or tabs, where the line has them) up to the column, then "^". */
  caret: string;
}

/** `line` and `column` are 1-based, as the server reports them; null when they fall outside the rule. */
export function ruleExcerpt(rule: string, line: number, column: number): RuleExcerpt | null {
  const text = rule.split('\n')[line - 1];
  if (text === undefined || column < 1 || column > text.length + 1) return null;
  const lead = [...text.slice(0, column - 1)].map((c) => (c === '\t' ? '\t' : ' ')).join('');
  return { line: text, caret: `${lead}^` };
}
