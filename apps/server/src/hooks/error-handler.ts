// Turns every error into the one wire shape. Fastify's own errors (body too large, wrong
// content type, bad query string) get Centric's codes; unknown errors are logged and answered
// 500 without leaking internals.
import type { ErrorBody, ErrorCode } from '@centric/contracts';
import type { FastifyError, FastifyInstance } from 'fastify';
import { CentricError } from '../errors';

const FASTIFY_CODES: Record<string, { code: ErrorCode; message?: (e: FastifyError) => string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: 'payload_too_large',
    message: () => 'request body is larger than the limit',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'unsupported_media_type',
    message: () => 'Content-Type must be application/json or text/plain (as sent by sendBeacon)',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: 'invalid_json',
    message: () => 'Content-Length does not match the body',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: 'invalid_json',
    message: () => 'the body is empty; send a JSON object',
  },
};

export function registerErrorHandler(app: FastifyInstance, { maxBodyBytes }: { maxBodyBytes: number }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: ErrorBody;
    let status: number;
    if (error instanceof CentricError) {
      status = error.statusCode;
      body = { error: { code: error.code, message: error.message, details: error.details } };
    } else if (error.validation) {
      status = 400;
      const details = error.validation.map((v) => ({
        field: `${error.validationContext ?? 'request'}${v.instancePath.replace(/\//g, '.')}`,
        reason: v.message ?? 'invalid',
      }));
      body = { error: { code: 'invalid_query', message: `invalid request: ${error.message}`, details } };
    } else if (error.code && FASTIFY_CODES[error.code]) {
      const mapped = FASTIFY_CODES[error.code]!;
      const base = mapped.message ? mapped.message(error) : error.message;
      const message = mapped.code === 'payload_too_large' ? `${base} (${maxBodyBytes} bytes)` : base;
      status = error.statusCode ?? 400;
      body = { error: { code: mapped.code, message } };
    } else if (error.statusCode && error.statusCode < 500) {
      status = error.statusCode;
      body = { error: { code: status === 404 ? 'not_found' : 'invalid_query', message: error.message } };
    } else {
      request.log.error({ err: error }, 'unexpected error');
      status = 500;
      body = { error: { code: 'internal', message: 'internal error; see the server log' } };
    }
    if (status === 503) reply.header('retry-after', '1');
    void reply.status(status).send(body);
  });
}
