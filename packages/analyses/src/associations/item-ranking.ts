// First step of FP-Growth (Han, Pei and Yin 2000, "Mining frequent patterns without candidate
// generation"): count each item once per transaction, drop the infrequent ones and rename the
// rest by rank, 0 for the most frequent. Ordering paths by descending frequency is what makes
// FP-trees share prefixes; plain ranks let the miner index typed arrays directly.

/** Transactions recoded as frequency ranks, ready to build an FP-tree. */
export interface RankedTransactions<T> {
  /** Number of transactions, including those left without a frequent item. */
  transactionCount: number;
  /** The item behind each rank; rank 0 is the most frequent. */
  itemOfRank: T[];
  /** Support count of each rank. */
  countOfRank: Int32Array;
  /** The distinct frequent ranks of every transaction, each run sorted descending, concatenated. */
  ranks: Int32Array;
  /** Transaction t's ranks are ranks[offsets[t]] .. ranks[offsets[t + 1] - 1]. */
  offsets: Int32Array;
}

// Whole numbers below this are used directly as array indexes (FIMI files use small ids).
const DIRECT_INDEX_LIMIT = 1 << 24;

/** Transactions as whole-number ids below `idLimit`, and the item behind each id. */
interface CodedTransactions<T> {
  rows: readonly (readonly number[])[];
  idLimit: number;
  itemOfId: (id: number) => T;
}

/**
 * Small whole numbers (FIMI files) are their own ids, read in place; anything else gets dense
 * ids by first appearance.
 */
function codeItems<T>(transactions: readonly (readonly T[])[]): CodedTransactions<T> {
  let maxId = -1;
  let direct = true;
  for (const transaction of transactions) {
    for (const item of transaction) {
      if (typeof item !== 'number' || !Number.isInteger(item) || item < 0 || item >= DIRECT_INDEX_LIMIT) {
        direct = false;
        break;
      }
      if (item > maxId) maxId = item;
    }
    if (!direct) break;
  }
  if (direct) {
    return {
      // The check above proved every item to be a whole number: T is number here.
      rows: transactions as unknown as readonly (readonly number[])[],
      idLimit: maxId + 1,
      itemOfId: (id) => id as unknown as T,
    };
  }
  const idOf = new Map<T, number>();
  const items: T[] = [];
  const rows = transactions.map((transaction) =>
    transaction.map((item) => {
      let id = idOf.get(item);
      if (id === undefined) {
        id = items.length;
        idOf.set(item, id);
        items.push(item);
      }
      return id;
    }),
  );
  return { rows, idLimit: items.length, itemOfId: (id) => items[id]! };
}

/**
 * Ranks the items that occur in at least `minCount` transactions and recodes every transaction
 * as its distinct frequent ranks (duplicates inside a transaction count once).
 *
 * @example
 * const r = rankFrequentItems([['a', 'b'], ['b'], ['b', 'c']], 2);
 * r.itemOfRank // ['b']
 */
export function rankFrequentItems<T>(
  transactions: readonly (readonly T[])[],
  minCount: number,
): RankedTransactions<T> {
  const { rows, idLimit, itemOfId } = codeItems(transactions);
  const counts = new Int32Array(idLimit);
  const seen = new Int32Array(idLimit).fill(-1);
  let total = 0;
  for (let t = 0; t < rows.length; t++) {
    const row = rows[t]!;
    total += row.length;
    for (let j = 0; j < row.length; j++) {
      const id = row[j]!;
      if (seen[id] !== t) {
        seen[id] = t;
        counts[id]!++;
      }
    }
  }
  const frequent: number[] = [];
  for (let id = 0; id < idLimit; id++) if (counts[id]! >= minCount) frequent.push(id);
  frequent.sort((x, y) => counts[y]! - counts[x]! || x - y);
  const rankOfId = new Int32Array(idLimit).fill(-1);
  const countOfRank = new Int32Array(frequent.length);
  const itemOfRank: T[] = [];
  frequent.forEach((id, rank) => {
    rankOfId[id] = rank;
    countOfRank[rank] = counts[id]!;
    itemOfRank.push(itemOfId(id));
  });

  const ranks = new Int32Array(total);
  const offsets = new Int32Array(rows.length + 1);
  seen.fill(-1);
  let out = 0;
  for (let t = 0; t < rows.length; t++) {
    const row = rows[t]!;
    const start = out;
    for (let j = 0; j < row.length; j++) {
      const id = row[j]!;
      const rank = rankOfId[id]!;
      if (rank < 0 || seen[id] === t) continue;
      seen[id] = t;
      // Insertion sort, descending: transactions are short.
      let k = out++;
      while (k > start && ranks[k - 1]! < rank) {
        ranks[k] = ranks[k - 1]!;
        k--;
      }
      ranks[k] = rank;
    }
    offsets[t + 1] = out;
  }
  return {
    transactionCount: transactions.length,
    itemOfRank,
    countOfRank,
    ranks: ranks.subarray(0, out),
    offsets,
  };
}
