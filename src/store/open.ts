/**
 * Storage: the only module that speaks SQL. `openStore` picks the implementation from the location given: a file
 * path (or nothing: db/newsfacts.sqlite) is the embedded SQLite store; a `postgres://` URL is the PostgreSQL store.
 *
 * Two doors: `openStore` returns the synchronous `Store` every existing command uses (for PostgreSQL through a worker
 * thread, postgres/sync.ts); `openAsyncStore` returns the Promise form (`AsyncStore`) that the queue worker, `status` and
 * `export` use, native for PostgreSQL and a thin wrapper for SQLite.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
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
  checkDatabaseFile(where);
  return new SqliteStore(where, opts);
}

/** SQLite's first 16 bytes. */
const SQLITE_HEADER = 'SQLite format 3\0';

/**
 * Refuses a database location that cannot be one, naming the file and the reason (SQLite itself says only "disk I/O
 * error" for a directory and "file is not a database" without the file). A missing or empty file is fine: it becomes
 * a new database.
 */
export function checkDatabaseFile(file: string): void {
  if (file === ':memory:') return;
  let st;
  try {
    st = statSync(file);
  } catch {
    return;
  }
  if (st.isDirectory()) throw new Error(`${file} is a directory, not a database file (give --db a file name, such as ${file.replace(/\/+$/, '')}/newsfacts.sqlite)`);
  if (!st.isFile() || st.size === 0) return;
  const head = Buffer.alloc(16);
  let fd: number | null = null;
  try {
    fd = openSync(file, 'r');
    readSync(fd, head, 0, 16, 0);
  } catch (err) {
    throw new Error(`${file}: cannot read the database file (${(err as Error).message})`);
  } finally {
    if (fd !== null) closeSync(fd);
  }
  if (head.toString('latin1') !== SQLITE_HEADER) {
    throw new Error(`${file} is not a newsfacts database: it is not an SQLite file (it does not start with SQLite's header)`);
  }
}

/** The store in Promise form: PostgreSQL natively, SQLite wrapped. */
export async function openAsyncStore(location: string | undefined, opts: OpenOptions & { poolSize?: number } = {}): Promise<AsyncStore> {
  const where = location ?? DEFAULT_DB;
  if (isPostgresUrl(where)) return PostgresStore.open(where, opts);
  checkDatabaseFile(where);
  return asyncStore(new SqliteStore(where, opts));
}
