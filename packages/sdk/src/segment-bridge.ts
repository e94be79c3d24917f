// Drop-in for Segment's analytics.js snippet: the calls its stub queued before any library
// loaded are replayed, and later analytics.track/page/identify/alias calls are forwarded too —
// also after Segment's own library replaces window.analytics. Segment keeps working unchanged.

export type SegmentMethod = 'track' | 'page' | 'identify' | 'alias';
export type Forward = (method: SegmentMethod, args: unknown[]) => void;

const METHODS: readonly SegmentMethod[] = ['track', 'page', 'identify', 'alias'];

type AnalyticsLike = Record<string, unknown> & { centricBridged?: true };

export function bridgeAnalytics(owner: { analytics?: unknown }, forward: Forward): void {
  let current = owner.analytics as AnalyticsLike | undefined;
  if (!current || typeof current !== 'object' || current.centricBridged) return;

  // Segment's library replays the stub's queue through its own (wrapped) methods with the same
  // argument objects: remember them so that no call is forwarded twice.
  const seen = new WeakMap<object, Set<string>>();
  const once: Forward = (method, args) => {
    const key = method + String(args[0]);
    const object = args.find((a): a is object => a !== null && typeof a === 'object');
    if (object) {
      const keys = seen.get(object) ?? new Set<string>();
      if (keys.has(key)) return;
      seen.set(object, keys.add(key));
    }
    forward(method, args);
  };

  if (Array.isArray(current))
    for (const call of current)
      if (Array.isArray(call) && METHODS.includes(call[0])) once(call[0], call.slice(1));

  const wrap = (analytics: AnalyticsLike | undefined) => {
    if (!analytics || typeof analytics !== 'object' || analytics.centricBridged) return;
    analytics.centricBridged = true;
    for (const method of METHODS) {
      const original = analytics[method];
      if (typeof original === 'function')
        analytics[method] = function (this: unknown, ...args: unknown[]) {
          once(method, args);
          return original.apply(this, args);
        };
    }
  };
  wrap(current);
  Object.defineProperty(owner, 'analytics', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (next: AnalyticsLike) => {
      current = next;
      wrap(next);
    },
  });
}
