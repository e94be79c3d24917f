import { describe, expect, it } from 'vitest';
import { bridgeAnalytics, type SegmentMethod } from './segment-bridge';

type Call = (...args: unknown[]) => unknown;
type Stub = unknown[] & Record<'track' | 'page' | 'identify' | 'alias' | 'group', Call>;

/** Segment's snippet stub: an array whose methods queue their calls. */
function snippetStub(): Stub {
  const stub = [] as unknown[] as Stub;
  for (const method of ['track', 'page', 'identify', 'alias', 'group'] as const)
    stub[method] = (...args: unknown[]) => {
      stub.push([method, ...args]);
      return stub;
    };
  return stub;
}

describe('Segment snippet bridge', () => {
  it('replays queued calls, forwards later ones, and leaves the stub queue for Segment', () => {
    const owner: { analytics?: unknown } = { analytics: snippetStub() };
    const stub = owner.analytics as Stub;
    stub.page();
    stub.track('Signed Up', { plan: 'pro' });
    const calls: [SegmentMethod, unknown[]][] = [];
    bridgeAnalytics(owner, (method, args) => calls.push([method, args]));
    stub.identify('u-1', { email: 'a@b.c' });
    stub.group('g-1');
    expect(calls).toEqual([
      ['page', []],
      ['track', ['Signed Up', { plan: 'pro' }]],
      ['identify', ['u-1', { email: 'a@b.c' }]],
    ]);
    expect(stub).toHaveLength(4);
  });

  it('follows Segment’s library when it replaces window.analytics, without forwarding its replay twice', () => {
    const owner: { analytics?: unknown } = { analytics: snippetStub() };
    const props = { plan: 'pro' };
    (owner.analytics as Stub).track('Signed Up', props);
    const calls: unknown[][] = [];
    bridgeAnalytics(owner, (method, args) => calls.push([method, ...args]));
    const queued = [...(owner.analytics as unknown[][])];
    const library = {
      sent: [] as unknown[][],
      track(...args: unknown[]) {
        this.sent.push(args);
      },
    };
    owner.analytics = library;
    // The library replays the stub's queue with the same argument objects ...
    for (const [method, ...args] of queued) if (method === 'track') library.track(...args);
    // ... then the shop's next call.
    (owner.analytics as typeof library).track('Order Completed', { order_id: 'o-1' });
    expect(calls).toEqual([
      ['track', 'Signed Up', { plan: 'pro' }],
      ['track', 'Order Completed', { order_id: 'o-1' }],
    ]);
    expect(library.sent).toHaveLength(2);
  });

  it('does nothing without a snippet', () => {
    const owner: { analytics?: unknown } = {};
    bridgeAnalytics(owner, () => undefined);
    expect(owner.analytics).toBeUndefined();
  });
});
