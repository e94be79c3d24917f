// Checks that every kind of failure reaches the UI as one ApiError with a readable message.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet } from './client';
import { parseMe, parseOverview } from './endpoints';

function answer(status: number, body: string) {
  return vi.fn(async (_input: string, _init?: RequestInit) => new Response(body, { status }));
}

afterEach(() => vi.unstubAllGlobals());

describe('apiGet', () => {
  it('sends the secret key as a bearer token and parses the body', async () => {
    const fetchMock = answer(200, JSON.stringify({ projectId: 'p1', projectName: 'Shop', role: 'secret' }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(apiGet('/v1/me', 'sk_1', parseMe)).resolves.toEqual({
      projectId: 'p1',
      projectName: 'Shop',
    });
    const init = fetchMock.mock.calls[0]?.[1];
    expect(new Headers(init?.headers).get('Authorization')).toBe('Bearer sk_1');
  });

  it('uses the message of the error body', async () => {
    vi.stubGlobal(
      'fetch',
      answer(401, JSON.stringify({ error: { code: 'unauthorized', message: 'Bad key' } })),
    );
    const error = await apiGet('/v1/me', 'sk_x', parseMe).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 401,
      code: 'unauthorized',
      message: 'Bad key',
      isUnauthorized: true,
    });
  });

  it('explains bodies that are not ours and unreachable servers', async () => {
    vi.stubGlobal('fetch', answer(502, '<html>Bad gateway</html>'));
    await expect(apiGet('/v1/me', 'sk_x', parseMe)).rejects.toMatchObject({ status: 502, code: 'http_502' });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('fetch failed');
      }),
    );
    await expect(apiGet('/v1/me', 'sk_x', parseMe)).rejects.toMatchObject({ code: 'network_error' });
  });

  it('rejects a response of the wrong shape', async () => {
    vi.stubGlobal('fetch', answer(200, JSON.stringify({ events: 'many' })));
    await expect(apiGet('/v1/query/overview', 'sk_x', parseOverview)).rejects.toMatchObject({
      code: 'bad_response',
    });
  });
});
