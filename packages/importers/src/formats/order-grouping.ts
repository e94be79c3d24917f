// Exports with one row per line item (Shopify, the generic CSV) spread an order over
// consecutive rows. This folds those rows back into orders while streaming, so a file of any
// size is read in constant memory apart from the set of order ids already seen. Rows of an
// order that turn up again later in the file are rejected rather than merged: merging would
// need the whole file in memory, and a split order usually means a concatenated or re-sorted
// export whose other half was already imported under the same id.
import type { CsvItem } from '../sources/csv-records';

export interface CsvRow {
  line: number;
  record: Record<string, string>;
}

/** The consecutive rows of one order; `line` is where its first row is. */
export interface RowGroup {
  key: string;
  line: number;
  rows: CsvRow[];
}

export type GroupItem = { line: number; group: RowGroup } | { line: number; error: string };

/**
 * Groups consecutive rows by `keyOf`. Malformed CSV rows pass through as errors; rows without
 * a key are rejected with `missingKey`; rows of an order seen before are rejected as not
 * consecutive.
 */
export async function* groupConsecutiveRows(
  items: AsyncIterable<CsvItem>,
  keyOf: (record: Record<string, string>) => string | null,
  missingKey: string,
): AsyncGenerator<GroupItem> {
  const seen = new Set<string>();
  let current: RowGroup | null = null;
  for await (const item of items) {
    if ('error' in item) {
      yield item;
      continue;
    }
    const key = keyOf(item.record);
    if (current !== null && current.key === key) {
      current.rows.push(item);
      continue;
    }
    // Any other row ends the open order, so its rows stay consecutive and items come out in
    // file order.
    if (current !== null) yield { line: current.line, group: current };
    current = null;
    if (key === null) yield { line: item.line, error: missingKey };
    else if (seen.has(key)) yield { line: item.line, error: `lines of order ${key} are not consecutive` };
    else {
      seen.add(key);
      current = { key, line: item.line, rows: [item] };
    }
  }
  if (current !== null) yield { line: current.line, group: current };
}

/** Remembers where each order id was first read, to reject an order that appears twice. */
export class SeenOrders {
  private readonly lines = new Map<string, number>();

  /** The line `key` was first read on, or null (and `line` is remembered) when it is new. */
  firstSeen(key: string, line: number): number | null {
    const first = this.lines.get(key);
    if (first !== undefined) return first;
    this.lines.set(key, line);
    return null;
  }
}

export const duplicateOrder = (key: string, firstLine: number): string =>
  `order ${key} appears again (first at line ${firstLine})`;
