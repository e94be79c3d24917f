// Runs Centric's own miners on a benchmark file and prints the figures the reference answers
// (shared/data/reference/REFERENCE.md) are compared with: counts, then times.
//   npm run bench -- mining --itemsets FILE --minsup 0.001 [--rules --minconf 0.5]   (FIMI format)
//   npm run bench -- mining --sequences FILE --minsup 0.5 [--maxlen N]                (SPMF format)
// The minimum count is ceil(minsup x transactions or sequences). --repeat N mines N times and adds
// mining_best_ms; mining_ms is always the first, cold run, as a one-shot command line tool sees it.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { associations, patterns } from '@centric/analyses';
import { argValue, hasFlag, printFigure } from './figures';

const USAGE =
  'usage: npm run bench -- mining --itemsets FILE --minsup X [--rules --minconf Y] [--repeat N]\n' +
  '       npm run bench -- mining --sequences FILE --minsup X [--maxlen N] [--repeat N]\n';

function fail(message: string, code: number): void {
  process.stderr.write(`bench mining: ${message}\n`);
  process.exitCode = code;
}

/** Mines `repeat` times; returns the first result and the first and best times. */
function timed<R>(repeat: number, mine: () => R): { result: R; firstMs: number; bestMs: number } {
  let result: R | undefined;
  let firstMs = 0;
  let bestMs = Number.POSITIVE_INFINITY;
  for (let run = 0; run < repeat; run++) {
    const start = performance.now();
    const current = mine();
    const ms = performance.now() - start;
    if (run === 0) {
      result = current;
      firstMs = ms;
    }
    bestMs = Math.min(bestMs, ms);
  }
  return { result: result as R, firstMs, bestMs };
}

export default async function mining(args: string[]): Promise<void> {
  const itemsetsFile = argValue(args, '--itemsets');
  const sequencesFile = argValue(args, '--sequences');
  const file = itemsetsFile ?? sequencesFile;
  const minsup = Number(argValue(args, '--minsup'));
  const repeat = Math.max(1, Number(argValue(args, '--repeat') ?? 1) || 1);
  if (!file || (itemsetsFile && sequencesFile) || !(minsup > 0 && minsup <= 1)) {
    fail(`give one of --itemsets FILE or --sequences FILE and --minsup in (0, 1]\n${USAGE}`, 2);
    return;
  }
  if (!existsSync(file)) {
    fail(`input file not found: ${file}`, 1);
    return;
  }
  const label = { file: basename(file), minsup };
  // Times are the metrics named *_ms; everything else is a count.
  const figure = (metric: string, value: number, extra: Record<string, string | number> = {}) =>
    printFigure({
      bench: 'mining',
      metric,
      value,
      unit: metric.endsWith('_ms') ? 'ms' : 'count',
      ...label,
      ...extra,
    });

  const parseStart = performance.now();
  const text = readFileSync(file, 'utf8');
  if (itemsetsFile) {
    const transactions = associations.parseFimi(text);
    figure('parse_ms', Math.round(performance.now() - parseStart));
    figure('transactions', transactions.length);
    const mined = timed(repeat, () =>
      associations.mineFrequentItemsets(transactions, { minSupport: minsup }),
    );
    figure('itemsets', mined.result.itemsets.length, { minCount: mined.result.minCount });
    figure('mining_ms', Math.round(mined.firstMs));
    if (repeat > 1) figure('mining_best_ms', Math.round(mined.bestMs), { repeat });
    if (hasFlag(args, '--rules')) {
      const minconf = Number(argValue(args, '--minconf') ?? 0.5);
      if (!(minconf >= 0 && minconf <= 1)) {
        fail(`--minconf must lie in [0, 1], got ${argValue(args, '--minconf')}`, 2);
        return;
      }
      const rulesStart = performance.now();
      const single = associations.associationRules(mined.result, { minConfidence: minconf });
      const anySize = associations.associationRules(mined.result, {
        minConfidence: minconf,
        consequents: 'any-size',
      });
      const rulesMs = performance.now() - rulesStart;
      figure('rules', single.length, { minconf });
      figure('rules_lift_at_least_1', single.filter((rule) => rule.lift >= 1).length, { minconf });
      figure('rules_any_consequent', anySize.length, { minconf });
      figure('rules_ms', Math.round(rulesMs), { minconf });
    }
    return;
  }
  const sequences = patterns.parseSpmfSequences(text);
  figure('parse_ms', Math.round(performance.now() - parseStart));
  figure('sequences', sequences.length);
  const maxLength = argValue(args, '--maxlen') === undefined ? undefined : Number(argValue(args, '--maxlen'));
  const mined = timed(repeat, () =>
    patterns.mineSequentialPatterns(sequences, { minSupport: minsup, maxLength }),
  );
  figure('patterns', mined.result.patterns.length, { minCount: mined.result.minCount });
  figure('mining_ms', Math.round(mined.firstMs));
  if (repeat > 1) figure('mining_best_ms', Math.round(mined.bestMs), { repeat });
}
