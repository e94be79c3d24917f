// What `centric search` needs, through a running server (HTTP with its local admin token) or on
// the store in this process (a SearchService over a RecommendationService built on the opened
// store). Reached as CentricClient.search(), so the connection logic stays in connect.ts. The CLI
// tries queries out: its searches are never recorded (log=false through a server; no ingest
// locally), so they do not show in the no-results report.
import type { ErrorBody, NoResultsReport, SearchResponse } from '@centric/contracts';
import {
  type CentricService,
  RecommendationService,
  type SearchInput,
  SearchService,
  type ServerFile,
} from '@centric/server';

export interface NoResultsInput {
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
}

export interface SearchClient {
  search(input: SearchInput): Promise<SearchResponse>;
  noResults(input: NoResultsInput): Promise<NoResultsReport>;
}

export class LocalSearchClient implements SearchClient {
  private readonly searches: SearchService;

  constructor(
    service: CentricService,
    private readonly projectId: string,
  ) {
    this.searches = new SearchService(service.store, new RecommendationService(service.store));
  }

  search(input: SearchInput) {
    return this.searches.search(this.projectId, input, { log: false });
  }

  noResults(input: NoResultsInput) {
    return this.searches.noResults(this.projectId, input);
  }
}

export class SearchClientError extends Error {}

export class RemoteSearchClient implements SearchClient {
  constructor(private readonly server: Pick<ServerFile, 'url' | 'adminToken'>) {}

  private async get<T>(path: string, params: Record<string, string | number | undefined>): Promise<T> {
    const q = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value !== undefined) q.set(key, String(value));
    const res = await fetch(`${this.server.url}${path}?${q}`, {
      headers: { authorization: `Bearer ${this.server.adminToken}` },
    });
    const json = (await res.json()) as T | ErrorBody;
    if (!res.ok)
      throw new SearchClientError((json as ErrorBody).error?.message ?? `server answered ${res.status}`);
    return json as T;
  }

  search(input: SearchInput) {
    return this.get<SearchResponse>('/v1/search', {
      q: input.q,
      visitor: input.visitor,
      limit: input.limit,
      offset: input.offset,
      category: input.category,
      log: 'false',
    });
  }

  noResults(input: NoResultsInput) {
    return this.get<NoResultsReport>('/v1/search/no-results', {
      from: input.from,
      to: input.to,
      limit: input.limit,
    });
  }
}
