// Offline evaluation of the recommenders (Ludewig and Jannach 2018 next-item protocol): HR@k and MRR@k per
// algorithm on a session-rec split, or on a raw session log converted and split here.
//   npm run bench -- recommend --train FILE --test FILE            (session-rec TSV: SessionId ItemId Time)
//   npm run bench -- recommend --input FILE --format epub|diginetica [--test-days 7]
// Options: --algorithms pop,ar,... (default all), --dataset NAME (label of the figures).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  AssociationRules,
  blendedRecommender,
  evaluateFitted,
  filterSessions,
  groupSessions,
  itemToItemRecommender,
  type NextItemRecommender,
  parseSessionTsv,
  personalRecommender,
  popularityRecommender,
  SequentialRules,
  type SessionEvent,
  SKNN,
  sessionModelRecommender,
  splitLastDays,
  trendingRecommender,
  VSKNN,
} from '@centric/recommend';
import { argValue, printFigure } from './figures';

const ALGORITHMS: Record<string, () => NextItemRecommender> = {
  pop: () => popularityRecommender(),
  trending: () => trendingRecommender(),
  ar: () => sessionModelRecommender(() => new AssociationRules({ pruning: 20 })),
  sr: () => sessionModelRecommender(() => new SequentialRules({ steps: 20, weighting: 'quadratic' })),
  sknn: () => sessionModelRecommender(() => new SKNN({ k: 100, sampleSize: 500 })),
  vsknn: () =>
    sessionModelRecommender(
      () =>
        new VSKNN({
          k: 500,
          sampleSize: 5000,
          weighting: 'quadratic',
          weightingScore: 'div',
          idfWeighting: 5,
        }),
    ),
  'i2i-cosine': () => itemToItemRecommender('cosine'),
  'i2i-lift': () => itemToItemRecommender('lift'),
  personal: () => personalRecommender(1),
  'vsknn-blend': () => blendedRecommender(() => new VSKNN()),
};

function fail(message: string): never {
  process.stderr.write(`bench recommend: ${message}\n`);
  process.exit(1);
}

function readText(path: string): string {
  if (!existsSync(path)) fail(`file not found: ${path}`);
  return readFileSync(path, 'utf8');
}

/** epub (mhahsler/arules): `session,doc,time` with "YYYY-MM-DD hh:mm:ss" times. */
function parseEpub(text: string): SessionEvent[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [sessionId = '', itemId = '', stamp = ''] = line
        .split(',')
        .map((f) => f.replace(/"/g, '').trim());
      return { sessionId, itemId, time: Date.parse(`${stamp.replace(' ', 'T')}Z`) / 1000 };
    });
}

/** DIGINETICA item views: `session_id;user_id;item_id;timeframe;eventdate`; time = date + timeframe (ms). */
function parseDiginetica(text: string): SessionEvent[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const [sessionId = '', , itemId = '', timeframe = '0', date = ''] = line.split(';');
      return { sessionId, itemId, time: Date.parse(`${date}T00:00:00Z`) / 1000 + Number(timeframe) / 1000 };
    });
}

function loadSplit(args: string[]): { train: SessionEvent[]; test: SessionEvent[]; dataset: string } {
  const trainPath = argValue(args, '--train');
  const testPath = argValue(args, '--test');
  if (trainPath || testPath) {
    if (!trainPath || !testPath) fail('give both --train FILE and --test FILE');
    const train = parseSessionTsv(readText(trainPath));
    const test = parseSessionTsv(readText(testPath));
    return { train, test, dataset: basename(trainPath).replace(/_train.*$/, '') };
  }
  const input = argValue(args, '--input');
  const format = argValue(args, '--format');
  if (!input || !format) {
    fail('usage: recommend --train FILE --test FILE | --input FILE --format epub|diginetica [--test-days N]');
  }
  const text = readText(input);
  const raw =
    format === 'epub' ? parseEpub(text) : format === 'diginetica' ? parseDiginetica(text) : undefined;
  if (!raw) fail(`unknown --format ${format} (epub, diginetica)`);
  const bad = raw.findIndex((e) => !e.sessionId || !e.itemId || !Number.isFinite(e.time));
  if (bad >= 0) fail(`${input}: malformed line ${bad + 2}`);
  const testDays = Number(argValue(args, '--test-days') ?? 7);
  // Stable order by session then time, as session-rec's prepared files are.
  const sorted = raw
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        (a.e.sessionId < b.e.sessionId ? -1 : a.e.sessionId > b.e.sessionId ? 1 : 0) ||
        a.e.time - b.e.time ||
        a.i - b.i,
    )
    .map(({ e }) => e);
  const { train, test } = splitLastDays(filterSessions(sorted), { testDays });
  return { train, test, dataset: format };
}

export default async function recommend(args: string[]): Promise<void> {
  const { train, test, dataset: derived } = loadSplit(args);
  const dataset = argValue(args, '--dataset') ?? derived;
  const wanted = (argValue(args, '--algorithms') ?? Object.keys(ALGORITHMS).join(',')).split(',');
  const unknown = wanted.filter((a) => !(a in ALGORITHMS));
  if (unknown.length > 0)
    fail(`unknown algorithm(s): ${unknown.join(', ')}; known: ${Object.keys(ALGORITHMS).join(', ')}`);
  const sessions = groupSessions(test);
  const items = new Set(train.map((e) => e.itemId)).size;
  process.stderr.write(
    `${dataset}: train ${train.length} events, ${new Set(train.map((e) => e.sessionId)).size} sessions, ${items} items; ` +
      `test ${test.length} events, ${sessions.length} sessions\n`,
  );
  const cutoffs = [5, 10, 20];
  for (const algorithm of wanted) {
    const recommender = ALGORITHMS[algorithm]!();
    const t0 = performance.now();
    recommender.fit(train);
    const t1 = performance.now();
    const result = evaluateFitted(recommender, sessions, { cutoffs });
    const t2 = performance.now();
    const base = { bench: 'recommend', algorithm, dataset };
    for (const k of [20, 10, 5]) {
      const m = result.metrics.find((x) => x.k === k)!;
      printFigure({ ...base, metric: `hr@${k}`, value: round(m.hitRate), unit: 'ratio' });
      printFigure({ ...base, metric: `mrr@${k}`, value: round(m.mrr), unit: 'ratio' });
    }
    printFigure({ ...base, metric: 'predictions', value: result.predictions, unit: 'count' });
    printFigure({ ...base, metric: 'fit_ms', value: Math.round(t1 - t0), unit: 'ms' });
    printFigure({ ...base, metric: 'eval_ms', value: Math.round(t2 - t1), unit: 'ms' });
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
