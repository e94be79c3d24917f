// The embedded store: EventStore and StateStore over one DuckDB file.
import type { Store } from '../store';
import { DuckDbDatabase, type DuckDbDatabaseOptions } from './duckdb-database';
import { DuckDbEventStore } from './duckdb-event-store';
import { DuckDbStateStore } from './duckdb-state-store';

export class DuckDbStore implements Store {
  readonly backend = 'duckdb';
  readonly events: DuckDbEventStore;
  readonly state: DuckDbStateStore;

  private constructor(private readonly db: DuckDbDatabase) {
    this.events = new DuckDbEventStore(db);
    this.state = new DuckDbStateStore(db);
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
