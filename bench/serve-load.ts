// The load side of bench/serve, run as a separate process so that it does not share the server's
// event loop: autocannon GETs /v1/recommendations at a fixed overall rate, each request taking
// the next path of a prepared, shuffled mix of slots, visitors and products.
//   node --import tsx bench/serve-load.ts URL WRITE_KEY PATHS_JSON SECONDS RATE
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

const [url, writeKey, pathsFile, seconds = '20', rate = '500'] = process.argv.slice(2);
if (!url || !writeKey || !pathsFile) {
  process.stderr.write('usage: serve-load.ts URL WRITE_KEY PATHS_JSON [seconds] [rate]\n');
  process.exit(2);
}
const paths = JSON.parse(readFileSync(pathsFile, 'utf8')) as string[];
let next = 0;

const result = await autocannon({
  url,
  method: 'GET',
  // Enough connections that a slow answer never holds the fixed rate back.
  connections: 32,
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
