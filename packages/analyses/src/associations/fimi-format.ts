// Reader for the FIMI transaction format (Frequent Itemset Mining Implementations workshop,
// Goethals and Zaki 2003): one transaction per line, items as whole numbers separated by
// spaces. As SPMF does, empty lines and lines starting with '#', '%' or '@' (comments and
// metadata) are skipped, so they do not count as transactions.

const SPACE = 32;
const TAB = 9;
const NEWLINE = 10;
const RETURN = 13;
const ZERO = 48;
const NINE = 57;
const MINUS = 45;

/**
 * Parses FIMI text into transactions (arrays of item numbers, in the order written).
 *
 * @example
 * parseFimi('1 2 3\n2 4\n') // [[1, 2, 3], [2, 4]]
 */
export function parseFimi(text: string): number[][] {
  const transactions: number[][] = [];
  const length = text.length;
  let line = 1;
  let i = 0;
  while (i < length) {
    const first = text.charCodeAt(i);
    if (first === 35 || first === 37 || first === 64) {
      // '#', '%', '@': skip the line.
      while (i < length && text.charCodeAt(i) !== NEWLINE) i++;
      i++;
      line++;
      continue;
    }
    const items: number[] = [];
    while (i < length) {
      const code = text.charCodeAt(i);
      if (code === NEWLINE) break;
      if (code === SPACE || code === TAB || code === RETURN) {
        i++;
        continue;
      }
      let negative = false;
      if (code === MINUS) {
        negative = true;
        i++;
      }
      let value = 0;
      let digits = 0;
      while (i < length) {
        const digit = text.charCodeAt(i) - ZERO;
        if (digit < 0 || digit > NINE - ZERO) break;
        value = value * 10 + digit;
        digits++;
        i++;
      }
      const next = i < length ? text.charCodeAt(i) : NEWLINE;
      if (digits === 0 || (next !== SPACE && next !== TAB && next !== RETURN && next !== NEWLINE)) {
        throw new SyntaxError(`FIMI line ${line}: expected whole numbers separated by spaces`);
      }
      items.push(negative ? -value : value);
    }
    if (items.length > 0) transactions.push(items);
    i++;
    line++;
  }
  return transactions;
}
