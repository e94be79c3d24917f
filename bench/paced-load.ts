// Constant-arrival-rate load for latency benches (the open model of wrk2 and k6's
// constant-arrival-rate): request i is due at start + i / rate, whatever became of the earlier
// ones, and its latency is counted from when it was due, so a slow server cannot hide its
// queueing by slowing the load down (coordinated omission). Requests go over a fixed pool of
// keep-alive connections, like a shop's web servers calling the API.
//   node --import tsx bench/paced-load.ts URL WRITE_KEY REQUESTS_JSON SECONDS RATE CONNECTIONS
// REQUESTS_JSON is the same prepared mix bench/serve-load.ts takes, in turn: paths to GET, or
// `{ method, path, body }` entries to send with a JSON body.
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

/** A path to GET, or a request with a JSON body. */
export type LoadRequest = string | { method: string; path: string; body?: unknown };

export interface PacedLoadOptions {
  url: string;
  authorization: string;
  requests: readonly LoadRequest[];
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
  // Bodies serialised once, before the clock runs.
  const prepared = options.requests.map((r) =>
    typeof r === 'string'
      ? { method: 'GET', path: r, body: undefined }
      : { method: r.method, path: r.path, body: r.body === undefined ? undefined : JSON.stringify(r.body) },
  );
  const intervalMs = 1000 / options.rate;
  const start = performance.now();

  const fire = (index: number, dueAt: number) => {
    const { method, path, body } = prepared[index % prepared.length]!;
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path,
        method,
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
  const [url, writeKey, requestsFile, seconds = '20', rate = '500', connections = '10'] =
    process.argv.slice(2);
  if (!url || !writeKey || !requestsFile) {
    process.stderr.write('usage: paced-load.ts URL WRITE_KEY REQUESTS_JSON [seconds] [rate] [connections]\n');
    process.exit(2);
  }
  const result = await pacedLoad({
    url,
    authorization: `Bearer ${writeKey}`,
    requests: JSON.parse(readFileSync(requestsFile, 'utf8')) as LoadRequest[],
    seconds: Number(seconds),
    rate: Number(rate),
    connections: Number(connections),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
