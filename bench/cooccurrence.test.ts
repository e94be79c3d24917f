// The co-occurrence bench on a small generated shop: it prints every figure in the shared shape
// and finds the product families it planted (pairs inside a family bought and viewed together).
import { afterEach, describe, expect, it, vi } from 'vitest';
import cooccurrence from './cooccurrence';

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

describe('bench cooccurrence', () => {
  it('prints counts and times for both sides, patterns and personas', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    await cooccurrence(['--events', '16000', '--repeat', '1', '--min-count', '2']);
    const figures = out
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const of = (metric: string, extra: Record<string, unknown> = {}) =>
      figures.filter((f) => f.metric === metric && Object.entries(extra).every(([k, v]) => f[k] === v));
    expect(of('events')[0]).toMatchObject({ bench: 'cooccurrence', value: 16_000, unit: 'count' });
    for (const side of ['bought_together', 'viewed_together']) {
      expect(of('cooccurrence_ms', { side })).toHaveLength(2);
      expect(of('associations_cpu_ms', { side })).toHaveLength(2);
      expect(Number(of('pairs', { side, minCount: 2 })[0]!.value)).toBeGreaterThan(0);
    }
    expect(of('patterns_ms')[0]!.unit).toBe('ms');
    expect(Number(of('persona_customers')[0]!.value)).toBeGreaterThan(0);
  });
});
