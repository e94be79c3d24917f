// Ingest limits: what a batch, an event and its properties may weigh. Defaults follow
// Segment's (32 KB per event's properties, 500 events per batch) with a 1 MB body.

export interface IngestLimits {
  maxBatchEvents: number;
  maxBodyBytes: number;
  /** JSON size of one event's properties, traits or context. */
  maxPropertiesBytes: number;
  /** Nesting depth of properties, traits and context objects. */
  maxDepth: number;
  /** How far after its arrival an event's (skew-corrected) time may lie. */
  maxFutureMs: number;
}

export const DEFAULT_LIMITS: IngestLimits = Object.freeze({
  maxBatchEvents: 500,
  maxBodyBytes: 1024 * 1024,
  maxPropertiesBytes: 32 * 1024,
  maxDepth: 8,
  maxFutureMs: 24 * 60 * 60 * 1000,
});

/** Events before this are refused as a broken clock (historic data goes through import). */
export const EARLIEST_EVENT_MS = Date.parse('2000-01-01T00:00:00Z');
