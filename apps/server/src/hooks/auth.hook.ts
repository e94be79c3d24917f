// Authentication. Ingest takes a project's public write key (or its secret key) from
// `Authorization: Bearer`, Segment-style Basic auth (key as user name), `?writeKey=` or the
// body's `writeKey` (sendBeacon cannot set headers). Queries and administration take the
// secret key, or the local admin token the server writes to its data directory for the CLI.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { CentricError } from '../errors';
import type { CentricService } from '../services/centric-service';
import type { KeyCache } from '../services/key-cache';

export interface RequestAuth {
  projectId: string;
  role: 'write' | 'secret' | 'admin';
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: RequestAuth;
  }
}

function keyFromHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const [scheme, value] = header.split(' ', 2);
  if (!value) return undefined;
  if (/^bearer$/i.test(scheme ?? '')) return value.trim();
  if (/^basic$/i.test(scheme ?? '')) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const user = decoded.split(':', 1)[0];
    return user ? user : undefined;
  }
  return undefined;
}

export function presentedKey(request: FastifyRequest): string | undefined {
  const fromHeader = keyFromHeader(request.headers.authorization);
  if (fromHeader) return fromHeader;
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.writeKey === 'string') return query.writeKey;
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && typeof body.writeKey === 'string') return body.writeKey;
  return undefined;
}

export interface AuthDeps {
  keys: KeyCache;
  service: CentricService;
  adminToken: string;
}

/** A preHandler that admits the given roles and sets request.auth. */
export function requireRole(
  deps: AuthDeps,
  roles: readonly RequestAuth['role'][],
): preHandlerAsyncHookHandler {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const key = presentedKey(request);
    if (!key) {
      throw new CentricError(
        'unauthorized',
        'no API key: send Authorization: Bearer <key> (or Basic auth with the key as user name)',
      );
    }
    if (key === deps.adminToken && roles.includes('admin')) {
      const header = request.headers['x-centric-project'];
      const projectId =
        typeof header === 'string' && header !== '' ? header : await deps.service.defaultProjectId();
      request.auth = { projectId, role: 'admin' };
      return;
    }
    const found = await deps.keys.resolve(key);
    if (!found) throw new CentricError('unauthorized', 'unknown or revoked API key');
    const role = found.kind === 'secret' ? 'secret' : 'write';
    // A secret key may do everything its project's write key may.
    if (!roles.includes(role) && !(role === 'secret' && roles.includes('write'))) {
      throw new CentricError(
        'forbidden',
        role === 'write'
          ? 'this route needs the project’s secret key; the write key only sends events'
          : 'this route needs the admin token',
      );
    }
    request.auth = { projectId: found.projectId, role };
  };
}
