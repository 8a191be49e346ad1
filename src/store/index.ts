/**
 * Storage: the only module that speaks SQL. `openStore` picks the implementation from the location given: a file
 * path (or nothing: db/newsfacts.sqlite) is the embedded SQLite store.
 */
import { DEFAULT_DB } from '../paths.js';
import { SqliteStore } from './sqlite.js';
import type { Store } from './types.js';

export type { Store, DocumentRecord, RunInfo, RunCounts, FactRow, FactFilter, StoredDocument, ErrorRow } from './types.js';
export { SqliteStore } from './sqlite.js';

export interface OpenOptions {
  readonly?: boolean;
}

export function openStore(location: string | undefined, opts: OpenOptions = {}): Store {
  const where = location ?? DEFAULT_DB;
  if (/^postgres(ql)?:\/\//.test(where)) {
    throw new Error(`PostgreSQL storage is not available in this build (asked for ${where.replace(/\/\/[^@]*@/, '//…@')})`);
  }
  return new SqliteStore(where, opts);
}
