// Autosuggest's parts: popular past queries (their own small index, ranked by text match and how
// often they were searched) and the merge of the three kinds of suggestion into one short list -
// a few queries first (what people type next), then categories, then products, each kind filling
// the places another leaves empty, without repeating a text.
import MiniSearch, { type SearchResult } from 'minisearch';
import { indexTerm, normaliseQuery, splitWords } from './search-text';

/** A past query and how often it was searched (from the shop's `Products Searched` events). */
export interface PopularTerm {
  term: string;
  searches: number;
}

export type SuggestionKind = 'product' | 'category' | 'term';

export interface Suggestion {
  text: string;
  kind: SuggestionKind;
  productId?: string;
  category?: string;
  score: number;
}

/** Places per kind before others fill the rest. */
const QUOTA = { term: 3, category: 2 } as const;

export class TermIndex {
  private readonly index = new MiniSearch({
    fields: ['term'],
    tokenize: splitWords,
    processTerm: indexTerm,
  });
  private readonly terms: { term: string; searches: number }[] = [];

  constructor(terms: readonly PopularTerm[]) {
    const seen = new Set<string>();
    for (const t of terms) {
      const term = normaliseQuery(t.term);
      if (term === '' || seen.has(term)) continue;
      seen.add(term);
      this.terms.push({ term, searches: t.searches });
    }
    this.index.addAll(this.terms.map((t, id) => ({ id, term: t.term })));
  }

  /**
   * Past queries matching the query, best first (text match x log of their searches); `run`
   * searches the index the way the catalogue's query plan says.
   */
  suggest(run: (index: MiniSearch) => SearchResult[], query: string): Suggestion[] {
    if (this.terms.length === 0) return [];
    return run(this.index)
      .map((r) => {
        const t = this.terms[r.id as number]!;
        return { text: t.term, kind: 'term' as const, score: r.score * Math.log2(2 + t.searches) };
      })
      .filter((s) => s.text !== query)
      .sort((a, b) => b.score - a.score || (a.text < b.text ? -1 : 1));
  }
}

/** One list of at most `limit`: terms, categories, products, each in its own order. */
export function mergeSuggestions(
  groups: {
    terms: readonly Suggestion[];
    categories: readonly Suggestion[];
    products: readonly Suggestion[];
  },
  limit: number,
): Suggestion[] {
  const seen = new Set<string>();
  const fresh = (list: readonly Suggestion[]) =>
    list.filter((s) => {
      const key = s.text.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const terms = fresh(groups.terms);
  const categories = fresh(groups.categories);
  const products = fresh(groups.products);
  // Each kind's quota first; products take what is left, then the others' surplus fills the rest.
  let takeTerms = Math.min(terms.length, QUOTA.term, limit);
  let takeCategories = Math.min(categories.length, QUOTA.category, limit - takeTerms);
  const takeProducts = Math.min(products.length, limit - takeTerms - takeCategories);
  let free = limit - takeTerms - takeCategories - takeProducts;
  const more = (taken: number, available: number) => Math.min(free, available - taken);
  const extraTerms = more(takeTerms, terms.length);
  takeTerms += extraTerms;
  free -= extraTerms;
  const extraCategories = more(takeCategories, categories.length);
  takeCategories += extraCategories;
  return [
    ...terms.slice(0, takeTerms),
    ...categories.slice(0, takeCategories),
    ...products.slice(0, takeProducts),
  ];
}
