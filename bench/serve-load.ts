// The load side of bench/serve (and bench/decide), run as a separate process so that it does not
// share the server's event loop: autocannon sends requests at a fixed overall rate, each taking
// the next entry of a prepared, shuffled mix: a path to GET (slots, visitors and products of
// /v1/recommendations) or `{ method, path, body }` (the JSON bodies of POST /v1/decide).
//   node --import tsx bench/serve-load.ts URL WRITE_KEY PATHS_JSON SECONDS RATE CONNECTIONS
// autocannon's rate is a quota per connection and second: each connection sends back to back until
// its quota is used, then waits for the next second. So the connections are the queue depth the
// server sees at the start of every second, and the latencies include that queueing.
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, writeKey, pathsFile, seconds = '20', rate = '500', connections = '10'] = process.argv.slice(2);
if (!url || !writeKey || !pathsFile) {
  process.stderr.write('usage: serve-load.ts URL WRITE_KEY PATHS_JSON [seconds] [rate] [connections]\n');
  process.exit(2);
}
type LoadRequest = string | { method: string; path: string; body?: unknown };
// Bodies serialised once, before the clock runs.
const requests = (JSON.parse(readFileSync(pathsFile, 'utf8')) as LoadRequest[]).map((r) =>
  typeof r === 'string'
    ? { method: 'GET', path: r }
    : { method: r.method, path: r.path, body: JSON.stringify(r.body) },
);
let next = 0;

const result = await autocannon({
  url,
  method: 'GET',
  connections: Number(connections),
  duration: Number(seconds),
  overallRate: Number(rate),
  headers: { authorization: `Bearer ${writeKey}` },
  requests: [
    {
      setupRequest: (req) => {
        const r = requests[next++ % requests.length]!;
        if (r.body === undefined) return { ...req, method: 'GET', path: r.path };
        const headers = { ...req.headers, 'content-type': 'application/json' };
        return { ...req, method: 'POST', path: r.path, body: r.body, headers };
      },
    },
  ],
});
process.stdout.write(
  `${JSON.stringify({
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
  })}\n`,
);
