// The ingest API over real HTTP on 127.0.0.1: authentication styles, content types, CORS,
// every kind of bad input with its own error, all-or-nothing batches, idempotent retries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.stop();
});

let seq = 0;
const track = (extra: Record<string, unknown> = {}) => ({
  type: 'track',
  event: 'Product Viewed',
  anonymousId: 'v-1',
  messageId: `msg-${++seq}`,
  ...extra,
});

interface Answer {
  success?: boolean;
  accepted?: number;
  duplicates?: number;
  error: { code: string; message: string; details?: { index: number; field: string; reason: string }[] };
}

async function post(path: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${server.keys.writeKey}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json()) as Answer };
}
const count = () => server.service.store.events.countEvents(server.project.id);

describe('POST /v1/batch and friends', () => {
  it('accepts a batch with the write key as Bearer, as Basic user name, as ?writeKey= and in the body', async () => {
    const before = await count();
    const basic = Buffer.from(`${server.keys.writeKey}:`).toString('base64');
    expect((await post('/v1/batch', JSON.stringify({ batch: [track()] }))).json).toEqual({
      success: true,
      accepted: 1,
      duplicates: 0,
    });
    expect(
      (await post('/v1/batch', JSON.stringify({ batch: [track()] }), { authorization: `Basic ${basic}` }))
        .status,
    ).toBe(200);
    expect(
      (
        await post(`/v1/batch?writeKey=${server.keys.writeKey}`, JSON.stringify({ batch: [track()] }), {
          authorization: '',
        })
      ).status,
    ).toBe(200);
    // sendBeacon: text/plain, no headers, key in the body.
    const beacon = await post(
      '/v1/batch',
      JSON.stringify({ writeKey: server.keys.writeKey, batch: [track()] }),
      { authorization: '', 'content-type': 'text/plain;charset=UTF-8' },
    );
    expect(beacon.status).toBe(200);
    expect(await count()).toBe(before + 4);
  });

  it('answers 401 without a key or with an unknown one, and 403 for the write key on queries', async () => {
    expect(
      (await post('/v1/batch', JSON.stringify({ batch: [track()] }), { authorization: '' })).json.error.code,
    ).toBe('unauthorized');
    expect(
      (await post('/v1/batch', JSON.stringify({ batch: [track()] }), { authorization: 'Bearer wk_nope' }))
        .status,
    ).toBe(401);
    const res = await fetch(`${server.url}/v1/query/overview`, {
      headers: { authorization: `Bearer ${server.keys.writeKey}` },
    });
    expect(res.status).toBe(403);
  });

  it('takes single messages on /v1/track, /v1/page, /v1/identify and /v1/alias', async () => {
    expect(
      (
        await post(
          '/v1/track',
          JSON.stringify({ event: 'add_to_cart', anonymousId: 'a', messageId: `s-${++seq}` }),
        )
      ).status,
    ).toBe(200);
    expect(
      (await post('/v1/page', JSON.stringify({ name: 'Home', anonymousId: 'a', messageId: `s-${++seq}` })))
        .status,
    ).toBe(200);
    expect(
      (
        await post(
          '/v1/identify',
          JSON.stringify({ userId: 'u-1', anonymousId: 'a', traits: { plan: 'gold' } }),
        )
      ).status,
    ).toBe(200);
    expect((await post('/v1/alias', JSON.stringify({ userId: 'u-1', previousId: 'a' }))).status).toBe(200);
    const wrong = await post('/v1/page', JSON.stringify({ type: 'track', event: 'x', anonymousId: 'a' }));
    expect(wrong.json.error).toMatchObject({
      code: 'validation_failed',
      details: [expect.objectContaining({ field: 'type' })],
    });
  });

  it('answers CORS preflights for shop origins', async () => {
    const res = await fetch(`${server.url}/v1/batch`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });

  it('rejects a batch with bad events whole, naming each bad event’s index, field and reason', async () => {
    const before = await count();
    const res = await post(
      '/v1/batch',
      JSON.stringify({
        batch: [
          track(),
          track({ event: undefined }),
          track(),
          track({ timestamp: '2099-01-01T00:00:00Z' }),
          track({ channel: 'fax' }),
        ],
      }),
    );
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('validation_failed');
    expect((res.json.error.details ?? []).map((d) => [d.index, d.field, d.reason])).toEqual([
      [1, 'event', 'missing_field'],
      [3, 'timestamp', 'timestamp_in_future'],
      [4, 'channel', 'invalid_value'],
    ]);
    expect(await count()).toBe(before);
  });

  it('gives each kind of bad input its own clear error', async () => {
    const cases: [string, Awaited<ReturnType<typeof post>>][] = [
      [
        'oversized body',
        await post(
          '/v1/batch',
          JSON.stringify({ batch: [track({ properties: { pad: 'x'.repeat(1_100_000) } })] }),
        ),
      ],
      [
        'too many events',
        await post('/v1/batch', JSON.stringify({ batch: Array.from({ length: 501 }, () => track()) })),
      ],
      ['wrong content type', await post('/v1/batch', '<batch/>', { 'content-type': 'application/xml' })],
      ['invalid JSON', await post('/v1/batch', '{"batch": [')],
      [
        'invalid UTF-8',
        await post(
          '/v1/batch',
          Buffer.concat([
            Buffer.from('{"batch":[{"type":"track","event":"'),
            Buffer.from([0xc3, 0x28]),
            Buffer.from('","anonymousId":"a"}]}'),
          ]),
        ),
      ],
      [
        'deep properties',
        await post(
          '/v1/batch',
          JSON.stringify({
            batch: [track({ properties: JSON.parse(`${'{"a":'.repeat(12)}1${'}'.repeat(12)}`) })],
          }),
        ),
      ],
      [
        'huge properties',
        await post(
          '/v1/batch',
          JSON.stringify({ batch: [track({ properties: { blob: 'y'.repeat(40_000) } })] }),
        ),
      ],
      [
        'future timestamp',
        await post('/v1/batch', JSON.stringify({ batch: [track({ timestamp: '2099-01-01T00:00:00Z' })] })),
      ],
      ['not a batch', await post('/v1/batch', JSON.stringify([track()]))],
    ];
    const summary = Object.fromEntries(
      cases.map(([name, r]) => [
        name,
        [r.status, r.json.error.code, r.json.error.details?.[0]?.reason ?? null],
      ]),
    );
    expect(summary).toEqual({
      'oversized body': [413, 'payload_too_large', null],
      'too many events': [413, 'batch_too_large', null],
      'wrong content type': [415, 'unsupported_media_type', null],
      'invalid JSON': [400, 'invalid_json', null],
      'invalid UTF-8': [400, 'invalid_utf8', null],
      'deep properties': [400, 'validation_failed', 'properties_too_deep'],
      'huge properties': [400, 'validation_failed', 'properties_too_large'],
      'future timestamp': [400, 'validation_failed', 'timestamp_in_future'],
      'not a batch': [400, 'validation_failed', 'missing_field'],
    });
    for (const [, r] of cases) expect(typeof r.json.error.message).toBe('string');
  });

  it('stores a retried batch once (messageId idempotency), also within one batch', async () => {
    const before = await count();
    const batch = [track(), track()];
    const dup = batch[0];
    expect((await post('/v1/batch', JSON.stringify({ batch: [...batch, dup] }))).json).toEqual({
      success: true,
      accepted: 2,
      duplicates: 1,
    });
    expect((await post('/v1/batch', JSON.stringify({ batch }))).json).toEqual({
      success: true,
      accepted: 0,
      duplicates: 2,
    });
    expect(await count()).toBe(before + 2);
  });
});

describe('server basics', () => {
  it('serves /health, the OpenAPI document at /docs and one error shape for unknown routes', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toMatchObject({
      status: 'ok',
      store: 'duckdb',
    });
    const doc = (await (await fetch(`${server.url}/docs/json`)).json()) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/batch',
        '/v1/track',
        '/v1/page',
        '/v1/identify',
        '/v1/alias',
        '/v1/query/overview',
      ]),
    );
    const missing = await fetch(`${server.url}/v1/nothing`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { code: 'not_found', message: 'no route GET /v1/nothing' },
    });
  });
});
