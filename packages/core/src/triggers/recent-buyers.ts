// Live social-proof counts: who bought which product within a sliding window (24 hours), kept
// in memory so that a decision reads them without a query. Counts distinct buyers, so one
// customer ordering twice is one person; entries past the window are dropped as they are met
// and by prune().

const DAY_MS = 86_400_000;

export class RecentBuyers {
  private readonly byProduct = new Map<string, Map<string, number>>();

  constructor(private readonly windowMs = DAY_MS) {}

  /** A purchase of `productId` by `buyer` (an identity, or the order id when there is none) at `at`. */
  add(productId: string, buyer: string, at: number): void {
    let buyers = this.byProduct.get(productId);
    if (!buyers) {
      buyers = new Map();
      this.byProduct.set(productId, buyers);
    }
    buyers.set(buyer, Math.max(at, buyers.get(buyer) ?? at));
  }

  /**
   * Distinct buyers of the product within the window before `now`.
   *
   * @example buyers.count('SKU-1', Date.now()) // 4
   */
  count(productId: string, now: number): number {
    const buyers = this.byProduct.get(productId);
    if (!buyers) return 0;
    const since = now - this.windowMs;
    let n = 0;
    for (const [buyer, at] of buyers) {
      if (at >= since) {
        if (at <= now) n++;
      } else buyers.delete(buyer);
    }
    if (buyers.size === 0) this.byProduct.delete(productId);
    return n;
  }

  /** Drops everything older than the window (bounds memory for products nobody looks at). */
  prune(now: number): void {
    for (const productId of [...this.byProduct.keys()]) this.count(productId, now);
  }

  get products(): number {
    return this.byProduct.size;
  }
}
