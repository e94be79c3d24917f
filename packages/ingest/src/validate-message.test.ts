import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from './limits';
import { validateMessage } from './validate-message';

const receivedAt = Date.parse('2026-05-04T12:00:00Z');
const check = (raw: unknown, batchSentAt: number | null = null) =>
  validateMessage(raw, { index: 3, receivedAt, batchSentAt, limits: DEFAULT_LIMITS });

function deep(levels: number): Record<string, unknown> {
  let v: Record<string, unknown> = { leaf: 1 };
  for (let i = 1; i < levels; i++) v = { child: v };
  return v;
}

describe('validateMessage', () => {
  it('accepts a minimal track message and defaults its time to the arrival', () => {
    const r = check({ type: 'track', event: 'Product Viewed', anonymousId: 'a' });
    expect('ok' in r && r.ok.timestamp).toBe(receivedAt);
  });

  it('names index, field and reason for each problem', () => {
    const r = check({ type: 'track', properties: [] });
    expect('errors' in r && r.errors).toEqual([
      expect.objectContaining({ index: 3, field: 'properties', reason: 'invalid_value' }),
    ]);
    const missing = check({ type: 'track' });
    expect('errors' in missing && missing.errors.map((e) => [e.field, e.reason])).toEqual([
      ['anonymousId', 'missing_field'],
      ['event', 'missing_field'],
    ]);
    const alias = check({ type: 'alias', userId: 'u' });
    expect('errors' in alias && alias.errors.map((e) => e.field)).toEqual(['previousId']);
    const badType = check({ type: 'purchase', anonymousId: 'a' });
    expect('errors' in badType && badType.errors[0]?.field).toBe('type');
  });

  it('refuses deeply nested and oversized properties with their own reasons', () => {
    const tooDeep = check({
      type: 'track',
      event: 'x',
      anonymousId: 'a',
      properties: deep(DEFAULT_LIMITS.maxDepth + 1),
    });
    expect('errors' in tooDeep && tooDeep.errors[0]?.reason).toBe('properties_too_deep');
    expect(
      'ok' in
        check({ type: 'track', event: 'x', anonymousId: 'a', properties: deep(DEFAULT_LIMITS.maxDepth) }),
    ).toBe(true);
    const huge = check({
      type: 'track',
      event: 'x',
      anonymousId: 'a',
      properties: { blob: 'é'.repeat(17 * 1024) },
    });
    expect('errors' in huge && huge.errors[0]).toMatchObject({
      field: 'properties',
      reason: 'properties_too_large',
    });
  });

  it('corrects clock skew with sentAt, refuses far-future and unparseable timestamps', () => {
    // The client clock runs 10 minutes fast: its timestamp and sentAt are both 10 minutes ahead.
    const skewed = check({
      type: 'track',
      event: 'x',
      anonymousId: 'a',
      timestamp: '2026-05-04T12:09:00Z',
      sentAt: '2026-05-04T12:10:00Z',
    });
    expect('ok' in skewed && skewed.ok.timestamp).toBe(Date.parse('2026-05-04T11:59:00Z'));
    const future = check({ type: 'track', event: 'x', anonymousId: 'a', timestamp: '2026-05-06T12:00:00Z' });
    expect('errors' in future && future.errors[0]).toMatchObject({
      field: 'timestamp',
      reason: 'timestamp_in_future',
    });
    const garbage = check({ type: 'track', event: 'x', anonymousId: 'a', timestamp: 'yesterday-ish' });
    expect('errors' in garbage && garbage.errors[0]?.reason).toBe('timestamp_invalid');
  });
});
