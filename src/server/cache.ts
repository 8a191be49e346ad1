/**
 * Aggregates (counts, facets, chart data, rule summaries) over millions of facts take a second or more; pages and
 * exports do not (keyset). The aggregates are cached per argument list until the data changes: a new or finished run
 * (ingest, re-extraction) or a review from this server clears the cache, and entries expire after a few minutes so a
 * change made some other way shows up too.
 */
import type { ServerStore } from './context.js';

const TTL_MS = 5 * 60 * 1000;
const MAX_ENTRIES = 500;
const CACHED = ['countFacts', 'countFactsBy', 'ruleSummaries', 'documents', 'summarize'] as const;

export interface CachingStore {
  store: ServerStore;
  clear(): void;
  /** Changes whenever cached views may be out of date: a new or finished run, or `clear()` (a review). */
  stamp(): string;
}

export function cachingStore(inner: ServerStore): CachingStore {
  const entries = new Map<string, { at: number; value: unknown }>();
  let stamp = '';
  let generation = 0;
  const dataStamp = () => {
    const runs = inner.runs();
    const last = runs[runs.length - 1];
    return `${runs.length}:${last?.finished_at ?? ''}:${generation}`;
  };
  const memo = (name: string, fn: (...args: unknown[]) => unknown) => (...args: unknown[]) => {
    const now = Date.now();
    const s = dataStamp();
    if (s !== stamp) {
      entries.clear();
      stamp = s;
    }
    const key = name + JSON.stringify(args);
    const hit = entries.get(key);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    const value = fn.apply(inner, args);
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    entries.set(key, { at: now, value });
    return value;
  };
  const overrides: Record<string, unknown> = {};
  for (const name of CACHED) overrides[name] = memo(name, (inner[name] as (...a: unknown[]) => unknown).bind(inner));
  const store = new Proxy(inner, {
    get(target, name, receiver) {
      if (typeof name === 'string' && name in overrides) return overrides[name];
      const member = Reflect.get(target, name, receiver);
      return typeof member === 'function' ? member.bind(target) : member;
    },
  });
  return {
    store,
    clear: () => {
      generation++;
      entries.clear();
    },
    stamp: dataStamp,
  };
}
