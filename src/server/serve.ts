/**
 * `newsfacts serve` as a library: open the database for the web interface and start the server.
 *
 * Two connections: the store every page reads through is opened read-only; reviews go through a second, writable
 * connection that the server uses for `putReview` only. Opening that one first also applies pending migrations
 * (the browse indexes and the search index of db/migrations/003_browse.sql) to a database built by an older version.
 */
import { loadRuleSet, type RuleSet } from '../extract/rules.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { startServer, type RunningServer, type ServerOptions } from './app.js';
import type { ServerContext } from './context.js';
import { cachingStore } from './cache.js';
import { HeavyViews } from './heavy.js';
import { isPostgresUrl } from '../store/open.js';
import { DEFAULT_DB } from '../paths.js';

export { startServer, createHandler, type RunningServer, type ServerOptions } from './app.js';
export type { ServerContext, ReviewWriter } from './context.js';

export interface ServeOptions extends ServerOptions {
  db?: string;
  /** Leave the review table alone: no writable connection at all. */
  reviews?: boolean;
  gold?: string | null;
  ruleSet?: RuleSet;
}

export interface Served extends RunningServer {
  context: ServerContext;
}

/**
 * Ingest leaves the full-text index for later (db/migrations/004): index the documents stored since, before the
 * first search. A database that cannot be written to is searched as it is.
 */
function bringSearchIndexUpToDate(writer: Store | null, db: string | undefined): void {
  let store: Store | null = writer;
  try {
    store ??= openStore(db);
    store.updateSearchIndex();
  } catch {
    /* read-only file or a server database: nothing to bring up to date */
  } finally {
    if (store && store !== writer) store.close();
  }
}

export function openServerContext(opts: ServeOptions = {}): { context: ServerContext; close(): Promise<void> } {
  const writer: Store | null = opts.reviews === false ? null : openStore(opts.db);
  bringSearchIndexUpToDate(writer, opts.db);
  let reader: Store;
  try {
    reader = openStore(opts.db, { readonly: true });
  } catch (err) {
    writer?.close();
    throw err;
  }
  const cached = cachingStore(reader);
  const ruleSet = opts.ruleSet ?? loadRuleSet();
  const db = opts.db ?? DEFAULT_DB;
  const heavy = new HeavyViews({ db: isPostgresUrl(db) ? null : db, store: cached.store, ruleSet, stamp: cached.stamp });
  const context: ServerContext = {
    store: cached.store,
    // A verdict changes reviewed precision and review filters: the cached aggregates go.
    reviews: writer
      ? {
          putReview: (r) => {
            writer.putReview(r);
            cached.clear();
          },
        }
      : null,
    ruleSet,
    goldFile: opts.gold ?? null,
    heavy,
  };
  return {
    context,
    async close() {
      await heavy.close();
      reader.close();
      writer?.close();
    },
  };
}

export async function serve(opts: ServeOptions = {}): Promise<Served> {
  const { context, close } = openServerContext(opts);
  try {
    const running = await startServer(context, opts);
    return {
      ...running,
      context,
      close: async () => {
        await running.close();
        await close();
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}
