// Dates as shop exports write them, to UTC milliseconds: ISO 8601 ("2021-03-04T10:22:01Z"),
// SQL-style "2021-03-04 10:22:01" (WooCommerce, Magento), Shopify's "2021-03-04 10:22:01 +0100",
// German "04.03.2021" / "04.03.2021 10:22", US "3/4/21" / "03/04/2021 10:22 AM" (month first,
// as US Excel writes it) and Unix seconds or milliseconds.
// A time without a zone is read as UTC: the export does not say which zone the shop used, and
// guessing the importing machine's zone would make one file import differently on different
// hosts. Two-digit years follow POSIX strptime: 69-99 are 1969-1999, 00-68 are 2000-2068.

export interface ShopDateOptions {
  /**
   * How "a/b/y" is read: 'mdy' (US, the default) or 'dmy' (UK, France). A slash date that is
   * impossible in the chosen order ("25/12/2021" as mdy) is rejected, never re-read the other way.
   */
  slashOrder?: 'mdy' | 'dmy';
}

interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  offsetMinutes: number;
}

const ZONE = String.raw`(?:\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?`;
const TIME = String.raw`(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([AaPp][Mm]))?)?`;
const ISO = new RegExp(String.raw`^(\d{4})-(\d{1,2})-(\d{1,2})${TIME}${ZONE}$`, 'i');
const DOTTED = new RegExp(String.raw`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4}),?${TIME}${ZONE}$`, 'i');
const SLASHED = new RegExp(String.raw`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?${TIME}${ZONE}$`, 'i');
const EPOCH_SECONDS = /^\d{9,10}$/;
const EPOCH_MS = /^\d{12,13}$/;

/**
 * Parses a date; null for empty text, a shape this parser does not know, or a day that does
 * not exist ("2021-02-30", "13/01/2021" as month/day).
 *
 * @example parseShopDate('04.03.2021') // Date.UTC(2021, 2, 4)
 * @example parseShopDate('3/4/21 2:05 PM') // Date.UTC(2021, 2, 4, 14, 5)
 */
export function parseShopDate(text: string | null | undefined, options: ShopDateOptions = {}): number | null {
  if (text === null || text === undefined) return null;
  const s = text.trim();
  if (s === '') return null;
  if (EPOCH_MS.test(s)) return Number(s);
  if (EPOCH_SECONDS.test(s)) return Number(s) * 1000;
  let m = ISO.exec(s);
  if (m) return fromMatch(m, { year: m[1], month: m[2], day: m[3] });
  m = DOTTED.exec(s);
  if (m) return fromMatch(m, { year: m[3], month: m[2], day: m[1] });
  m = SLASHED.exec(s);
  if (m) {
    const dmy = options.slashOrder === 'dmy';
    return fromMatch(m, { year: m[3], month: dmy ? m[2] : m[1], day: dmy ? m[1] : m[2] });
  }
  return null;
}

/** Groups 4-9 of every pattern are hour, minute, second, fraction, am/pm and zone. */
function fromMatch(
  m: RegExpExecArray,
  date: { year: string | undefined; month: string | undefined; day: string | undefined },
): number | null {
  const [hour, minute, second, fraction, meridiem, zone] = m.slice(4);
  let h = Number(hour ?? 0);
  if (meridiem) {
    // 12 AM is midnight and 12 PM noon; "14:00 PM" is not a time.
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  return fromParts({
    year: fullYear(date.year ?? ''),
    month: Number(date.month),
    day: Number(date.day),
    hour: h,
    minute: Number(minute ?? 0),
    second: Number(second ?? 0),
    ms: fraction ? Math.floor(Number(`0.${fraction}`) * 1000) : 0,
    offsetMinutes: offsetOf(zone),
  });
}

function fullYear(text: string): number {
  const y = Number(text);
  if (text.length !== 2) return y;
  return y >= 69 ? 1900 + y : 2000 + y;
}

function offsetOf(zone: string | undefined): number {
  if (zone === undefined || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

function fromParts(p: DateParts): number | null {
  if (p.month < 1 || p.month > 12 || p.day < 1 || p.hour > 23 || p.minute > 59 || p.second > 59) return null;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  date.setUTCFullYear(p.year, p.month - 1, p.day);
  date.setUTCHours(p.hour, p.minute, p.second, p.ms);
  // A day past the month's end rolls over into the next month; such a date was not a date.
  if (date.getUTCDate() !== p.day) return null;
  return date.getTime() - p.offsetMinutes * 60_000;
}
