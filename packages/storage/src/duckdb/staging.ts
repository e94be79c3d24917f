// Bulk writes that must check what is already stored (imports): rows are appended into a
// temporary copy of the target table, then moved with one set-based statement. Runs inside the
// caller's transaction on the caller's connection (temp tables are per connection).
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';

export async function stageRows(
  connection: DuckDBConnection,
  { name, like, append }: { name: string; like: string; append: (ap: DuckDBAppender) => void },
): Promise<void> {
  await connection.run(`CREATE OR REPLACE TEMP TABLE ${name} AS SELECT * FROM ${like} LIMIT 0`);
  const ap = await connection.createAppender(name, 'main', 'temp');
  try {
    append(ap);
    ap.flushSync();
  } finally {
    ap.closeSync();
  }
}

/** Runs `work` in one transaction on a writer connection; rolls back on any error. */
export async function inTransaction<T>(connection: DuckDBConnection, work: () => Promise<T>): Promise<T> {
  await connection.run('BEGIN TRANSACTION');
  try {
    const result = await work();
    await connection.run('COMMIT');
    return result;
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
