// ProfileStore on DuckDB. (Being written: see profile-store.ts for the contract.)
import type { ProfileMerge, ProfileStore, ProfileTraits } from '../profile-store';
import type { DuckDbDatabase } from './duckdb-database';

export class DuckDbProfileStore implements ProfileStore {
  constructor(readonly db: DuckDbDatabase) {}
  link(): Promise<string> {
    throw new Error('not implemented yet');
  }
  unmerge(): Promise<ProfileMerge> {
    throw new Error('not implemented yet');
  }
  merges(): Promise<ProfileMerge[]> {
    throw new Error('not implemented yet');
  }
  resolve(): Promise<string> {
    throw new Error('not implemented yet');
  }
  identities(): Promise<string[]> {
    throw new Error('not implemented yet');
  }
  traits(): Promise<ProfileTraits | null> {
    throw new Error('not implemented yet');
  }
  upsertTraits(): Promise<void> {
    throw new Error('not implemented yet');
  }
}
