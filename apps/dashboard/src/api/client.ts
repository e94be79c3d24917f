// Fetch wrapper for the Centric JSON API: adds the project's secret key, sends JSON bodies, and turns every failure
// (HTTP error, unreachable server, malformed body) into one ApiError shape the UI can show.

/** Error body the server sends: `{ "error": { "code", "message", "details" } }`. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }

  get isUnauthorized(): boolean {
    return this.status === 401;
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorFromBody(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.message === 'string') {
    const code = typeof error.code === 'string' ? error.code : `http_${status}`;
    return new ApiError(status, code, error.message, error.details);
  }
  // Proxies and crashed servers answer with bodies that are not ours; still give the user something readable.
  const fallback =
    status === 401 ? 'The secret key was not accepted.' : `The server answered with HTTP ${status}.`;
  return new ApiError(status, `http_${status}`, fallback);
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * Calls a JSON resource on the same origin. `path` is absolute (e.g. `/v1/me`); `parse` validates the body
 * so that pages never render a half-understood response.
 */
export async function apiRequest<T>(
  path: string,
  secretKey: string,
  parse: (body: unknown) => T,
  { method = 'GET', body, signal }: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    Authorization: `Bearer ${secretKey}`,
  };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      signal: signal ?? null,
    });
  } catch (error) {
    if (isAbortError(error)) throw error;
    throw new ApiError(0, 'network_error', 'Could not reach the Centric server. Is it running?');
  }

  let parsed: unknown = null;
  const text = await response.text();
  if (text !== '') {
    try {
      parsed = JSON.parse(text);
    } catch {
      if (response.ok)
        throw new ApiError(response.status, 'bad_response', 'The server sent a response that is not JSON.');
    }
  }

  if (!response.ok) throw errorFromBody(response.status, parsed);
  try {
    return parse(parsed);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ApiError(response.status, 'bad_response', `Unexpected response from ${path}: ${message}`);
  }
}

/** GET a JSON resource; see apiRequest. */
export function apiGet<T>(
  path: string,
  secretKey: string,
  parse: (body: unknown) => T,
  signal?: AbortSignal,
): Promise<T> {
  return apiRequest(path, secretKey, parse, { signal });
}
