/**
 * Storage: the only module that speaks SQL. `openStore` picks the implementation from the location given: a file
 * path (or nothing: db/newsfacts.sqlite) is the embedded SQLite store; a `postgres://` URL is the PostgreSQL store.
 *
 * Two doors: `openStore` returns the synchronous `Store` every existing command uses (for PostgreSQL through a worker
 * thread, postgres/sync.ts); `openAsyncStore` returns the Promise form (`AsyncStore`) that the queue worker, `status` and
 * `export` use, native for PostgreSQL and a thin wrapper for SQLite.
 */
import { DEFAULT_DB } from '../paths.js';
import { SqliteStore } from './sqlite/store.js';
import { asyncStore, isPostgresUrl, type AsyncStore } from './async.js';
import { PostgresStore } from './postgres/store.js';
import { openPostgresSync } from './postgres/sync.js';
import type { Store } from './types.js';

export type { Store, IngestStore, ReadStore, RevisionStore, BrowseStore, DocumentRecord, RunInfo, RunCounts, FactRow, FactFilter, StoredDocument, ErrorRow } from './types.js';
export type { AsyncStore } from './async.js';
export { SqliteStore } from './sqlite/store.js';
export { PostgresStore } from './postgres/store.js';
export { asyncStore, isPostgresUrl } from './async.js';

export interface OpenOptions {
  readonly?: boolean;
}

export function openStore(location: string | undefined, opts: OpenOptions = {}): Store {
  const where = location ?? DEFAULT_DB;
  if (isPostgresUrl(where)) return openPostgresSync(where, opts);
  return new SqliteStore(where, opts);
}

/** The store in Promise form: PostgreSQL natively, SQLite wrapped. */
export async function openAsyncStore(location: string | undefined, opts: OpenOptions & { poolSize?: number } = {}): Promise<AsyncStore> {
  const where = location ?? DEFAULT_DB;
  if (isPostgresUrl(where)) return PostgresStore.open(where, opts);
  return asyncStore(new SqliteStore(where, opts));
}
