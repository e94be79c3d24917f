// Number formatting for KPI values and chart labels, in the viewer's locale.

const DEFAULT_CURRENCY = 'EUR';

const integerFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(undefined, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const percentFormat = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const currencyFormats = new Map<string, Intl.NumberFormat>();

function currencyFormat(code: string): Intl.NumberFormat {
  let format = currencyFormats.get(code);
  if (format === undefined) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency: code });
    currencyFormats.set(code, format);
  }
  return format;
}

const MISSING = '—';

export function formatCount(value: number | null): string {
  return value === null ? MISSING : integerFormat.format(value);
}

export function formatPercent(fraction: number | null): string {
  return fraction === null ? MISSING : percentFormat.format(fraction);
}

export function formatMoney(value: number | null, currency: string | null): string {
  if (value === null) return MISSING;
  try {
    return currencyFormat(currency ?? DEFAULT_CURRENCY).format(value);
  } catch {
    // Intl rejects codes that are not ISO 4217; show the amount with the raw code rather than nothing.
    return `${decimalFormat.format(value)} ${currency ?? ''}`.trim();
  }
}

/** An amount whose currency is not known (e.g. a customer's revenue across orders): two decimals, no symbol. */
export function formatAmount(value: number | null): string {
  return value === null ? MISSING : decimalFormat.format(value);
}
