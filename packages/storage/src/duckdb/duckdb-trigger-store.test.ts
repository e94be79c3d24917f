// The trigger store on real DuckDB files: runs the TriggerStore conformance suite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe } from 'vitest';
import { runTriggerStoreSuite } from '../trigger-store.case';
import { DuckDbStore } from './duckdb-store';

const dir = mkdtempSync(join(tmpdir(), 'centric-triggers-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('DuckDB trigger store', () => {
  runTriggerStoreSuite({ newStore: () => DuckDbStore.open({ file: join(dir, `triggers-${n++}.duckdb`) }) });
});
