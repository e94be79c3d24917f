// One error class for everything Centric answers on purpose, with its code from the registry
// in @centric/contracts; the handler in hooks/error-handler.ts turns any error into
// { error: { code, message, details } }.
import { ERROR_CODES, type ErrorCode } from '@centric/contracts';

export class CentricError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.statusCode = ERROR_CODES[code];
  }
}
