// Liveness and readiness for load balancers and the CLI's "is a server running?" check.
import type { IngestPipeline } from '@centric/ingest';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';

export function registerHealthRoutes(
  app: FastifyInstance,
  { pipeline, backend, startedAt }: { pipeline: IngestPipeline; backend: string; startedAt: number },
): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness: the server answers and its store is open',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            store: Type.String(),
            uptimeSeconds: Type.Number(),
            pendingEvents: Type.Integer(),
            pid: Type.Integer(),
          }),
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      store: backend,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      pendingEvents: pipeline.pendingEvents,
      pid: process.pid,
    }),
  );
}
