// Reader for SPMF's sequence database format (Fournier-Viger et al., SPMF documentation,
// "input file format for sequential pattern mining"): one sequence per line, items as whole
// numbers, -1 closing each itemset and -2 closing the sequence, e.g. `1 -1 1 2 3 -1 -2`.
// Lines starting with '#', '%' or '@' (comments, metadata) and empty lines are skipped, as
// SPMF does.

/** A sequence database: sequences of itemsets of items. */
export type SequenceDatabase<T = number> = readonly (readonly (readonly T[])[])[];

/**
 * Parses SPMF sequence text into sequences of itemsets, items in the order written. A line
 * without -2 ends its sequence at the end of the line; items after the last -1 form a final
 * itemset.
 *
 * @example
 * parseSpmfSequences('1 -1 1 2 3 -1 -2\n4 -1 -2\n') // [[[1], [1, 2, 3]], [[4]]]
 */
export function parseSpmfSequences(text: string): number[][][] {
  const sequences: number[][][] = [];
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const content = lines[line]!.trim();
    if (content === '' || '#%@'.includes(content[0]!)) continue;
    const sequence: number[][] = [];
    let itemset: number[] = [];
    for (const token of content.split(/\s+/)) {
      if (!/^-?\d+$/.test(token)) {
        throw new SyntaxError(`SPMF line ${line + 1}: unexpected token "${token}"`);
      }
      const value = Number(token);
      if (value === -1) {
        if (itemset.length > 0) sequence.push(itemset);
        itemset = [];
      } else if (value === -2) {
        break;
      } else if (value < 0) {
        throw new SyntaxError(`SPMF line ${line + 1}: items are whole numbers >= 0, got ${value}`);
      } else {
        itemset.push(value);
      }
    }
    if (itemset.length > 0) sequence.push(itemset);
    sequences.push(sequence);
  }
  return sequences;
}
