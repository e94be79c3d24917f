// Decay functions of V-SKNN (Ludewig and Jannach 2018; session-rec algorithms/knn/vsknn.py).

/** How much an item of the current session counts, by its position: recent clicks say more. */
export type PositionWeighting = 'same' | 'div' | 'linear' | 'log' | 'quadratic';

/**
 * Weight of the item at 1-based `position` of a session of `length` events (the last has position = length).
 * `linear` is clamped at 0 (session-rec's version cuts off by position instead, an apparent slip).
 *
 * @example
 * positionWeight('quadratic', 1, 2); // 0.25
 */
export function positionWeight(kind: PositionWeighting, position: number, length: number): number {
  switch (kind) {
    case 'same':
      return 1;
    case 'div':
      return position / length;
    case 'linear':
      return Math.max(0, 1 - 0.1 * (length - position));
    case 'log':
      return 1 / Math.log10(length - position + 1.7);
    case 'quadratic':
      return (position / length) ** 2;
  }
}

/**
 * Weight of a neighbour's votes by how far back (1 = the latest click) the most recent current-session
 * item it shares is: a neighbour matched only through an old click votes less.
 *
 * @example
 * matchWeight('div', 2); // 0.5
 */
export function matchWeight(kind: PositionWeighting, stepsBack: number): number {
  switch (kind) {
    case 'same':
      return 1;
    case 'div':
      return 1 / stepsBack;
    case 'linear':
      return Math.max(0, 1 - 0.1 * stepsBack);
    case 'log':
      return 1 / Math.log10(stepsBack + 1.7);
    case 'quadratic':
      return 1 / (stepsBack * stepsBack);
  }
}
