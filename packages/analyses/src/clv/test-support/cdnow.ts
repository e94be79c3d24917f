// Loads the CDNOW sample shipped in packages/analyses/fixtures/cdnow (see SOURCE.md there) for the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Transaction } from '../customer-summary';

const FIXTURES = new URL('../../../fixtures/cdnow/', import.meta.url);

/** End of the calibration period used by Fader, Hardie & Lee (2005): 39 weeks from 1997-01-01. */
export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30);

/**
 * CDNOW_sample.txt: one order per line, whitespace separated (CRLF line ends):
 * master customer id, sample customer id (1..2357), date yyyymmdd, number of CDs, dollar value.
 * The sample id is the one used by the published summary, so it becomes `customerId`.
 */
export function loadCdnowTransactions(): Transaction[] {
  const text = readFileSync(fileURLToPath(new URL('CDNOW_sample.txt', FIXTURES)), 'utf8');
  const transactions: Transaction[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 5) continue;
    const [, sampleId, date, , value] = fields as [string, string, string, string, string];
    const at = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
    transactions.push({ customerId: String(Number(sampleId)), at, value: Number(value) });
  }
  return transactions;
}

export interface PublishedSummaryRow {
  id: string;
  frequency: number;
  recency: number;
  T: number;
}

/** cdnow_customers_summary.csv (lifetimes datasets): ID,frequency,recency,T with times in weeks to 2 decimals. */
export function loadCdnowPublishedSummary(): PublishedSummaryRow[] {
  const text = readFileSync(fileURLToPath(new URL('cdnow_customers_summary.csv', FIXTURES)), 'utf8');
  const rows = text.trim().split(/\r?\n/).slice(1);
  return rows.map((row) => {
    const [id, frequency, recency, T] = row.split(',') as [string, string, string, string];
    return { id, frequency: Number(frequency), recency: Number(recency), T: Number(T) };
  });
}
