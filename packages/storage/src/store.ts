// The store contracts. Every backend (embedded DuckDB now; ClickHouse + PostgreSQL in cluster
// mode later) implements them and passes the shared suite in store.case.test.ts. They speak in
// analyses and rows, never SQL, so each backend can answer its own way.
import type { Channel, JourneySettings, MessageType } from '@centric/contracts';
import type { AnalyticsStore } from './analytics-store';
import type { JourneyStore } from './journey-store';
import type { MiningStore } from './mining-store';
import type { ProfileStore } from './profile-store';
import type { RecommendationStore } from './recommendation-store';
import type { ReportStore } from './report-store';
import type { SearchStore } from './search-store';
import type { SegmentStore } from './segment-store';
import type { StreamStore } from './stream-store';
import type { TriggerStore } from './trigger-store';

/** One event as stored: the wire message normalised, typed columns pulled out, rest as JSON. */
export interface StoredEvent {
  projectId: string;
  messageId: string;
  type: MessageType;
  /** Canonical event name for track events (GA4 names mapped), page name for pages. */
  event: string | null;
  anonymousId: string | null;
  userId: string | null;
  /** For alias: the id being merged into userId. */
  previousId: string | null;
  sessionId: string | null;
  channel: Channel;
  /** Event time (ms since epoch, UTC), corrected for client clock skew. */
  timestamp: number;
  receivedAt: number;
  productId: string | null;
  orderId: string | null;
  revenue: number | null;
  value: number | null;
  currency: string | null;
  quantity: number | null;
  query: string | null;
  category: string | null;
  utmSource: string | null;
  utmMedium: string | null;
  utmCampaign: string | null;
  utmTerm: string | null;
  utmContent: string | null;
  pagePath: string | null;
  referrer: string | null;
  /** JSON text of the remaining properties, context and traits (null when empty). */
  properties: string | null;
  context: string | null;
  traits: string | null;
}

/** A line item of an Order Completed event: a derived fact for baskets and associations. */
export interface OrderItem {
  projectId: string;
  orderId: string;
  messageId: string;
  position: number;
  productId: string;
  sku: string | null;
  name: string | null;
  category: string | null;
  brand: string | null;
  price: number | null;
  quantity: number;
  timestamp: number;
}

/** What one atomic append wrote; the buffer reports it per flush. */
export interface AppendReport {
  events: number;
  orderItems: number;
  ms: number;
}

export interface TimeRange {
  startMs: number;
  /** Exclusive. */
  endMs: number;
}

/** Raw figures of the Overview; rates are derived from them in packages/analyses. */
export interface OverviewFigures {
  events: number;
  visitors: number;
  sessions: number;
  orders: number;
  revenue: number;
  currency: string | null;
  convertingSessions: number;
  eventsPerDay: { day: string; events: number }[];
}

export interface VisitorSession {
  projectId: string;
  visitorKey: string;
  sessionId: string;
  startedAt: number;
  lastEventAt: number;
  campaign: string;
}

export interface EventQuery {
  projectId: string;
  limit: number;
  /** Only events of this visitor (anonymous id or user id). */
  visitor?: string;
}

export interface EventStore {
  /** Appends events and their order items in one transaction: all of them or none. */
  append(batch: { events: readonly StoredEvent[]; orderItems: readonly OrderItem[] }): Promise<AppendReport>;
  /**
   * Appends only the events whose (project, messageId) is not stored yet, with the order items
   * of those events, in one transaction: re-running an import adds nothing twice.
   */
  appendNew(batch: {
    events: readonly StoredEvent[];
    orderItems: readonly OrderItem[];
  }): Promise<{ inserted: number; duplicates: number; duplicateIds: string[] }>;
  /**
   * Gives events without a session (imported history) their sessions by the session rule over
   * each visitor's whole timeline; answers how many events got one.
   */
  assignSessions(query: { projectId: string; timeoutMs: number }): Promise<number>;
  countEvents(projectId: string): Promise<number>;
  /** Newest first. */
  listEvents(query: EventQuery): Promise<StoredEvent[]>;
  overview(query: { projectId: string; range: TimeRange }): Promise<OverviewFigures>;
  /** Message ids received since a time, newest first: seeds the idempotency window. */
  recentMessageIds(query: {
    sinceMs: number;
    limit: number;
  }): Promise<{ projectId: string; messageId: string }[]>;
  /** The latest session of each visitor active since a time: seeds sessionisation on restart. */
  recentSessions(query: { sinceMs: number }): Promise<VisitorSession[]>;
  /** Folds the write-ahead log into the main file; called off the request path. */
  checkpoint(): Promise<void>;
}

export type KeyKind = 'write' | 'secret';

export interface Project {
  id: string;
  name: string;
  createdAt: number;
}

export interface ProjectKeys {
  projectId: string;
  writeKey: string;
  secretKey: string;
}

/** A catalogue product as stored. */
export interface CatalogueProduct {
  productId: string;
  title: string;
  description: string | null;
  categoryPath: string | null;
  brand: string | null;
  price: number | null;
  salePrice: number | null;
  currency: string | null;
  availability: string | null;
  imageLink: string | null;
  link: string | null;
  /** JSON text of custom attributes. */
  attributes: string | null;
}

/** An imported customer as stored: the e-mail only as a keyed hash unless the project keeps it. */
export interface CustomerRow {
  customerId: string;
  emailHash: string | null;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  createdAt: number | null;
  attributes: string | null;
}

export interface UpsertReport {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface ProjectSettings {
  /** Key of the HMAC that hashes e-mail addresses; made once per project. */
  emailHashKey: string;
  /** Keep e-mail addresses in clear (off by default, GDPR). */
  keepEmails: boolean;
  /** Set when the demo data was loaded into the project: what is real, what is simulated. */
  demo?: DemoInfo;
  /** When computed traits were last refreshed (events received since then are redone next). */
  traitsRefreshedAt?: number;
  /** The CLV models last fitted on the project's orders. */
  clv?: StoredClvModel;
  /** Trait names whose values are external ids stitched into profiles (e.g. store_card). */
  externalIdTraits?: string[];
  /** Journey settings: the journey-phase mapping and the shop's own hosts. */
  journeys?: JourneySettings;
}

export interface StoredClvModel {
  fittedAt: number;
  until: number;
  customers: number;
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number } | null;
}

export interface DemoInfo {
  loadedAt: string;
  /** Whole weeks the real order dates were moved forward so that the data ends recently. */
  shiftWeeks: number;
  orders: number;
  simulatedEvents: number;
}

export interface StateStore {
  createProject(input: { name: string }): Promise<{ project: Project; keys: ProjectKeys }>;
  listProjects(): Promise<Project[]>;
  getProject(id: string): Promise<Project | null>;
  projectKeys(projectId: string): Promise<ProjectKeys | null>;
  /** Which project and role a presented key belongs to; null when unknown or revoked. */
  resolveKey(key: string): Promise<{ projectId: string; kind: KeyKind } | null>;
  projectSettings(projectId: string): Promise<ProjectSettings>;
  updateProjectSettings(
    projectId: string,
    settings: Partial<Omit<ProjectSettings, 'emailHashKey'>>,
  ): Promise<ProjectSettings>;
  /** Inserts new products, updates changed ones, counts unchanged ones; one transaction. */
  upsertProducts(projectId: string, products: readonly CatalogueProduct[]): Promise<UpsertReport>;
  countProducts(projectId: string): Promise<number>;
  listProducts(query: { projectId: string; limit: number; offset?: number }): Promise<CatalogueProduct[]>;
  upsertCustomers(projectId: string, customers: readonly CustomerRow[]): Promise<UpsertReport>;
  countCustomers(projectId: string): Promise<number>;
}

/** One backend: both stores over one set of connections. */
export interface Store {
  readonly backend: string;
  readonly events: EventStore;
  readonly state: StateStore;
  readonly profiles: ProfileStore;
  readonly segments: SegmentStore;
  readonly analytics: AnalyticsStore;
  readonly journeys: JourneyStore;
  readonly mining: MiningStore;
  readonly reports: ReportStore;
  readonly recommendations: RecommendationStore;
  readonly stream: StreamStore;
  readonly search: SearchStore;
  readonly triggers: TriggerStore;
  close(): Promise<void>;
}
