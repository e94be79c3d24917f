// Order dates as shop exports write them, to UTC milliseconds. Shopify writes
// "2024-03-05 14:03:11 +0100", WooCommerce "2024-03-05 14:03:11" (shop-local time, no zone),
// spreadsheets ISO 8601 or German "05.03.2024 14:03", some tools Unix seconds or ms.
// A time without a zone is read as UTC: the export does not say which zone the shop used,
// and guessing the importing machine's zone would make the same file import differently
// on different hosts.

const ISO_LIKE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MS = /^\d{12,13}$/;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offsetMinutes: number;
}

/**
 * Parses an order date; null when the text is not a date this parser knows or names a day
 * that does not exist (2024-02-30).
 *
 * @example parseOrderDate('2024-03-05 14:03:11 +0100') // Date.parse('2024-03-05T13:03:11Z')
 */
export function parseOrderDate(text: string | null | undefined): number | null {
  if (text === null || text === undefined) return null;
  const s = text.trim();
  if (s === '') return null;
  if (EPOCH_MS.test(s)) return Number(s);
  if (EPOCH_SECONDS.test(s)) return Number(s) * 1000;
  const iso = ISO_LIKE.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso;
    return fromParts({
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(sec ?? 0),
      ms: frac ? Math.floor(Number(`0.${frac}`) * 1000) : 0,
      offsetMinutes: offsetOf(zone),
    });
  }
  const de = GERMAN.exec(s);
  if (de) {
    const [, d, mo, y, h, mi, sec] = de;
    return fromParts({
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
      second: Number(sec ?? 0),
      ms: 0,
      offsetMinutes: 0,
    });
  }
  return null;
}

function offsetOf(zone: string | undefined): number {
  if (zone === undefined || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

function fromParts(p: Parts): number | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return null;
  const at = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.ms);
  // Date.UTC rolls 30 February over into March; a date that rolled over was not a date.
  if (new Date(at).getUTCDate() !== p.day) return null;
  return at - p.offsetMinutes * 60_000;
}
