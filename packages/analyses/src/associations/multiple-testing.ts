// Multiple-testing correction: many associations are tested at once, so raw p-values overstate
// the evidence. Benjamini and Hochberg (1995) control the false discovery rate, the expected
// share of false findings among those declared significant, which suits a ranked list a manager
// skims better than the family-wise Bonferroni bound, which would hide most real effects.

/**
 * Benjamini-Hochberg adjusted p-values ("q-values" as in R's `p.adjust(p, "BH")`), in the order
 * of `pValues`. `hypothesisCount` is the number of hypotheses in the family when more were
 * considered than tested (the untested ones count as p = 1, which keeps the correction
 * conservative); it defaults to `pValues.length`.
 *
 * @example
 * benjaminiHochberg([0.01, 0.04, 0.03, 0.005]) // [0.02, 0.04, 0.04, 0.02]
 */
export function benjaminiHochberg(
  pValues: readonly number[],
  { hypothesisCount = pValues.length }: { hypothesisCount?: number } = {},
): number[] {
  const m = pValues.length;
  if (hypothesisCount < m) {
    throw new RangeError(`hypothesisCount (${hypothesisCount}) is below the number of p-values (${m})`);
  }
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => pValues[x]! - pValues[y]!);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const index = order[rank - 1]!;
    running = Math.min(running, (pValues[index]! * hypothesisCount) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}
