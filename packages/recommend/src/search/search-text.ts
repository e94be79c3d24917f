// How search text becomes index terms, the same way for the catalogue and for queries: words are
// runs of letters and digits, lower-cased with accents folded, a few function words dropped, and
// plurals reduced by Harman's S-stemmer ("How effective is suffixing?", JASIS 1991) so that
// "candles" finds "candle" without a language-specific stemmer. Also the query normalisation the
// no-results report groups by (lower-case, trimmed, spaces collapsed) and the typo budget per term.

/** Words that carry no meaning in a product search ("set of 4", "cup and saucer"). */
const STOP_WORDS = new Set([
  'a',
  'an',
  'and',
  'the',
  'of',
  'for',
  'with',
  'in',
  'on',
  'to',
  'by',
  'at',
  'or',
  'und',
]);

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The form queries are reported and grouped by: lower-case, trimmed, inner whitespace collapsed.
 * The store's no-results report applies the same rule in SQL.
 *
 * @example normaliseQuery('  Red   Heart ') // 'red heart'
 */
export function normaliseQuery(query: string): string {
  return query.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Lower-case with diacritics removed ("Crème" -> "creme"). */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a text, as written (runs of letters and digits). */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * Harman's S-stemmer: "-ies" -> "-y" (not "-eies", "-aies"), "-es" -> "-e" (not "-aes", "-ees",
 * "-oes"), "-s" -> "" (not "-us", "-ss"). Short words are left alone ("gas", "bus").
 */
export function stemWord(word: string): string {
  if (word.length <= 3) return word;
  if (word.endsWith('ies') && !word.endsWith('eies') && !word.endsWith('aies'))
    return `${word.slice(0, -3)}y`;
  if (word.endsWith('es') && !word.endsWith('aes') && !word.endsWith('ees') && !word.endsWith('oes'))
    return word.slice(0, -1);
  if (word.endsWith('s') && !word.endsWith('us') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** A word as the index holds it, or null for a stop word. */
export function indexTerm(word: string): string | null {
  const folded = foldWord(word);
  if (folded === '' || STOP_WORDS.has(folded)) return null;
  return stemWord(folded);
}

/** The index terms of a text, in order. */
export function termsOf(text: string): string[] {
  const out: string[] = [];
  for (const word of splitWords(text)) {
    const term = indexTerm(word);
    if (term !== null) out.push(term);
  }
  return out;
}

/**
 * Edits a term may be off by and still match: none for up to 3 letters (too many short words are
 * one edit apart), 1 up to 5 ("hert" -> "heart"), 2 beyond ("candel" -> "candle", a swap costs 2).
 */
export function typoBudget(term: string): number {
  if (term.length <= 3) return 0;
  return term.length <= 5 ? 1 : 2;
}
