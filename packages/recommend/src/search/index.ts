// Personalised catalogue search and autosuggest (pure, no I/O): see catalogue-search.ts.

export {
  CatalogueSearch,
  type CatalogueSearchOptions,
  type SearchableProduct,
  type SearchOutcome,
  type SearchRequest,
  type SuggestRequest,
} from './catalogue-search';
export { type Rankable, type Ranked, type RankingOptions, rankMatches } from './search-ranking';
export { normaliseQuery, stemWord, termsOf, typoBudget } from './search-text';
export { mergeSuggestions, type PopularTerm, type Suggestion, type SuggestionKind } from './suggestions';
export { type AffinityOptions, type AffinityProduct, VisitorAffinity } from './visitor-affinity';
