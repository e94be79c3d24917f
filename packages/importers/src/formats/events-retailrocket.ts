// The public RetailRocket e-commerce dataset's events.csv (Kaggle "Retailrocket recommender
// system dataset", 2.7 M events of a real shop over 4.5 months): columns timestamp (Unix ms),
// visitorid, event (view | addtocart | transaction), itemid, transactionid (transactions
// only). It is the standard public clickstream with purchases, so it lets Centric's analyses
// and recommenders run on real behaviour; any export written in the same shape imports too.
//
// Mapping: view -> Product Viewed, addtocart -> Product Added, transaction -> Order Completed
// (orderId = transactionid). The dataset writes one transaction row per purchased item, so an
// order of three items is three Order Completed events with the same orderId, each with one
// product; the dataset has no prices or quantities, so quantity is 1 for cart and order rows
// and revenue unknown. anonymousId is `rr-<visitorid>`, the channel web, and the messageId
// `rr:<visitorid>:<timestamp>:<event>:<itemid>`, so a re-run (or a row repeated in the file)
// stores nothing twice.
import { ORDER_EVENT } from '@centric/contracts';
import type { StoredEvent } from '@centric/storage';
import { readCsv, sniffCsvDialect } from '../sources/csv-records';
import { missingColumns, readCsvHeader } from './csv-columns';
import type { FormatParser, ParseOptions } from './format';
import { cell, type Row } from './order-fields';

const EVENT_NAMES: Readonly<Record<string, string>> = {
  view: 'Product Viewed',
  addtocart: 'Product Added',
  transaction: ORDER_EVENT,
};

const EARLIEST_MS = Date.parse('2000-01-01T00:00:00Z');
const DAY_MS = 24 * 60 * 60 * 1000;

export const parseRetailRocketEvents: FormatParser<StoredEvent> = async function* (file, options) {
  const dialect = sniffCsvDialect(file, { encoding: options.encoding, delimiter: options.delimiter });
  const required = ['timestamp', 'visitorid', 'event', 'itemid', 'transactionid'];
  const problem = missingColumns(await readCsvHeader(file, dialect), required, 'a RetailRocket events.csv');
  if (problem !== null) {
    yield { line: 1, error: problem };
    return;
  }
  for await (const item of readCsv(file, dialect, options.onProgress)) {
    if ('error' in item) yield item;
    else {
      const result = retailRocketEvent(item.record, options);
      yield typeof result === 'string'
        ? { line: item.line, error: result }
        : { line: item.line, record: result };
    }
  }
};

/** One row's event, or the reason it is rejected. */
function retailRocketEvent(row: Row, options: ParseOptions): StoredEvent | string {
  const stamp = cell(row, 'timestamp');
  const visitor = cell(row, 'visitorid');
  const name = cell(row, 'event');
  const itemId = cell(row, 'itemid');
  const transactionId = cell(row, 'transactionid');
  if (stamp === null || !/^\d+$/.test(stamp)) return `timestamp "${stamp ?? ''}" is not Unix milliseconds`;
  const timestamp = Number(stamp);
  if (timestamp < EARLIEST_MS || timestamp > options.now + DAY_MS) {
    return `timestamp ${stamp} is not between 2000 and now`;
  }
  if (visitor === null) return 'visitorid is empty';
  if (itemId === null) return 'itemid is empty';
  const event = EVENT_NAMES[name ?? ''];
  if (event === undefined) return `event "${name ?? ''}" is not one of view, addtocart, transaction`;
  const isOrder = event === ORDER_EVENT;
  if (isOrder && transactionId === null) return 'transaction without transactionid';
  return {
    projectId: options.projectId,
    messageId: `rr:${visitor}:${stamp}:${name}:${itemId}`,
    type: 'track',
    event,
    anonymousId: `rr-${visitor}`,
    userId: null,
    previousId: null,
    sessionId: null,
    channel: 'web',
    timestamp,
    receivedAt: options.now,
    productId: itemId,
    orderId: isOrder ? transactionId : null,
    revenue: null,
    value: null,
    currency: null,
    quantity: event === 'Product Viewed' ? null : 1,
    query: null,
    category: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmTerm: null,
    utmContent: null,
    pagePath: null,
    referrer: null,
    // As normaliseMessage stores an Order Completed's products, so order items can be derived.
    properties: isOrder ? JSON.stringify({ products: [{ product_id: itemId, quantity: 1 }] }) : null,
    context: null,
    traits: null,
  };
}
