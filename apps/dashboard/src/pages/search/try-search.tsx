// Try the shop's search as a given visitor: suggestions appear while typing (past queries,
// categories, products - typos tolerated), a search shows the results in the order that visitor
// would see them, with "did you mean" when a word was corrected. Tries are not recorded as
// shoppers' searches, so they never show in the no-results report.
import type { SearchResponse, SuggestionWire } from '@centric/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { parseSearch, parseSuggest, searchPath, suggestPath } from '../../api/search';
import { toApiError, useProjectAction } from '../../api/use-project-action';
import { type ExtraColumn, ProductRankingTable } from '../../components/product-ranking-table';

type Hit = SearchResponse['items'][number];
const BRAND: ExtraColumn<Hit>[] = [{ header: 'Brand', cell: (item) => item.brand ?? '' }];
const STOCK: ExtraColumn<Hit>[] = [
  { header: 'Stock', cell: (item) => (item.inStock ? 'in stock' : 'out of stock') },
];

/** Wait after the last key before asking for suggestions. */
const SUGGEST_DELAY_MS = 120;
const hasWord = (text: string) => /[\p{L}\p{N}]/u.test(text);

const KIND_LABEL: Record<SuggestionWire['kind'], string> = {
  term: 'search',
  category: 'category',
  product: 'product',
};

export function TrySearch() {
  const call = useProjectAction();
  const [visitor, setVisitor] = useState('');
  const [query, setQuery] = useState('');
  const [suggestions, setSuggestions] = useState<SuggestionWire[]>([]);
  const [open, setOpen] = useState(false);
  const [result, setResult] = useState<{ answer: SearchResponse; category: string | null } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const q = query.trim();
    if (!hasWord(q)) {
      setSuggestions([]);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const who = visitor.trim();
      call(suggestPath({ q, ...(who ? { visitor: who } : {}) }), parseSuggest, {
        signal: controller.signal,
      }).then(
        (answer) => setSuggestions(answer.suggestions),
        // A failed suggestion is no reason to interrupt typing; the search itself reports errors.
        () => undefined,
      );
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query, visitor, call]);

  const run = async (q: string, category: string | null = null) => {
    setOpen(false);
    if (!hasWord(q)) {
      setProblem('Type a word to search for.');
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const who = visitor.trim();
      const answer = await call(
        searchPath({ q, ...(who ? { visitor: who } : {}), ...(category ? { category } : {}) }),
        parseSearch,
      );
      setResult({ answer, category });
    } catch (caught) {
      setProblem(toApiError(caught).message);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(query);
  };

  const pick = (s: SuggestionWire) => {
    // A category narrows what was typed; a past query or a product title is searched as it is.
    if (s.kind === 'category') void run(query, s.category ?? s.text);
    else {
      setQuery(s.text);
      void run(s.text);
    }
  };

  return (
    <section className="card section-card" aria-labelledby="try-search-title" data-testid="try-search">
      <h2 id="try-search-title">Try the search</h2>
      <p className="muted">
        What a visitor sees for a query, re-ranked by what they viewed and bought. Shop pages call{' '}
        <code>GET /v1/search?q=…&amp;visitor=…</code> and <code>GET /v1/search/suggest</code> with the write
        key; tries here are not recorded.
      </p>
      <form className="controls-card card" onSubmit={submit}>
        <label className="field">
          <span className="field-label">Visitor</span>
          <input
            data-testid="search-visitor"
            value={visitor}
            placeholder="anonymous id or customer id (optional)"
            onChange={(e) => setVisitor(e.target.value)}
          />
        </label>
        <div className="field search-field" style={{ position: 'relative' }}>
          <label className="field-label" htmlFor="search-query">
            Search
          </label>
          <input
            id="search-query"
            data-testid="search-query"
            value={query}
            autoComplete="off"
            placeholder="e.g. heart candle"
            onChange={(e) => {
              setQuery(e.target.value);
              setOpen(true);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') setOpen(false);
            }}
          />
          {open && suggestions.length > 0 && (
            <ul
              id="search-suggestions"
              aria-label="Suggestions"
              data-testid="search-suggestions"
              className="card"
              style={{
                position: 'absolute',
                top: '100%',
                left: 0,
                right: 0,
                zIndex: 10,
                margin: '4px 0 0',
                padding: 4,
                listStyle: 'none',
              }}
            >
              {suggestions.map((s) => (
                <li key={`${s.kind}\u0000${s.text}`}>
                  <button
                    type="button"
                    className="link-button"
                    data-testid="search-suggestion"
                    data-kind={s.kind}
                    style={{ display: 'flex', gap: 8, width: '100%', padding: '4px 8px' }}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick(s)}
                  >
                    <span className="muted" style={{ minWidth: 64 }}>
                      {KIND_LABEL[s.kind]}
                    </span>
                    <span>{s.text}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <button type="submit" className="button-primary" data-testid="search-run" disabled={busy}>
          Search
        </button>
      </form>
      {problem !== null && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {result !== null && <SearchResults {...result} onSearch={(q) => void run(q)} />}
    </section>
  );
}

function SearchResults({
  answer,
  category,
  onSearch,
}: {
  answer: SearchResponse;
  category: string | null;
  onSearch: (q: string) => void;
}) {
  return (
    <div data-testid="search-results">
      <p className="muted" data-testid="search-summary">
        {answer.total} result{answer.total === 1 ? '' : 's'} for “{answer.query}”
        {category ? ` in ${category}` : ''}
        {answer.corrected !== null && (
          <>
            {' · '}did you mean{' '}
            <button
              type="button"
              className="link-button"
              data-testid="search-corrected"
              onClick={() => onSearch(answer.corrected!)}
            >
              {answer.corrected}
            </button>
            ?
          </>
        )}
      </p>
      {answer.items.length > 0 && (
        <ProductRankingTable
          items={answer.items}
          testId="search-table"
          rowTestId="search-hit"
          extra={{ afterCategory: BRAND, afterPrice: STOCK }}
        />
      )}
    </div>
  );
}
