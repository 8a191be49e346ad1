/**
 * The storage interface in Promise form. `Store` (types.ts) is synchronous because better-sqlite3 is; a server
 * database's client is not. Rather than turning every caller async at once, code that must reach a server store (the
 * queue worker, `status`, `export`) uses `AsyncStore`, which both implementations satisfy: PostgreSQL natively
 * (postgres/store.ts), SQLite by wrapping its synchronous methods (`asyncStore`). The type is derived from `Store`, so a
 * method added there appears here without an edit.
 */
import type { Store } from './types.js';

/** A part of the contract (or all of it) in Promise form. */
export type Async<S> = {
  [K in keyof S]: S[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};

export type AsyncStore = Async<Store>;

/** A synchronous store seen through the Promise interface: every method call resolves to the sync result. */
export function asyncStore(store: Store): AsyncStore {
  return new Proxy(store as unknown as AsyncStore, {
    get(target, name, receiver) {
      const member = Reflect.get(target, name, receiver);
      if (typeof member !== 'function') return member;
      return (...args: unknown[]) => {
        try {
          return Promise.resolve(member.apply(target, args));
        } catch (err) {
          return Promise.reject(err);
        }
      };
    },
  });
}

/** True for a `postgres://` or `postgresql://` location. */
export function isPostgresUrl(location: string | undefined): location is string {
  return !!location && /^postgres(ql)?:\/\//.test(location);
}

/** A connection string with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:…@');
}
