// Serves the dashboard build at / with a single-page-app fallback: any GET outside the API
// that asks for HTML gets index.html, so deep links and reloads work.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export async function registerDashboardRoutes(
  app: FastifyInstance,
  { dashboardDir }: { dashboardDir: string },
): Promise<void> {
  const available = dashboardDir !== '' && existsSync(join(dashboardDir, 'index.html'));
  if (available)
    await app.register(fastifyStatic, {
      root: dashboardDir,
      prefix: '/',
      wildcard: false,
      index: 'index.html',
    });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsPage =
      request.method === 'GET' &&
      !path.startsWith('/v1/') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage && available) return reply.type('text/html').sendFile('index.html');
    if (wantsPage) {
      return reply
        .status(404)
        .type('text/html')
        .send(
          '<h1>Centric</h1><p>The dashboard is not built. Run <code>npm run build</code> (or <code>npm start</code>), then reload.</p>',
        );
    }
    return reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${request.method} ${path}` } });
  });
}
