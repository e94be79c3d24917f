// One embedded DuckDB file: the instance, its connections and the versioned migrations.
// DuckDB lets one process open a file for writing; the server holds it, the CLI goes through
// the server while one runs.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { type DuckDBConnection, DuckDBInstance, type DuckDBValue } from '@duckdb/node-api';
import { applyMigrations } from './migrate';

export type Row = Record<string, unknown>;

export interface DuckDbDatabaseOptions {
  /** Path of the database file; ':memory:' for a throwaway store. */
  file: string;
  /**
   * WAL size that triggers DuckDB's automatic checkpoint. Large by default so that no
   * checkpoint runs inside an ingest commit; the server checkpoints on a timer instead.
   */
  checkpointThreshold?: string;
  /** Worker threads DuckDB may use for queries. */
  threads?: number;
}

export class DuckDbDatabase {
  private readonly idleWriters: DuckDBConnection[];
  private readonly waitingForWriter: ((c: DuckDBConnection) => void)[] = [];

  private constructor(
    private readonly instance: DuckDBInstance,
    /**
     * Connections for appends. Two, so that one group commit can append its rows while the
     * previous one waits for its COMMIT to reach the disk; appends never conflict in DuckDB.
     */
    private readonly writers: DuckDBConnection[],
  ) {
    this.idleWriters = [...writers];
  }

  /** Lends a writer connection for one transaction. */
  async withWriter<T>(use: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection =
      this.idleWriters.pop() ?? (await new Promise<DuckDBConnection>((r) => this.waitingForWriter.push(r)));
    try {
      return await use(connection);
    } finally {
      const next = this.waitingForWriter.shift();
      if (next) next(connection);
      else this.idleWriters.push(connection);
    }
  }

  static async open({
    file,
    checkpointThreshold = '2GB',
    threads,
  }: DuckDbDatabaseOptions): Promise<DuckDbDatabase> {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const options: Record<string, string> = { checkpoint_threshold: checkpointThreshold };
    if (threads) options.threads = String(threads);
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(file, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/lock/i.test(message)) {
        throw new Error(`the store ${file} is in use by another process (is a Centric server running?)`);
      }
      throw error;
    }
    const writers = [await instance.connect(), await instance.connect()];
    await applyMigrations(writers[0]!);
    return new DuckDbDatabase(instance, writers);
  }

  /** Runs a read query on its own connection and returns plain JS rows (BIGINT as number). */
  async query(sql: string, params: Record<string, string | number> = {}): Promise<Row[]> {
    const connection = await this.instance.connect();
    try {
      const reader = await connection.runAndReadAll(sql, params as Record<string, DuckDBValue>);
      return reader.getRowObjectsJS().map(toPlainRow);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs a statement on its own connection. */
  async execute(sql: string, params: Record<string, string | number | null> = {}): Promise<void> {
    const connection = await this.instance.connect();
    try {
      await connection.run(sql, params as Record<string, DuckDBValue>);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs statements in one transaction on their own connection: all of them or none. */
  async transaction(
    statements: readonly { sql: string; params?: Record<string, string | number | null> }[],
  ): Promise<void> {
    const connection = await this.instance.connect();
    try {
      await connection.run('BEGIN TRANSACTION');
      try {
        for (const s of statements)
          await connection.run(s.sql, (s.params ?? {}) as Record<string, DuckDBValue>);
        await connection.run('COMMIT');
      } catch (error) {
        await connection.run('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      connection.closeSync();
    }
  }

  async checkpoint(): Promise<void> {
    await this.execute('CHECKPOINT');
  }

  close(): void {
    for (const w of this.writers) w.closeSync();
    this.instance.closeSync();
  }
}

function toPlainRow(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row))
    out[key] = typeof value === 'bigint' ? Number(value) : value;
  return out;
}
