// The server side of the latency benches (bench/serve, bench/decide): starts Centric on a data
// directory (the demo loads on a fresh one), lets the caller configure it, warms it up, then
// drives it from a second process at a fixed rate and prints the figures.
// The primary figures (<prefix>_p50_ms, <prefix>_p99_ms) come from a constant-arrival-rate load
// (paced-load.ts: one request every 1/rate s, latency counted from when it was due); the
// <prefix>_burst_p99_ms figure from autocannon (serve-load.ts), whose rate is a per-connection
// quota sent back to back at the start of every second, so all connections queue at once.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { argValue, printFigure } from './figures';
import type { LoadRequest } from './paced-load';

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

function runLoad(script: string, args: string[]): Promise<Record<string, number>> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, script), ...args], {
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

export interface LatencyBenchOptions {
  /** Name of the bench in the printed figures. */
  bench: string;
  /** Prefix of the metric names, e.g. 'serve' for serve_p99_ms. */
  prefix: string;
  args: readonly string[];
  defaultRate: number;
  /** The prepared request mix, taken in turn. */
  requests: readonly LoadRequest[];
  /** Configuration before the warm-up (triggers, segments). */
  prepare?: (ready: Ready) => Promise<void>;
}

export async function latencyBench(options: LatencyBenchOptions): Promise<void> {
  const { args, bench, prefix } = options;
  const seconds = argValue([...args], '--seconds') ?? '20';
  const rate = argValue([...args], '--rate') ?? String(options.defaultRate);
  const warmup = argValue([...args], '--warmup') ?? '15';
  const connections = argValue([...args], '--connections') ?? '10';
  const given = argValue([...args], '--data');
  const dir = mkdtempSync(join(tmpdir(), `centric-bench-${bench}-`));
  const requestsFile = join(dir, 'requests.json');
  writeFileSync(requestsFile, JSON.stringify(options.requests));
  const loadArgs = (ready: Ready, secs: string) => [
    ready.url,
    ready.writeKey,
    requestsFile,
    secs,
    rate,
    connections,
  ];
  try {
    const started = performance.now();
    const { child, ready } = await startServer(given ?? join(dir, 'data'));
    const startupS = (performance.now() - started) / 1000;
    let paced: Record<string, number>;
    let burst: Record<string, number>;
    let cpuBefore = 0;
    let cpuAfter = 0;
    try {
      await options.prepare?.(ready);
      await runLoad('serve-load.ts', loadArgs(ready, warmup));
      cpuBefore = cpuSeconds(child.pid);
      paced = await runLoad('paced-load.ts', loadArgs(ready, seconds));
      cpuAfter = cpuSeconds(child.pid);
      burst = await runLoad('serve-load.ts', loadArgs(ready, seconds));
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    const requests = paced.requests ?? 0;
    const shape = { rate: Number(rate), connections: Number(connections) };
    printFigure({ bench, metric: `${prefix}_p50_ms`, value: paced.p50 ?? 0, unit: 'ms', ...shape });
    printFigure({ bench, metric: `${prefix}_p99_ms`, value: paced.p99 ?? 0, unit: 'ms', ...shape });
    printFigure({
      bench,
      metric: `${prefix}_requests_per_s`,
      value: Math.round(requests / (paced.seconds ?? Number(seconds))),
      unit: '1/s',
      non2xx: paced.non2xx ?? 0,
      errors: paced.errors ?? 0,
    });
    printFigure({ bench, metric: `${prefix}_burst_p99_ms`, value: burst.p99 ?? 0, unit: 'ms', ...shape });
    if (cpuAfter > 0 && requests > 0) {
      printFigure({
        bench,
        metric: `${prefix}_server_cpu_ms_per_request`,
        value: Math.round(((cpuAfter - cpuBefore) * 1000 * 100) / requests) / 100,
        unit: 'ms',
      });
    }
    printFigure({ bench, metric: 'server_start_s', value: Math.round(startupS * 10) / 10, unit: 's' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
