/**
 * Storage: the only module that speaks SQL. `openStore` picks the implementation from the location given: a file
 * path (or nothing: db/newsfacts.sqlite) is the embedded SQLite store; a `postgres://` URL is the PostgreSQL store.
 *
 * Two doors: `openStore` returns the synchronous `Store` every existing command uses (for PostgreSQL through a worker
 * thread, pg-sync.ts); `openAsyncStore` returns the Promise form (`AsyncStore`) that the queue worker, `status` and
 * `export` use, native for PostgreSQL and a thin wrapper for SQLite.
 */
import { DEFAULT_DB } from '../paths.js';
import { SqliteStore } from './sqlite.js';
import { asyncStore, isPostgresUrl, type AsyncStore } from './async.js';
import { PostgresStore } from './postgres.js';
import { openPostgresSync } from './pg-sync.js';
import type { Store } from './types.js';

export type { Store, DocumentRecord, RunInfo, RunCounts, FactRow, FactFilter, StoredDocument, ErrorRow } from './types.js';
export type { AsyncStore } from './async.js';
export { SqliteStore } from './sqlite.js';
export { PostgresStore } from './postgres.js';
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
  if (isPostgresUrl(where)) return withPlainMissingMethods(await PostgresStore.open(where, opts));
  return asyncStore(new SqliteStore(where, opts));
}

/**
 * The PostgreSQL store implements the storage interface's methods as they stood when it was written; a method added
 * to `Store` since then answers with a plain error naming it instead of "is not a function".
 */
function withPlainMissingMethods(store: PostgresStore): AsyncStore {
  return new Proxy(store as unknown as AsyncStore, {
    get(target, name, receiver) {
      const member = Reflect.get(target, name, receiver);
      if (member !== undefined || typeof name !== 'string' || name === 'then') return member;
      return () => Promise.reject(new Error(`'${name}' is not available on the PostgreSQL store yet`));
    },
  });
}
