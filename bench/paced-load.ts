// Constant-arrival-rate load for latency benches (the open model of wrk2 and k6's
// constant-arrival-rate): request i is due at start + i / rate, whatever became of the earlier
// ones, and its latency is counted from when it was due, so a slow server cannot hide its
// queueing by slowing the load down (coordinated omission). Requests go over a fixed pool of
// keep-alive connections, like a shop's web servers calling the API.
//   node --import tsx bench/paced-load.ts URL AUTH_HEADER PATHS_JSON SECONDS RATE CONNECTIONS [POST_BODIES_JSON]
// PATHS_JSON is a list of paths taken in turn; with POST_BODIES_JSON (a list of JSON bodies,
// taken in turn) every request is a POST of the next body to the first path.
// Prints {"requests","ok","non2xx","errors","seconds","p50","p90","p99","max"} (ms) on stdout.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';

export interface PacedLoadResult {
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  seconds: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export interface PacedLoadOptions {
  url: string;
  authorization: string;
  paths: readonly string[];
  /** With bodies, every request POSTs the next body to paths[0]. */
  bodies?: readonly string[];
  seconds: number;
  rate: number;
  connections: number;
}

/** The q-quantile of sorted values (nearest rank). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let ok = 0;
  let non2xx = 0;
  let errors = 0;
  let sent = 0;
  let done = 0;
  const total = Math.round(options.seconds * options.rate);
  const intervalMs = 1000 / options.rate;
  const start = performance.now();

  const fire = (index: number, dueAt: number) => {
    const body = options.bodies ? options.bodies[index % options.bodies.length]! : undefined;
    const path = options.bodies ? options.paths[0]! : options.paths[index % options.paths.length]!;
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method: body === undefined ? 'GET' : 'POST',
        agent,
        headers: {
          authorization: options.authorization,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - dueAt);
          if (res.statusCode !== undefined && res.statusCode >= 200 && res.statusCode < 300) ok += 1;
          else non2xx += 1;
          done += 1;
        });
      },
    );
    req.on('error', () => {
      errors += 1;
      done += 1;
    });
    req.end(body);
  };

  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Every request that is due by now goes out, however late the timer woke up.
      while (sent < total && start + sent * intervalMs <= now) {
        fire(sent, start + sent * intervalMs);
        sent += 1;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - performance.now()));
      else resolve();
    };
    tick();
  });
  // The stragglers, for at most ten seconds.
  const deadline = performance.now() + 10_000;
  while (done < sent && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  agent.destroy();
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    requests: sent,
    ok,
    non2xx,
    errors: errors + (sent - done),
    seconds: round(seconds),
    p50: round(quantile(latencies, 0.5)),
    p90: round(quantile(latencies, 0.9)),
    p99: round(quantile(latencies, 0.99)),
    max: round(latencies.at(-1) ?? 0),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, authorization, pathsFile, seconds = '20', rate = '500', connections = '10', bodiesFile] =
    process.argv.slice(2);
  if (!url || !authorization || !pathsFile) {
    process.stderr.write(
      'usage: paced-load.ts URL AUTH_HEADER PATHS_JSON [seconds] [rate] [connections] [BODIES_JSON]\n',
    );
    process.exit(2);
  }
  const result = await pacedLoad({
    url,
    authorization,
    paths: JSON.parse(readFileSync(pathsFile, 'utf8')) as string[],
    ...(bodiesFile ? { bodies: JSON.parse(readFileSync(bodiesFile, 'utf8')) as string[] } : {}),
    seconds: Number(seconds),
    rate: Number(rate),
    connections: Number(connections),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
