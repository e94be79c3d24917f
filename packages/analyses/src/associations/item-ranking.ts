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

function isSmallWholeNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < DIRECT_INDEX_LIMIT;
}

/** Recodes items as dense ids: the item itself for small whole numbers, first appearance otherwise. */
function denseIds<T>(transactions: readonly (readonly T[])[]): { ids: Int32Array; itemOfId: T[] } {
  let total = 0;
  let direct = true;
  for (const transaction of transactions) {
    total += transaction.length;
    if (direct) for (const item of transaction) if (!isSmallWholeNumber(item)) direct = false;
  }
  const ids = new Int32Array(total);
  const itemOfId: T[] = [];
  let k = 0;
  if (direct) {
    for (const transaction of transactions) {
      for (const item of transaction) {
        const id = item as unknown as number;
        if (itemOfId[id] === undefined) itemOfId[id] = item;
        ids[k++] = id;
      }
    }
    return { ids, itemOfId };
  }
  const idOf = new Map<T, number>();
  for (const transaction of transactions) {
    for (const item of transaction) {
      let id = idOf.get(item);
      if (id === undefined) {
        id = itemOfId.length;
        idOf.set(item, id);
        itemOfId.push(item);
      }
      ids[k++] = id;
    }
  }
  return { ids, itemOfId };
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
  const { ids, itemOfId } = denseIds(transactions);
  const idCount = itemOfId.length;
  const counts = new Int32Array(idCount);
  const seen = new Int32Array(idCount).fill(-1);
  let k = 0;
  for (let t = 0; t < transactions.length; t++) {
    const end = k + transactions[t]!.length;
    for (; k < end; k++) {
      const id = ids[k]!;
      if (seen[id] !== t) {
        seen[id] = t;
        counts[id]!++;
      }
    }
  }
  const frequent: number[] = [];
  for (let id = 0; id < idCount; id++) if (counts[id]! >= minCount) frequent.push(id);
  frequent.sort((x, y) => counts[y]! - counts[x]! || x - y);
  const rankOfId = new Int32Array(idCount).fill(-1);
  const countOfRank = new Int32Array(frequent.length);
  const itemOfRank: T[] = [];
  frequent.forEach((id, rank) => {
    rankOfId[id] = rank;
    countOfRank[rank] = counts[id]!;
    itemOfRank.push(itemOfId[id]!);
  });

  const ranks = new Int32Array(ids.length);
  const offsets = new Int32Array(transactions.length + 1);
  seen.fill(-1);
  let out = 0;
  k = 0;
  for (let t = 0; t < transactions.length; t++) {
    const start = out;
    const end = k + transactions[t]!.length;
    for (; k < end; k++) {
      const id = ids[k]!;
      const rank = rankOfId[id]!;
      if (rank < 0 || seen[id] === t) continue;
      seen[id] = t;
      // Insertion sort, descending: transactions are short.
      let j = out++;
      while (j > start && ranks[j - 1]! < rank) {
        ranks[j] = ranks[j - 1]!;
        j--;
      }
      ranks[j] = rank;
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
