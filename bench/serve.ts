// bench/serve: recommendation serving latency on the demo catalogue. Starts a server on a fresh
// data directory (the demo loads on first start), then drives GET /v1/recommendations at a fixed
// rate from a second process (autocannon) with a mix of slots, known customers, anonymous
// visitors and products, after a short warm-up that fills the visitor cache.
//   npm run bench -- serve [--seconds 20] [--rate 500] [--connections 10] [--warmup 5] [--data DIR]
// Ten connections stand for a shop's web servers calling the API over a keep-alive pool; see
// serve-load.ts for how autocannon paces them.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { argValue, printFigure } from './figures';

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..');

export interface Ready {
  url: string;
  writeKey: string;
  secretKey: string;
}

export function startServer(dataDir: string): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'apps/server/src/main.ts')], {
    env: {
      ...process.env,
      CENTRIC_DATA_DIR: dataDir,
      CENTRIC_PORT: '0',
      CENTRIC_HOST: '127.0.0.1',
      // The demo catalogue and history are what this measures, whatever the caller's environment says.
      CENTRIC_DEMO: 'true',
      CENTRIC_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith('{"ready":true')) ok({ child, ready: JSON.parse(line) as Ready });
    });
    child.once('exit', (code) => fail(new Error(`server exited with ${code}`)));
  });
}

export function runLoad(args: string[]): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'serve-load.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  return new Promise((ok, fail) =>
    child.once('exit', (code) => (code === 0 ? ok(JSON.parse(out)) : fail(new Error(`load exited ${code}`)))),
  );
}

/**
 * CPU seconds a process has used (user + system, from /proc on Linux; 0 elsewhere): the server's
 * cost per request, which a busy machine does not distort the way it distorts latency.
 */
export function cpuSeconds(pid: number | undefined): number {
  const file = `/proc/${pid}/stat`;
  if (pid === undefined || !existsSync(file)) return 0;
  const fields = readFileSync(file, 'utf8').split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of stat(5), in clock ticks (100 per second on Linux).
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** First column of a shipped demo CSV (ids), header skipped. */
export function demoIds(name: string): string[] {
  const text = gunzipSync(readFileSync(join(repo, 'demo/data', name))).toString('utf8');
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(',', 1)[0]!)
    .filter(Boolean);
}

/** A seeded mix of requests: product pages dominate, as on a shop; half the visitors are known customers. */
function requestPaths(count: number): string[] {
  const products = demoIds('products.csv.gz');
  const customers = demoIds('customers.csv.gz');
  let seed = 42;
  const rand = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed / 2_147_483_648;
  };
  const any = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const paths: string[] = [];
  for (let i = 0; i < count; i++) {
    const visitor = rand() < 0.5 ? any(customers) : `bench-visitor-${Math.floor(rand() * 1000)}`;
    const r = rand();
    const query: Record<string, string> =
      r < 0.3
        ? { slot: 'home', visitor }
        : r < 0.65
          ? { slot: 'product_page', visitor, product: any(products) }
          : r < 0.8
            ? { slot: 'cart', visitor, product: any(products) }
            : { slot: 'email', visitor: any(customers) };
    paths.push(`/v1/recommendations?${new URLSearchParams(query).toString()}`);
  }
  return paths;
}

export default async function serveBench(args: string[]): Promise<void> {
  const seconds = argValue(args, '--seconds') ?? '20';
  const rate = argValue(args, '--rate') ?? '500';
  const warmup = argValue(args, '--warmup') ?? '5';
  const connections = argValue(args, '--connections') ?? '10';
  const given = argValue(args, '--data');
  const dir = mkdtempSync(join(tmpdir(), 'centric-bench-serve-'));
  const pathsFile = join(dir, 'paths.json');
  writeFileSync(pathsFile, JSON.stringify(requestPaths(20_000)));
  try {
    const started = performance.now();
    const { child, ready } = await startServer(given ?? join(dir, 'data'));
    const startupS = (performance.now() - started) / 1000;
    let load: Record<string, number>;
    let cpuBefore = 0;
    let cpuAfter = 0;
    try {
      await runLoad([ready.url, ready.writeKey, pathsFile, warmup, rate, connections]);
      cpuBefore = cpuSeconds(child.pid);
      load = await runLoad([ready.url, ready.writeKey, pathsFile, seconds, rate, connections]);
      cpuAfter = cpuSeconds(child.pid);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    const bench = 'serve';
    const requests = load.requests ?? 0;
    const shape = { rate: Number(rate), connections: Number(connections) };
    printFigure({ bench, metric: 'serve_p50_ms', value: load.p50 ?? 0, unit: 'ms', ...shape });
    printFigure({ bench, metric: 'serve_p99_ms', value: load.p99 ?? 0, unit: 'ms', ...shape });
    printFigure({
      bench,
      metric: 'serve_requests_per_s',
      value: Math.round(requests / (load.seconds ?? Number(seconds))),
      unit: '1/s',
      non2xx: load.non2xx ?? 0,
      errors: load.errors ?? 0,
    });
    if (cpuAfter > 0 && requests > 0) {
      printFigure({
        bench,
        metric: 'serve_server_cpu_ms_per_request',
        value: Math.round(((cpuAfter - cpuBefore) * 1000 * 100) / requests) / 100,
        unit: 'ms',
      });
    }
    printFigure({ bench, metric: 'server_start_s', value: Math.round(startupS * 10) / 10, unit: 's' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
