// Writes rows through DuckDB's appender, the fastest way into a table from Node. Column order
// is the table order of 0001_init.sql; each value is one native call, so nothing is wasted.
import { type DuckDBAppender, DuckDBTimestampValue } from '@duckdb/node-api';
import type { OrderItem, StoredEvent } from '../store';

function text(ap: DuckDBAppender, value: string | null): void {
  if (value === null) ap.appendNull();
  else ap.appendVarchar(value);
}

function double(ap: DuckDBAppender, value: number | null): void {
  if (value === null) ap.appendNull();
  else ap.appendDouble(value);
}

function integer(ap: DuckDBAppender, value: number | null): void {
  if (value === null) ap.appendNull();
  else ap.appendInteger(value);
}

function timestamp(ap: DuckDBAppender, ms: number): void {
  ap.appendTimestamp(new DuckDBTimestampValue(BigInt(Math.round(ms)) * 1000n));
}

export function appendEventRow(ap: DuckDBAppender, e: StoredEvent): void {
  ap.appendVarchar(e.projectId);
  ap.appendVarchar(e.messageId);
  ap.appendVarchar(e.type);
  text(ap, e.event);
  text(ap, e.anonymousId);
  text(ap, e.userId);
  text(ap, e.previousId);
  text(ap, e.sessionId);
  ap.appendVarchar(e.channel);
  timestamp(ap, e.timestamp);
  timestamp(ap, e.receivedAt);
  text(ap, e.productId);
  text(ap, e.orderId);
  double(ap, e.revenue);
  double(ap, e.value);
  text(ap, e.currency);
  integer(ap, e.quantity);
  text(ap, e.query);
  text(ap, e.category);
  text(ap, e.utmSource);
  text(ap, e.utmMedium);
  text(ap, e.utmCampaign);
  text(ap, e.utmTerm);
  text(ap, e.utmContent);
  text(ap, e.pagePath);
  text(ap, e.referrer);
  text(ap, e.properties);
  text(ap, e.context);
  text(ap, e.traits);
  ap.endRow();
}

export function appendOrderItemRow(ap: DuckDBAppender, item: OrderItem): void {
  ap.appendVarchar(item.projectId);
  ap.appendVarchar(item.orderId);
  ap.appendVarchar(item.messageId);
  ap.appendInteger(item.position);
  ap.appendVarchar(item.productId);
  text(ap, item.sku);
  text(ap, item.name);
  text(ap, item.category);
  text(ap, item.brand);
  double(ap, item.price);
  ap.appendInteger(item.quantity);
  timestamp(ap, item.timestamp);
  ap.endRow();
}
