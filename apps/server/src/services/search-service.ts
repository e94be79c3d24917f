// Personalised search of a running server: per project, a full-text index of the recommendation
// engine's catalogue (packages/recommend/src/search), rebuilt in the background when the engine's
// catalogue changes, with the popular past queries autosuggest offers re-read every few minutes.
// Results are re-ranked by the visitor's affinities from the engine's models; every search a
// shop page makes is recorded as a `Products Searched` event (queued, off the request path), and
// the no-results report reads those events back from the store.
import { randomBytes } from 'node:crypto';
import type {
  NoResultsReport,
  SearchHit,
  SearchResponse,
  SuggestionWire,
  SuggestResponse,
} from '@centric/contracts';
import { resolveDayRange, toInstantRange } from '@centric/core';
import type { IngestRequest, IngestResult } from '@centric/ingest';
import { CatalogueSearch, normaliseQuery, type PopularTerm, VisitorAffinity } from '@centric/recommend';
import type { Store } from '@centric/storage';
import { CentricError } from '../errors';
import type { RecommendationService } from './recommendation-service';
import { pacer } from './recommendations/model-builder';
import type { ProductCatalogue } from './recommendations/product-catalogue';
import {
  catalogueFingerprint,
  type IndexedProduct,
  indexedProducts,
  loadProductTexts,
} from './search/search-index-source';
import { searchEvent } from './search/search-log';
import { ServerEventLog } from './server-event-log';

export interface SearchServiceOptions {
  /** Where searches are recorded: the server's ingest pipeline. Without it nothing is recorded. */
  ingest?: (request: IngestRequest) => Promise<IngestResult>;
  onError?: (error: unknown) => void;
  /** Popular queries are re-read this often. Default 5 minutes. */
  termsRefreshIntervalMs?: number;
  /** Popular queries of this many past days are offered. Default 90. */
  termsDays?: number;
  /** Popular queries offered at most. Default 1,000. */
  maxTerms?: number;
  /** The engine's catalogue is checked for changes this often (besides on every request). Default 30 s. */
  catalogueCheckIntervalMs?: number;
  now?: () => number;
}

export interface SearchInput {
  q: string;
  visitor?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  category?: string | undefined;
}

interface ProjectSearch {
  index: CatalogueSearch<IndexedProduct> | null;
  /** The engine catalogue the index was built from (or found unchanged against). */
  source: ProductCatalogue | null;
  fingerprint: string | null;
  version: string | null;
  building: Promise<CatalogueSearch<IndexedProduct>> | null;
  terms: readonly PopularTerm[];
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export class SearchService {
  private readonly projects = new Map<string, ProjectSearch>();
  private readonly log: ServerEventLog | null;
  private readonly now: () => number;
  private readonly timers: NodeJS.Timeout[] = [];
  private background: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly recommendations: RecommendationService,
    private readonly options: SearchServiceOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.log = options.ingest
      ? new ServerEventLog({
          ingest: options.ingest,
          ...(options.onError ? { onError: options.onError } : {}),
        })
      : null;
  }

  /** Indexes the given projects now and starts the refresh timers. */
  async start(projectIds: readonly string[] = []): Promise<void> {
    for (const id of projectIds) await this.ready(id);
    const every = (ms: number, work: () => Promise<unknown>) => {
      const timer = setInterval(() => {
        this.background = this.background.then(work).catch((error) => this.options.onError?.(error));
      }, ms);
      timer.unref();
      this.timers.push(timer);
    };
    every(this.options.termsRefreshIntervalMs ?? 5 * MINUTE, async () => {
      for (const projectId of this.projects.keys()) await this.refreshTerms(projectId);
    });
    every(this.options.catalogueCheckIntervalMs ?? 30_000, async () => {
      for (const projectId of this.projects.keys()) await this.updateIndex(projectId);
    });
  }

  /** Stops the timers and writes the queued searches (before the pipeline stops). */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    await this.background.catch(() => undefined);
    // An index a request started building still reads the store, which closes next.
    for (const state of this.projects.values()) await state.building?.catch(() => undefined);
    await this.log?.close();
  }

  /**
   * Brings a project's index up to the engine's current catalogue and re-reads its popular
   * queries, waiting for both (start, tests, after an import).
   */
  async ready(projectId: string): Promise<void> {
    await this.refreshTerms(projectId);
    await this.updateIndex(projectId);
  }

  /**
   * One page of matches for a query, re-ranked for the visitor, recorded unless `log` is false.
   *
   * @example await search.search(projectId, { q: 'hert', visitor: 'anon-1', limit: 10 })
   */
  async search(
    projectId: string,
    input: SearchInput,
    { log = true }: { log?: boolean } = {},
  ): Promise<SearchResponse> {
    const query = checkedQuery(input.q);
    const index = await this.indexOf(projectId);
    const affinity = await this.affinity(projectId, input.visitor);
    const outcome = index.search(query, {
      limit: input.limit ?? 20,
      offset: input.offset ?? 0,
      category: input.category,
      affinity,
    });
    const searchId = `srch_${randomBytes(12).toString('base64url')}`;
    if (log && this.log)
      this.log.add(
        projectId,
        searchEvent({
          searchId,
          query: outcome.query,
          resultsCount: outcome.total,
          visitor: input.visitor,
          at: this.now(),
        }),
      );
    return {
      searchId,
      query: outcome.query,
      corrected: outcome.corrected,
      total: outcome.total,
      items: outcome.hits.map(({ product: p, score }) => toHit(p, score)),
    };
  }

  /** Autosuggest while typing: past queries, categories and products; not recorded. */
  async suggest(
    projectId: string,
    input: { q: string; visitor?: string | undefined; limit?: number | undefined },
  ): Promise<SuggestResponse> {
    const query = checkedQuery(input.q);
    const index = await this.indexOf(projectId);
    const affinity = await this.affinity(projectId, input.visitor);
    const suggestions = index.suggest(query, { limit: input.limit ?? 8, affinity });
    return {
      query,
      suggestions: suggestions.map(({ text, kind, productId, category }) => {
        const wire: SuggestionWire = { text, kind };
        if (productId !== undefined) wire.productId = productId;
        if (category !== undefined) wire.category = category;
        return wire;
      }),
    };
  }

  /** The content gap report: queries that found nothing over a range of days. */
  async noResults(
    projectId: string,
    input: { from?: string | undefined; to?: string | undefined; limit?: number | undefined },
  ): Promise<NoResultsReport> {
    let range: ReturnType<typeof resolveDayRange>;
    try {
      range = resolveDayRange(
        { ...(input.from ? { from: input.from } : {}), ...(input.to ? { to: input.to } : {}) },
        this.now(),
      );
    } catch (error) {
      throw new CentricError('invalid_query', (error as Error).message);
    }
    const figures = await this.store.search.noResults(projectId, {
      range: toInstantRange(range),
      limit: input.limit ?? 100,
    });
    return {
      ...range,
      searches: figures.searches,
      noResultSearches: figures.noResultSearches,
      rows: figures.rows.map((r) => ({
        query: r.query,
        searches: r.searches,
        visitors: r.visitors,
        lastSeen: new Date(r.lastSeen).toISOString(),
      })),
    };
  }

  /** Writes the queued searches now (tests, shutdown). */
  flushLog(): Promise<void> {
    return this.log?.flush() ?? Promise.resolve();
  }

  /** Searches dropped because the queue was full (for logs and tests). */
  get droppedSearches(): number {
    return this.log?.droppedCount ?? 0;
  }

  /** The index to answer from: the current one, or - while a changed catalogue is indexed - the previous. */
  private async indexOf(projectId: string): Promise<CatalogueSearch<IndexedProduct>> {
    const state = this.stateOf(projectId);
    const catalogue = await this.recommendations.catalogueOf(projectId);
    if (state.index && state.source === catalogue) return state.index;
    // An empty index (before the first import) answers nothing worth serving while the new one builds.
    if (!state.index || state.index.size === 0) return this.updateIndex(projectId);
    if (!state.building) this.updateIndex(projectId).catch((error) => this.options.onError?.(error));
    return state.index;
  }

  /** Indexes the engine's catalogue if it changed since the last index; builds run one after another. */
  private updateIndex(projectId: string): Promise<CatalogueSearch<IndexedProduct>> {
    const state = this.stateOf(projectId);
    const next = (state.building ?? Promise.resolve())
      .catch(() => undefined)
      .then(async () => {
        const catalogue = await this.recommendations.catalogueOf(projectId);
        if (state.index && state.source === catalogue) return state.index;
        return this.build(projectId, state, catalogue);
      });
    state.building = next;
    const settle = () => {
      if (state.building === next) state.building = null;
    };
    next.then(settle, settle);
    return next;
  }

  private async build(
    projectId: string,
    state: ProjectSearch,
    catalogue: ProductCatalogue,
  ): Promise<CatalogueSearch<IndexedProduct>> {
    const version = await this.store.recommendations.catalogueVersion(projectId);
    const fingerprint = catalogueFingerprint(catalogue);
    // The engine's periodic rebuild makes a new catalogue object with the same products.
    if (state.index && state.fingerprint === fingerprint && state.version === version) {
      state.source = catalogue;
      return state.index;
    }
    const texts = await loadProductTexts(this.store, projectId);
    const index = await CatalogueSearch.build(indexedProducts(catalogue, texts), { pause: pacer() });
    index.setPopularTerms(state.terms);
    state.index = index;
    state.source = catalogue;
    state.fingerprint = fingerprint;
    state.version = version;
    return index;
  }

  private async refreshTerms(projectId: string): Promise<void> {
    const state = this.stateOf(projectId);
    const rows = await this.store.search.popularQueries(projectId, {
      sinceMs: this.now() - (this.options.termsDays ?? 90) * DAY,
      limit: this.options.maxTerms ?? 1000,
    });
    state.terms = rows.map((r) => ({ term: r.query, searches: r.searches }));
    state.index?.setPopularTerms(state.terms);
  }

  private async affinity(
    projectId: string,
    visitor: string | undefined,
  ): Promise<VisitorAffinity | undefined> {
    if (!visitor) return undefined;
    const context = await this.recommendations.visitorContext(projectId, visitor);
    if (context.history.length === 0) return undefined;
    const catalogue = await this.recommendations.catalogueOf(projectId);
    return VisitorAffinity.fromHistory(context.history, {
      now: this.now(),
      lookup: (id) => catalogue.get(id),
    });
  }

  private stateOf(projectId: string): ProjectSearch {
    let state = this.projects.get(projectId);
    if (!state) {
      state = { index: null, source: null, fingerprint: null, version: null, building: null, terms: [] };
      this.projects.set(projectId, state);
    }
    return state;
  }
}

/** The query normalised; one without a letter or digit is a client error. */
function checkedQuery(q: string): string {
  const query = normaliseQuery(q);
  if (!/[\p{L}\p{N}]/u.test(query))
    throw new CentricError('invalid_query', 'q must contain at least one letter or digit', {
      field: 'querystring.q',
    });
  return query;
}

function toHit(p: IndexedProduct, score: number): SearchHit {
  return {
    productId: p.id,
    title: p.title,
    category: p.category,
    brand: p.brand ?? null,
    price: p.price ?? null,
    imageLink: p.imageLink,
    link: p.link,
    inStock: p.inStock,
    score: Math.round(score * 10_000) / 10_000,
  };
}
