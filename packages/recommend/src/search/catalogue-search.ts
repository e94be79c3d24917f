// Full-text search and autosuggest over a shop's catalogue, on MiniSearch (a small, well-kept
// in-memory index with BM25 scoring, prefix and fuzzy matching, and query trees). Products are
// indexed by title, brand, category path and their other text (description, attribute values).
// A query is planned first (query-plan.ts: every word as typed or as its start, or corrected to
// the most plausible catalogue word, which "did you mean" names), falls back to MiniSearch's fuzzy
// matching and then to any word when that finds nothing, and is ranked by search-ranking.ts with
// the visitor's affinities. Autosuggest mixes popular past queries, categories and titles.
import MiniSearch, { type SearchOptions, type SearchResult } from 'minisearch';
import { planQuery, type QueryPlan } from './query-plan';
import { type Rankable, type Ranked, type RankingOptions, rankMatches } from './search-ranking';
import { indexTerm, normaliseQuery, splitWords, termsOf, typoBudget } from './search-text';
import { mergeSuggestions, type PopularTerm, type Suggestion, TermIndex } from './suggestions';
import type { VisitorAffinity } from './visitor-affinity';
import { Vocabulary } from './vocabulary';

/** A product as search sees it; the caller's own fields come back in the hits. */
export interface SearchableProduct extends Rankable {
  title: string;
  /** Description and attribute values, searched with a low weight. */
  text?: string | null | undefined;
}

export interface CatalogueSearchOptions extends RankingOptions {
  /** Awaited between chunks of products while indexing, so a large catalogue does not hold the event loop. */
  pause?: () => Promise<void> | undefined;
}

export interface SearchRequest {
  /** Default 20. */
  limit?: number;
  /** Default 0. */
  offset?: number;
  /** Only this category and its sub-categories ("Home" takes "Home > Candles"). */
  category?: string | undefined;
  affinity?: VisitorAffinity | undefined;
}

export interface SearchOutcome<P> {
  /** The query as normalised (lower-case, trimmed, spaces collapsed). */
  query: string;
  /** "Did you mean": the query with its unknown words replaced, when no word matched as typed. */
  corrected: string | null;
  /** All matches (before paging). */
  total: number;
  hits: Ranked<P>[];
}

export interface SuggestRequest {
  /** Default 8. */
  limit?: number;
  affinity?: VisitorAffinity | undefined;
}

interface ProductDoc {
  id: string;
  title: string;
  brand: string;
  category: string;
  text: string;
}

const FIELDS = ['title', 'brand', 'category', 'text'];
/** Title words matter most; a brand or category named in the query is a strong hint too. */
const BOOST = { title: 3, brand: 2, category: 1.5, text: 0.5 };
/** Products indexed between two pauses: a few milliseconds of work. */
const CHUNK = 100;
const PATH_SEPARATOR = ' > ';
const SEARCH_PREFIX_MIN = 3;

export class CatalogueSearch<P extends SearchableProduct = SearchableProduct> {
  private readonly products = new Map<string, P>();
  private readonly index: MiniSearch<ProductDoc>;
  private readonly categoryIndex: MiniSearch<{ id: string; name: string; path: string }>;
  private readonly vocabulary = new Vocabulary();
  private terms = new TermIndex([]);

  private constructor(private readonly options: CatalogueSearchOptions) {
    this.index = newIndex(FIELDS);
    this.categoryIndex = newIndex(['name', 'path']);
  }

  /**
   * Indexes a catalogue.
   *
   * @example
   * const search = await CatalogueSearch.build([{ id: 'p1', title: 'Heart candle', category: 'Home > Candles', inStock: true }]);
   * search.search('hert').hits[0]?.product.id // 'p1'
   */
  static async build<P extends SearchableProduct>(
    products: Iterable<P>,
    options: CatalogueSearchOptions = {},
  ): Promise<CatalogueSearch<P>> {
    const search = new CatalogueSearch<P>(options);
    const categories = new Set<string>();
    let chunk: ProductDoc[] = [];
    for (const p of products) {
      if (search.products.has(p.id)) continue;
      search.products.set(p.id, p);
      const doc = {
        id: p.id,
        title: p.title,
        brand: p.brand ?? '',
        category: p.category,
        text: p.text ?? '',
      };
      search.vocabulary.addProduct(`${doc.title} ${doc.brand} ${doc.category} ${doc.text}`);
      categories.add(p.category);
      chunk.push(doc);
      if (chunk.length >= CHUNK) {
        search.index.addAll(chunk);
        chunk = [];
        const pause = options.pause?.();
        if (pause) await pause;
      }
    }
    search.index.addAll(chunk);
    search.vocabulary.seal();
    search.categoryIndex.addAll(
      [...categories].map((path) => ({ id: path, name: path.split(PATH_SEPARATOR).at(-1) ?? path, path })),
    );
    return search;
  }

  get size(): number {
    return this.products.size;
  }

  get(productId: string): P | undefined {
    return this.products.get(productId);
  }

  /**
   * The past queries autosuggest may offer, e.g. the most searched ones with results. Only terms
   * whose every word the catalogue knows are kept, so a suggestion never leads to nothing.
   */
  setPopularTerms(terms: readonly PopularTerm[]): void {
    this.terms = new TermIndex(
      terms.filter((t) => {
        const words = termsOf(t.term);
        return words.length > 0 && words.every((w) => this.vocabulary.knows(w, { prefix: false }));
      }),
    );
  }

  /** Matches of a query, ranked, one page of them. */
  search(
    query: string,
    { limit = 20, offset = 0, category, affinity }: SearchRequest = {},
  ): SearchOutcome<P> {
    const normalised = normaliseQuery(query);
    const plan = planQuery(normalised, this.vocabulary, { prefix: searchPrefix });
    if (plan.words === 0) return { query: normalised, corrected: null, total: 0, hits: [] };
    const filter = category ? this.categoryFilter(category) : undefined;
    const options: SearchOptions = { prefix: searchPrefix, boost: BOOST, ...(filter ? { filter } : {}) };
    const { results, planned } = runPlan(this.index, plan, normalised, options, { loosen: true });
    const ranked = rankMatches(this.withProducts(results), affinity, this.options);
    return {
      query: normalised,
      corrected: planned ? plan.corrected : null,
      total: ranked.length,
      hits: ranked.slice(offset, offset + limit),
    };
  }

  /**
   * Suggestions while typing: popular past queries, categories and product titles that start like
   * the query (every word a prefix, typos corrected), products and categories re-ranked by affinity.
   */
  suggest(query: string, { limit = 8, affinity }: SuggestRequest = {}): Suggestion[] {
    const normalised = normaliseQuery(query);
    const plan = planQuery(normalised, this.vocabulary, { prefix: () => true });
    if (plan.words === 0) return [];
    const options: SearchOptions = { prefix: true };
    const run = (index: MiniSearch, extra: SearchOptions = {}) =>
      runPlan(index, plan, normalised, { ...options, ...extra }, { loosen: false }).results;
    const terms = this.terms.suggest((index) => run(index), normalised);
    const categories = rankMatches(
      run(this.categoryIndex, { boost: { name: 2, path: 1 } }).map((r) => ({
        product: { id: String(r.id), category: String(r.id), inStock: true },
        score: r.score,
      })),
      affinity,
      this.options,
    ).map((r) => ({
      text: r.product.category,
      kind: 'category' as const,
      category: r.product.category,
      score: r.score,
    }));
    const products = rankMatches(
      this.withProducts(run(this.index, { fields: ['title'] })),
      affinity,
      this.options,
    ).map((r) => ({
      text: r.product.title,
      kind: 'product' as const,
      productId: r.product.id,
      score: r.score,
    }));
    return mergeSuggestions({ terms, categories, products }, limit);
  }

  private categoryFilter(category: string): (result: SearchResult) => boolean {
    const prefix = `${category}${PATH_SEPARATOR}`;
    return (result) => {
      const c = this.products.get(String(result.id))?.category;
      return c !== undefined && (c === category || c.startsWith(prefix));
    };
  }

  private withProducts(results: readonly SearchResult[]): { product: P; score: number }[] {
    const out: { product: P; score: number }[] = [];
    for (const r of results) {
      const product = this.products.get(String(r.id));
      if (product) out.push({ product, score: r.score });
    }
    return out;
  }
}

function newIndex<T>(fields: string[]): MiniSearch<T> {
  return new MiniSearch<T>({
    fields,
    storeFields: [],
    tokenize: splitWords,
    // Index and query terms go through the same folding, stop words and stemming.
    processTerm: indexTerm,
  });
}

/** Prefix matching for search only from three letters: "ar" would match half the catalogue. */
function searchPrefix(term: string): boolean {
  return term.length >= SEARCH_PREFIX_MIN;
}

/**
 * Runs a planned query: every word (as typed or corrected) first; when that finds nothing and a
 * word is not the catalogue's, every word within its typo budget (MiniSearch's fuzzy matching,
 * for words two typos off or several typos at once); with `loosen`, then any word, planned and
 * then fuzzy - better some of the words than nothing, and BM25 ranks those with most of them first.
 */
function runPlan(
  index: MiniSearch,
  plan: QueryPlan,
  normalised: string,
  options: SearchOptions,
  { loosen }: { loosen: boolean },
): { results: SearchResult[]; planned: boolean } {
  const fuzzy = (combineWith: 'AND' | 'OR') =>
    index.search(normalised, { ...options, combineWith, fuzzy: typoBudget });
  let results = plan.all ? index.search(plan.all, options) : [];
  if (results.length > 0) return { results, planned: true };
  // Words all spelt as the catalogue spells them just do not occur together: no typo to forgive.
  if (!plan.allKnown) results = fuzzy('AND');
  if (results.length > 0 || !loosen || plan.words < 2) return { results, planned: false };
  results = plan.any ? index.search(plan.any, options) : [];
  if (results.length > 0) return { results, planned: true };
  return { results: fuzzy('OR'), planned: false };
}
