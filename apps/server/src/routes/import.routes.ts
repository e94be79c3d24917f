// POST /v1/import/:kind — the same importers as `centric import`, over HTTP. The upload is
// streamed to a temporary file (constant memory, any size; strict mode needs two passes) and
// imported from there; the answer is the import report.
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ErrorBodySchema } from '@centric/contracts';
import { FORMATS, IMPORT_KINDS, type ImportFormat, type ImportKind } from '@centric/importers';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, preHandlerAsyncHookHandler } from 'fastify';
import { CentricError } from '../errors';
import type { CentricService } from '../services/centric-service';

const UPLOAD_TYPES = [
  'application/octet-stream',
  'text/csv',
  'text/tab-separated-values',
  'application/x-ndjson',
  'application/xml',
  'text/xml',
];

const ImportReportSchema = Type.Object({
  kind: Type.String(),
  format: Type.String(),
  read: Type.Integer({ description: 'Rows (or orders, for multi-row order exports) read' }),
  imported: Type.Integer({ description: 'New or changed records stored' }),
  duplicates: Type.Integer({ description: 'Records already stored, skipped' }),
  rejected: Type.Array(Type.Object({ line: Type.Integer(), reason: Type.String() })),
  aborted: Type.Boolean({ description: 'True when strict mode found bad rows and imported nothing' }),
  ms: Type.Number(),
});

export function registerImportRoutes(
  app: FastifyInstance,
  {
    service,
    secret,
    tmpDir,
  }: { service: CentricService; secret: preHandlerAsyncHookHandler; tmpDir: string },
): void {
  // Uploads reach the handler as a stream, never buffered in memory.
  app.addContentTypeParser(UPLOAD_TYPES, (_request, payload, done) => done(null, payload));

  app.post(
    '/v1/import/:kind',
    {
      preHandler: secret,
      bodyLimit: Number.MAX_SAFE_INTEGER,
      schema: {
        tags: ['import'],
        summary: 'Import a file of products, orders, customers or events (the file is the request body)',
        description: `Formats per kind: ${Object.entries(FORMATS)
          .map(([k, f]) => `${k}: ${f.join(', ')}`)
          .join(
            '; ',
          )}. Send the file as the body with Content-Type text/csv, text/tab-separated-values, application/x-ndjson, application/xml or application/octet-stream.`,
        params: Type.Object({ kind: Type.Union(IMPORT_KINDS.map((k) => Type.Literal(k))) }),
        querystring: Type.Object({
          format: Type.Optional(
            Type.String({
              description: 'shopify, woocommerce, generic, merchant, retailrocket, csv, ndjson',
            }),
          ),
          strict: Type.Optional(Type.Boolean({ description: 'Import nothing if any row is bad' })),
          filename: Type.Optional(
            Type.String({ description: 'Original file name; its extension helps pick the format' }),
          ),
        }),
        response: {
          200: ImportReportSchema,
          400: ErrorBodySchema,
          401: ErrorBodySchema,
          415: ErrorBodySchema,
        },
      },
    },
    async (request) => {
      const { kind } = request.params as { kind: ImportKind };
      const { format, strict, filename } = request.query as {
        format?: string;
        strict?: boolean;
        filename?: string;
      };
      const body = request.body as NodeJS.ReadableStream | undefined;
      if (!body || typeof (body as { pipe?: unknown }).pipe !== 'function') {
        throw new CentricError(
          'unsupported_media_type',
          `send the file as the body with Content-Type one of ${UPLOAD_TYPES.join(', ')}`,
        );
      }
      mkdirSync(tmpDir, { recursive: true });
      const file = join(tmpDir, `import-${randomUUID()}${filename ? extname(filename).slice(0, 10) : ''}`);
      try {
        await pipeline(body, createWriteStream(file));
        return await service.importFile(request.auth!.projectId, {
          kind,
          file,
          format: format as ImportFormat | undefined,
          strict: strict ?? false,
        });
      } finally {
        rmSync(file, { force: true });
      }
    },
  );
}
