// What the CLI verbs need from Centric, whether a server holds the store (remote: HTTP with the
// server's local admin token) or not (local: open the store in this process). DuckDB lets one
// process open the file, so the CLI must go through a running server.
import type { kpis } from '@centric/analyses';
import type {
  AssociationReport,
  EventError,
  PatternReport,
  PersonaDiscoverBody,
  PersonaReport,
  PersonaSegment,
  SegmentInfo,
  SegmentMembers,
} from '@centric/contracts';
import type { ImportFormat, ImportKind, ImportSummary } from '@centric/importers';
import type { CentricService, Config, MiningService } from '@centric/server';
import type { ProjectKeys } from '@centric/storage';
import type { JourneyClient } from './journey-client';
import type { RecommendClient } from './recommend-client';
import type { ReportClient } from './report-client';
import type { SearchClient } from './search-client';

export type BatchOutcome =
  | { ok: true; accepted: number; duplicates: number }
  | { ok: false; errors: EventError[] };

export interface CentricClient {
  readonly mode: 'remote' | 'local';
  keys(): Promise<ProjectKeys>;
  overview(range: { from?: string | undefined; to?: string | undefined }): Promise<kpis.OverviewKpis>;
  ingestBatch(messages: readonly unknown[]): Promise<BatchOutcome>;
  importFile(input: ImportRequest): Promise<ImportSummary>;
  customer360(id: string): Promise<unknown>;
  exportCustomer(id: string): Promise<unknown>;
  eraseCustomer(id: string): Promise<{
    profileId: string;
    deleted: Record<string, number>;
    remaining: Record<string, number>;
    verified: boolean;
  }>;
  fitClv(until: string | undefined): Promise<ClvModelOutput>;
  refreshTraits(full: boolean): Promise<{ profiles: number; full: boolean }>;
  /** The retention matrix of cohorts, optionally compared with a segment's. */
  retention(input: RetentionInput): Promise<RetentionReport>;
  /** Customer KPIs per period with their definitions. */
  customerKpis(input: CustomerKpiInput): Promise<CustomerKpiReport>;
  listSegments(): Promise<SegmentInfo[]>;
  /** Saves a segment; a rule that does not parse fails with its line and column. */
  createSegment(input: { name: string; rule: string }): Promise<SegmentInfo>;
  segmentMembers(segmentId: string, limit: number): Promise<SegmentMembers>;
  /** Pattern Explorer, associations and personas (commands/mining.command.ts). */
  patterns(input: Parameters<MiningService['patterns']>[1]): Promise<PatternReport>;
  associations(input: Parameters<MiningService['associations']>[1]): Promise<AssociationReport>;
  discoverPersonas(input: PersonaDiscoverBody): Promise<PersonaReport>;
  latestPersonas(): Promise<PersonaReport>;
  personaSegment(personaId: string): Promise<PersonaSegment>;
  loadDemo(): Promise<{
    products: number;
    customers: number;
    orders: number;
    simulatedEvents: number;
    shiftWeeks: number;
    ms: number;
  }>;
  /** Scheduled reports (commands/report.command.ts); local mode delivers with `config`'s settings. */
  reports(config: Readonly<Config>): ReportClient;
  /** Journeys, paths and funnels (commands/journeys.command.ts). */
  journeys(): JourneyClient;
  /** Recommendations and the shopping stream (commands/recommend.command.ts). */
  recommendations(): RecommendClient;
  /** Catalogue search and the no-results report (commands/search.command.ts). */
  search(): SearchClient;
  close(): Promise<void>;
}

export type RetentionInput = Parameters<CentricService['retention']>[1];
export type RetentionReport = Awaited<ReturnType<CentricService['retention']>>;
export type CustomerKpiInput = Parameters<CentricService['customerKpis']>[1];
export type CustomerKpiReport = Awaited<ReturnType<CentricService['customerKpis']>>;

export interface ImportRequest {
  kind: ImportKind;
  file: string;
  format?: ImportFormat | undefined;
  strict?: boolean | undefined;
  /** Bytes of the file read (locally) or uploaded (through a server) so far. */
  onProgress?: (bytesDone: number, rows: number) => void;
  onChunk?: (c: { chunks: number; imported: number }) => void;
}

export interface ClvModelOutput {
  bgnbd: { r: number; alpha: number; a: number; b: number; logLikelihood: number };
  gammaGamma: { p: number; q: number; gamma: number } | null;
  customers: number;
  until: string;
}
