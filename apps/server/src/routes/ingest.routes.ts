// Ingest routes in Segment's HTTP API shape: POST /v1/batch and one route per message type.
// The body is validated per event in packages/ingest (so that every bad event is named with
// its index); the schemas here document the API.
import {
  BatchRequestSchema,
  ErrorBodySchema,
  IngestResponseSchema,
  MessageSchema,
  type MessageType,
} from '@centric/contracts';
import { BufferFullError, type IngestPipeline } from '@centric/ingest';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { CentricError } from '../errors';

const passThrough = () => () => true;

const errorResponses = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  413: ErrorBodySchema,
  415: ErrorBodySchema,
  503: ErrorBodySchema,
};

export function registerIngestRoutes(
  app: FastifyInstance,
  { pipeline, auth }: { pipeline: IngestPipeline; auth: preHandlerAsyncHookHandler },
): void {
  const maxBatch = pipeline.limits.maxBatchEvents;

  // Other routes (imports) accept CSV and XML uploads; ingest takes JSON only.
  const jsonOnly: preHandlerAsyncHookHandler = async (request) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/json' && type !== 'text/plain' && !/^application\/[\w.+-]+\+json$/.test(type)) {
      throw new CentricError(
        'unsupported_media_type',
        'Content-Type must be application/json or text/plain (as sent by sendBeacon)',
      );
    }
  };

  async function ingest(
    request: FastifyRequest,
    messages: unknown[],
    batch: { sentAt?: unknown; context?: unknown },
  ) {
    const projectId = request.auth!.projectId;
    let result: Awaited<ReturnType<IngestPipeline['ingest']>>;
    try {
      result = await pipeline.ingest({
        projectId,
        messages,
        ...(typeof batch.sentAt === 'string' ? { sentAt: batch.sentAt } : {}),
        ...(batch.context && typeof batch.context === 'object'
          ? { context: batch.context as Record<string, unknown> }
          : {}),
        // For cookieless events: hashed into a daily visitor id by the pipeline, never stored.
        client: { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' },
      });
    } catch (error) {
      if (error instanceof BufferFullError) throw new CentricError('unavailable', error.message);
      request.log.error({ err: error }, 'store write failed');
      throw new CentricError(
        'unavailable',
        'the events could not be stored and were not acknowledged; retry',
      );
    }
    if (!result.ok) {
      const bad = new Set(result.errors.map((e) => e.index)).size;
      throw new CentricError(
        'validation_failed',
        `${bad} of ${messages.length} event(s) are invalid; nothing of this request was stored. ${result.errors[0]?.message ?? ''}`.trim(),
        result.errors,
      );
    }
    return { success: true as const, accepted: result.accepted, duplicates: result.duplicates };
  }

  app.post(
    '/v1/batch',
    {
      preHandler: [jsonOnly, auth],
      validatorCompiler: passThrough,
      schema: {
        tags: ['ingest'],
        summary: `Send up to ${maxBatch} events in one request (Segment batch format)`,
        description:
          'All or nothing: if any event is invalid the answer is 400 with every bad event’s index, field and reason, and nothing is stored. A 200 means every event is durably stored. Events whose messageId was seen before are skipped (idempotent retries).',
        body: BatchRequestSchema,
        response: { 200: IngestResponseSchema, ...errorResponses },
      },
    },
    async (request) => {
      const body = request.body as Record<string, unknown> | unknown[] | null;
      if (body === null || typeof body !== 'object' || Array.isArray(body) || !Array.isArray(body.batch)) {
        throw new CentricError('validation_failed', 'the body must be an object with an array "batch"', [
          {
            index: -1,
            field: 'batch',
            reason: 'missing_field',
            message: 'batch must be an array of messages',
          },
        ]);
      }
      if (body.batch.length > maxBatch) {
        throw new CentricError(
          'batch_too_large',
          `a batch holds at most ${maxBatch} events; this one has ${body.batch.length}`,
        );
      }
      return ingest(request, body.batch, body);
    },
  );

  for (const type of [
    'track',
    'page',
    'screen',
    'identify',
    'alias',
    'group',
  ] as const satisfies readonly MessageType[]) {
    app.post(
      `/v1/${type}`,
      {
        preHandler: [jsonOnly, auth],
        validatorCompiler: passThrough,
        schema: {
          tags: ['ingest'],
          summary: `Send one ${type} message`,
          body: MessageSchema,
          response: { 200: IngestResponseSchema, ...errorResponses },
        },
      },
      async (request) => {
        const body = request.body;
        if (body === null || typeof body !== 'object' || Array.isArray(body)) {
          throw new CentricError('validation_failed', `the body must be one ${type} message object`);
        }
        const message = body as Record<string, unknown>;
        if (message.type !== undefined && message.type !== type) {
          throw new CentricError(
            'validation_failed',
            `this route takes ${type} messages; the body says type "${String(message.type)}"`,
            [
              {
                index: 0,
                field: 'type',
                reason: 'invalid_value',
                message: `type must be ${type} on /v1/${type}`,
              },
            ],
          );
        }
        return ingest(request, [{ ...message, type }], {});
      },
    );
  }
}
