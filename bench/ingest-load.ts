// The load side of bench/ingest, run as a separate process so that it does not share the
// server's event loop: autocannon POSTs 100-event batches with fresh messageIds to /v1/batch.
import autocannon from 'autocannon';

const [url, writeKey, seconds = '20', connections = '32', eventsPerBatch = '100'] = process.argv.slice(2);
if (!url || !writeKey) {
  process.stderr.write('usage: ingest-load.ts URL WRITE_KEY [seconds] [connections] [eventsPerBatch]\n');
  process.exit(2);
}

const perBatch = Number(eventsPerBatch);
/** A realistic mix of e-commerce events; `__R__` becomes the request number so every id is new. */
function template(): string {
  const names = [
    'Product Viewed',
    'view_item',
    'Product List Viewed',
    'add_to_cart',
    'Products Searched',
    'Cart Viewed',
  ];
  const batch = Array.from({ length: perBatch }, (_, i) => ({
    type: i % 10 === 0 ? 'page' : 'track',
    ...(i % 10 === 0 ? { name: 'Category' } : { event: names[i % names.length] }),
    anonymousId: `anon-__R__-${i % 5}`,
    messageId: `bench-__R__-${i}`,
    timestamp: new Date().toISOString(),
    context: {
      page: { path: `/products/${i}`, referrer: 'https://www.google.com/' },
      userAgent: 'Mozilla/5.0 (bench)',
    },
    properties: {
      product_id: `SKU-${i}`,
      price: 19.99 + i,
      currency: 'EUR',
      category: 'Shoes/Running',
      position: i,
    },
  }));
  return JSON.stringify({ batch });
}
const body = template();
let request = 0;

const result = await autocannon({
  url: `${url}/v1/batch`,
  method: 'POST',
  connections: Number(connections),
  duration: Number(seconds),
  headers: { authorization: `Bearer ${writeKey}`, 'content-type': 'application/json' },
  requests: [{ setupRequest: (req) => ({ ...req, body: body.replaceAll('__R__', String(request++)) }) }],
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
    eventsPerBatch: perBatch,
  })}\n`,
);
