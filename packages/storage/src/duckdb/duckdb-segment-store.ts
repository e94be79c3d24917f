// SegmentStore on DuckDB. (Being written: see segment-store.ts for the contract.)
import type { Segment, SegmentStore } from '../segment-store';
import type { DuckDbDatabase } from './duckdb-database';

export class DuckDbSegmentStore implements SegmentStore {
  constructor(readonly db: DuckDbDatabase) {}
  create(): Promise<Segment> {
    throw new Error('not implemented yet');
  }
  update(): Promise<Segment> {
    throw new Error('not implemented yet');
  }
  remove(): Promise<void> {
    throw new Error('not implemented yet');
  }
  get(): Promise<Segment | null> {
    throw new Error('not implemented yet');
  }
  list(): Promise<Segment[]> {
    throw new Error('not implemented yet');
  }
  members(): Promise<{ count: number; profileIds: string[] }> {
    throw new Error('not implemented yet');
  }
  refreshMemberships(): Promise<{ entered: number; left: number }> {
    throw new Error('not implemented yet');
  }
}
