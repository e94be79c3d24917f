import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import mining from './mining';

const dir = mkdtempSync(join(tmpdir(), 'bench-mining-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

/** Runs the bench and returns the figures it printed, by metric. */
async function run(
  args: string[],
): Promise<{ figures: Record<string, Record<string, unknown>>; errors: string }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => err.push(String(chunk)) > 0);
  await mining(args);
  const figures: Record<string, Record<string, unknown>> = {};
  for (const line of out.join('').split('\n').filter(Boolean)) {
    const figure = JSON.parse(line) as Record<string, unknown>;
    figures[String(figure.metric)] = figure;
  }
  return { figures, errors: err.join('') };
}

describe('bench mining', () => {
  it('counts itemsets and rules of a FIMI file', async () => {
    const file = join(dir, 'textbook.dat');
    // Han, Pei and Yin (2000), table 1, items a..p as numbers.
    writeFileSync(
      file,
      '6 1 3 4 7 9 13 16\n1 2 3 6 12 13 15\n2 6 8 10 15\n2 3 11 19 16\n1 6 3 5 12 16 13 14\n',
    );
    const { figures } = await run(['--itemsets', file, '--minsup', '0.6', '--rules', '--minconf', '1']);
    expect(figures.itemsets).toMatchObject({
      bench: 'mining',
      value: 18,
      unit: 'count',
      minsup: 0.6,
      minCount: 3,
    });
    expect(figures.transactions!.value).toBe(5);
    expect(figures.mining_ms).toMatchObject({ unit: 'ms', file: 'textbook.dat' });
    expect(figures.parse_ms!.unit).toBe('ms');
    expect(typeof figures.rules!.value).toBe('number');
    expect(Number(figures.rules_any_consequent!.value)).toBeGreaterThanOrEqual(Number(figures.rules!.value));
  });

  it('counts sequential patterns of an SPMF file', async () => {
    const file = join(dir, 'pei.txt');
    // Pei et al. (2001), table 1, items a..g as 1..7: 53 patterns at min support 2 of 4.
    writeFileSync(
      file,
      [
        '1 -1 1 2 3 -1 1 3 -1 4 -1 3 6 -1 -2',
        '1 4 -1 3 -1 2 3 -1 1 5 -1 -2',
        '5 6 -1 1 2 -1 4 6 -1 3 -1 2 -1 -2',
        '5 -1 7 -1 1 6 -1 3 -1 2 -1 3 -1 -2',
      ].join('\n'),
    );
    const { figures } = await run(['--sequences', file, '--minsup', '0.5', '--repeat', '2']);
    expect(figures.patterns).toMatchObject({ value: 53, minCount: 2 });
    expect(figures.sequences!.value).toBe(4);
    expect(figures.mining_best_ms).toMatchObject({ unit: 'ms', repeat: 2 });
  });

  it('names a missing file and fails', async () => {
    const missing = join(dir, 'nowhere.dat');
    const { figures, errors } = await run(['--itemsets', missing, '--minsup', '0.01']);
    expect(errors).toContain(missing);
    expect(process.exitCode).toBe(1);
    expect(figures).toEqual({});
  });

  it('explains its usage when arguments are missing', async () => {
    const { errors } = await run(['--itemsets', 'x.dat']);
    expect(errors).toMatch(/usage/);
    expect(process.exitCode).toBe(2);
  });
});
