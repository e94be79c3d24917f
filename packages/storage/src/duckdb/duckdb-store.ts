// The embedded store: EventStore and StateStore over one DuckDB file.
import type { Store } from '../store';
import { DuckDbAnalyticsStore } from './duckdb-analytics-store';
import { DuckDbDatabase, type DuckDbDatabaseOptions } from './duckdb-database';
import { DuckDbEventStore } from './duckdb-event-store';
import { DuckDbJourneyStore } from './duckdb-journey-store';
import { DuckDbMiningStore } from './duckdb-mining-store';
import { DuckDbProfileStore } from './duckdb-profile-store';
import { DuckDbRecommendationStore } from './duckdb-recommendation-store';
import { DuckDbReportStore } from './duckdb-report-store';
import { DuckDbSearchStore } from './duckdb-search-store';
import { DuckDbSegmentStore } from './duckdb-segment-store';
import { DuckDbStateStore } from './duckdb-state-store';
import { DuckDbStreamStore } from './duckdb-stream-store';
import { DuckDbTriggerStore } from './duckdb-trigger-store';

export class DuckDbStore implements Store {
  readonly backend = 'duckdb';
  readonly events: DuckDbEventStore;
  readonly state: DuckDbStateStore;
  readonly profiles: DuckDbProfileStore;
  readonly segments: DuckDbSegmentStore;
  readonly analytics: DuckDbAnalyticsStore;
  readonly journeys: DuckDbJourneyStore;
  readonly mining: DuckDbMiningStore;
  readonly reports: DuckDbReportStore;
  readonly recommendations: DuckDbRecommendationStore;
  readonly stream: DuckDbStreamStore;
  readonly search: DuckDbSearchStore;
  readonly triggers: DuckDbTriggerStore;

  private constructor(private readonly db: DuckDbDatabase) {
    this.events = new DuckDbEventStore(db);
    this.state = new DuckDbStateStore(db);
    this.profiles = new DuckDbProfileStore(db);
    this.segments = new DuckDbSegmentStore(db);
    this.analytics = new DuckDbAnalyticsStore(db);
    this.journeys = new DuckDbJourneyStore(db);
    this.mining = new DuckDbMiningStore(db);
    this.reports = new DuckDbReportStore(db);
    this.recommendations = new DuckDbRecommendationStore(db);
    this.stream = new DuckDbStreamStore(db);
    this.search = new DuckDbSearchStore(db);
    this.triggers = new DuckDbTriggerStore(db);
  }

  /**
   * Opens (and migrates) a store file.
   *
   * @example const store = await DuckDbStore.open({ file: './data/centric.duckdb' });
   */
  static async open(options: DuckDbDatabaseOptions): Promise<DuckDbStore> {
    return new DuckDbStore(await DuckDbDatabase.open(options));
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
