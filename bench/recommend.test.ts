import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import recommend from './recommend';

const dir = mkdtempSync(join(tmpdir(), 'bench-recommend-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('bench recommend', () => {
  it('prints hr/mrr at 20, 10 and 5 per algorithm in the shared figure shape', async () => {
    // Popularity in training: a 3, b 2, c 1. Test session b a c: after b the truth a ranks 1 for pop,
    // after b a the truth c ranks 3, so HR@k = 1 and MRR@k = (1 + 1/3) / 2 for every k >= 3.
    const train = join(dir, 'x_train_full.txt');
    const test = join(dir, 'x_test.txt');
    writeFileSync(train, 'SessionId\tItemId\tTime\n1\ta\t1\n1\tb\t2\n2\ta\t3\n2\tc\t4\n3\ta\t5\n3\tb\t6\n');
    writeFileSync(test, 'SessionId\tItemId\tTime\n9\tb\t10\n9\ta\t11\n9\tc\t12\n');
    const lines: string[] = [];
    const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      lines.push(String(chunk));
      return true;
    });
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await recommend(['--train', train, '--test', test, '--algorithms', 'pop,vsknn']);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
    const figures = lines.map((l) => JSON.parse(l) as Record<string, string | number>);
    const value = (algorithm: string, metric: string) =>
      figures.find((f) => f.algorithm === algorithm && f.metric === metric)?.value;
    for (const algorithm of ['pop', 'vsknn']) {
      for (const metric of [
        'hr@20',
        'mrr@20',
        'hr@10',
        'mrr@10',
        'hr@5',
        'mrr@5',
        'predictions',
        'eval_ms',
      ]) {
        expect(value(algorithm, metric), `${algorithm} ${metric}`).toBeTypeOf('number');
      }
    }
    expect(figures[0]).toMatchObject({ bench: 'recommend', algorithm: 'pop', dataset: 'x', unit: 'ratio' });
    expect(value('pop', 'predictions')).toBe(2);
    expect(value('pop', 'hr@5')).toBe(1);
    expect(value('pop', 'mrr@20')).toBeCloseTo(2 / 3, 6);
  });
});
