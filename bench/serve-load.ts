// The load side of bench/serve, run as a separate process so that it does not share the server's
// event loop: autocannon GETs /v1/recommendations at a fixed overall rate, each request taking
// the next path of a prepared, shuffled mix of slots, visitors and products.
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
const paths = JSON.parse(readFileSync(pathsFile, 'utf8')) as string[];
let next = 0;

const result = await autocannon({
  url,
  method: 'GET',
  connections: Number(connections),
  duration: Number(seconds),
  overallRate: Number(rate),
  headers: { authorization: `Bearer ${writeKey}` },
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
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
