// The catalogue's vocabulary: every index term with the number of products that use it and the
// word shoppers see for it (the most frequent written form before stemming), in MiniSearch's
// radix tree so that a misspelt term finds its nearest real terms quickly. Behind "did you mean":
// each query word the catalogue does not know is replaced by its closest known word.
import SearchableMap from 'minisearch/SearchableMap';
import { foldWord, indexTerm, splitWords, typoBudget } from './search-text';

interface TermInfo {
  /** Products whose text contains the term. */
  products: number;
  /** Written forms (folded, unstemmed) with their counts. */
  forms: Map<string, number>;
}

/** A known term offered for an unknown one. */
export interface Correction {
  term: string;
  /** The written form to show ("did you mean"). */
  word: string;
  distance: number;
  /** Products using the term, divided by EDIT_COST per edit: comparable with `completions`. */
  plausibility: number;
}

/** How much less likely each edit makes a reading (Norvig's corrector weighs edits alike). */
export const EDIT_COST = 10;

export class Vocabulary {
  private readonly terms = new SearchableMap<TermInfo>();
  private readonly lastProduct = new Map<string, number>();
  private products = 0;

  /** Adds one product's text (all its fields together). */
  addProduct(text: string): void {
    this.products += 1;
    for (const word of splitWords(text)) {
      const term = indexTerm(word);
      if (term === null) continue;
      let info = this.terms.get(term);
      if (!info) {
        info = { products: 0, forms: new Map() };
        this.terms.set(term, info);
      }
      if (this.lastProduct.get(term) !== this.products) {
        info.products += 1;
        this.lastProduct.set(term, this.products);
      }
      const form = foldWord(word);
      info.forms.set(form, (info.forms.get(form) ?? 0) + 1);
    }
  }

  /** Drops the bookkeeping only needed while adding. */
  seal(): void {
    this.lastProduct.clear();
  }

  /** True when the term, or (with `prefix`) a longer term starting with it, is in the catalogue. */
  knows(term: string, { prefix }: { prefix: boolean }): boolean {
    if (this.terms.has(term)) return true;
    if (!prefix) return false;
    for (const _ of this.terms.atPrefix(term).keys()) return true;
    return false;
  }

  /**
   * How plausible it is that `term` is the start of a longer word: the products using the terms
   * it is a proper prefix of (counted once per term, an upper bound).
   */
  completions(term: string): number {
    let products = 0;
    for (const [candidate, info] of this.terms.atPrefix(term))
      if (candidate !== term) products += info.products;
    return products;
  }

  /**
   * The most plausible known term within the typo budget: products using it, divided by
   * EDIT_COST for every edit away (a common word two edits off beats a one-off token one edit off:
   * "candel" is "candle", not the "candl" of a truncated title), then alphabetical; with the
   * written form closest to `typed`. Null when none is within the budget.
   */
  nearest(term: string, typed: string = term): Correction | null {
    const budget = typoBudget(term);
    if (budget === 0) return null;
    let best: { term: string; info: TermInfo; distance: number; plausibility: number } | null = null;
    for (const [candidate, [info, distance]] of this.terms.fuzzyGet(term, budget)) {
      if (distance === 0) continue;
      const plausibility = info.products / EDIT_COST ** distance;
      if (
        !best ||
        plausibility > best.plausibility ||
        (plausibility === best.plausibility && candidate < best.term)
      )
        best = { term: candidate, info, distance, plausibility };
    }
    if (!best) return null;
    return {
      term: best.term,
      word: closestForm(best.info, foldWord(typed)),
      distance: best.distance,
      plausibility: best.plausibility,
    };
  }
}

/**
 * The written form closest to what was typed ("candel" -> "candle" rather than "candles", both two
 * edits away): fewest edits, then the nearest length, then the most used.
 */
function closestForm(info: TermInfo, typed: string): string {
  let word = '';
  let best = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0];
  for (const [form, count] of info.forms) {
    const key = [editDistance(form, typed), Math.abs(form.length - typed.length), -count];
    const cmp = key[0]! - best[0]! || key[1]! - best[1]! || key[2]! - best[2]! || (form < word ? -1 : 1);
    if (cmp < 0) {
      word = form;
      best = key;
    }
  }
  return word;
}

/** Levenshtein distance; the forms compared are single words, so the quadratic table is tiny. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
