// The error registry: every error Centric answers has a code here, with its HTTP status. One
// shape on the wire: { error: { code, message, details } }.

export const ERROR_CODES = {
  invalid_json: 400,
  invalid_utf8: 400,
  validation_failed: 400,
  invalid_query: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  batch_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Why one event of a batch was rejected. */
export type EventErrorReason =
  | 'invalid_value'
  | 'missing_field'
  | 'timestamp_in_future'
  | 'timestamp_invalid'
  | 'properties_too_deep'
  | 'properties_too_large'
  | 'event_too_large';

/** One rejected event: where (index in the batch, field path) and why. */
export interface EventError {
  index: number;
  field: string;
  reason: EventErrorReason;
  message: string;
}

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details?: unknown;
  };
}
