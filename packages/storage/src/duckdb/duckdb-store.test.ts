import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runProfileStoreSuite } from '../profile-store.case';
import { runStoreSuite } from '../store.case';
import { storedEvent } from '../test-support/event-factory';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-duckdb-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDB store', () => {
  runStoreSuite({ newStore: () => DuckDbStore.open({ file: join(dir, `store-${n++}.duckdb`) }) });
  runProfileStoreSuite({ newStore: () => DuckDbStore.open({ file: join(dir, `store-${n++}.duckdb`) }) });

  it('keeps committed rows in the file across a reopen, and migrates only once', async () => {
    const file = join(dir, 'reopen.duckdb');
    const first = await DuckDbStore.open({ file });
    await first.events.append({ events: [storedEvent({ projectId: 'p' })], orderItems: [] });
    await first.close();
    const second = await DuckDbStore.open({ file });
    expect(await second.events.countEvents('p')).toBe(1);
    await second.close();
  });
});
