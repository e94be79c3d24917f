// Search page: try the shop's personalised search and autosuggest as any visitor, and the content
// gap report - the queries shoppers searched that found nothing, to fill with products or words.
import { NoResultsTable } from './search/no-results-table';
import { TrySearch } from './search/try-search';

export function SearchPage() {
  return (
    <div className="page page-stack" data-testid="search-page">
      <div className="page-heading">
        <h1>Search</h1>
        <p className="muted">
          Typo-tolerant search and autosuggest over the catalogue, re-ranked by each visitor’s affinities (the
          categories, brands and products they viewed or bought). Every search a shop page makes is recorded
          as a <code>Products Searched</code> event.
        </p>
      </div>
      <TrySearch />
      <NoResultsTable />
    </div>
  );
}
