// Body parsing for the whole API: JSON sent as application/json or as text/plain (what
// navigator.sendBeacon sends without a CORS preflight). The body must be valid UTF-8: a
// replacement character silently stored would corrupt product names for good.
import { isUtf8 } from 'node:buffer';
import type { FastifyInstance } from 'fastify';
import { CentricError } from '../errors';

export function registerBodyParsers(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  const parseJson = (
    _request: unknown,
    body: Buffer | string,
    done: (error: Error | null, value?: unknown) => void,
  ) => {
    if (typeof body === 'string') body = Buffer.from(body);
    if (!isUtf8(body)) {
      done(
        new CentricError('invalid_utf8', 'the body is not valid UTF-8; send JSON encoded as UTF-8'),
        undefined,
      );
      return;
    }
    // A UTF-8 byte-order mark is legal but JSON.parse refuses it.
    const text =
      body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf
        ? body.toString('utf8', 3)
        : body.toString('utf8');
    if (text.trim() === '') {
      done(new CentricError('invalid_json', 'the body is empty; send a JSON object'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      done(
        new CentricError('invalid_json', `the body is not valid JSON: ${(error as Error).message}`),
        undefined,
      );
    }
  };
  app.addContentTypeParser(['application/json', 'text/plain'], { parseAs: 'buffer' }, parseJson);
  app.addContentTypeParser(/^application\/[\w.+-]+\+json$/, { parseAs: 'buffer' }, parseJson);
}
