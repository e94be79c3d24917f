// Numbers as shops write them: "1234.56", "1,234.56", "1.234,56" (German), "1234,56",
// "€ 12,90", "12.90 EUR". The last separator followed by one or two digits is the decimal
// point; a lone separator followed by exactly three digits is read as thousands only when the
// file's decimal separator is known to be the other one.

export type DecimalSeparator = '.' | ',';

export function parseDecimal(
  text: string | undefined | null,
  decimal: DecimalSeparator | 'auto' = 'auto',
): number | null {
  if (text === undefined || text === null) return null;
  let s = text
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(/^[^\d+\-.,]+|[^\d.,]+$/g, '');
  if (s === '') return null;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (!/^[\d.,]+$/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let dec: DecimalSeparator | null;
  if (lastDot >= 0 && lastComma >= 0) dec = lastDot > lastComma ? '.' : ',';
  else if (lastDot < 0 && lastComma < 0) dec = null;
  else {
    const sep: DecimalSeparator = lastDot >= 0 ? '.' : ',';
    const count = s.split(sep).length - 1;
    const after = s.length - s.lastIndexOf(sep) - 1;
    // Groups of exactly three digits are the only thing a thousands separator can precede;
    // "19.99" is 19.99 even in a file that writes decimal commas.
    const groupsOfThree = s
      .split(sep)
      .slice(1)
      .every((g) => g.length === 3);
    if (decimal !== 'auto') dec = sep === decimal || !groupsOfThree ? sep : null;
    else dec = count > 1 || after === 3 ? (count > 1 ? null : sep === ',' ? null : '.') : sep;
  }
  const thousands = dec === '.' ? ',' : dec === ',' ? '.' : null;
  let normalised = thousands ? s.split(thousands).join('') : s.replace(/[.,]/g, '');
  if (dec === ',') normalised = normalised.replace(',', '.');
  const n = Number(normalised);
  if (!Number.isFinite(n)) return null;
  return negative ? -n : n;
}
