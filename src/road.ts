/**
 * What every road does with one item a reader hands over (sources/), so that `ingest` and the queue worker behave
 * alike: an input that could not be read is an error row; a page whose bytes the store already holds under this
 * pipeline version is unchanged (touched for the run, not processed again); any other page goes through the page
 * function (page.ts) and is stored with the errors-table rows its messages call for (store/rows.ts), or recorded as
 * failed with its reason. A road brings its store's answers and writes — synchronous from ingest's one SQLite writer,
 * Promises from the queue worker's PostgreSQL — and the place the page function runs (a worker thread, or here).
 *
 * Kept apart from page.ts so that ingest's coordinating thread does not load the pipeline's stages.
 */
import type { NoteRow } from './store/rows.js';
import { noteRows } from './store/rows.js';
import type { WritableDocument } from './store/types.js';
import type { SourceItem } from './sources/types.js';
import type { Fact, RawPage } from './types.js';
import { contentHash } from './versions.js';
import type { PageOutcome } from './worker/outcome.js';

type Maybe<T> = T | Promise<T>;

export type PageStatus = 'stored' | 'unchanged' | 'failed';

/** A read item: a page, or the reason an input could not be read (records passed over never reach a road). */
export type RoadItem = Exclude<SourceItem, { kind: 'skipped' }>;

export interface Road {
  pipelineVersion: string;
  /** The pipeline version the store holds a page with these bytes under, or null when it holds none. */
  storedVersion(hash: string): Maybe<string | null>;
  /** A page seen again unchanged: the store records that this run saw it (touchDocument). */
  touch(hash: string, page: RawPage): Maybe<void>;
  /** The page function (page.ts processForStore), wherever it runs. */
  process(page: RawPage, hash: string): Maybe<PageOutcome>;
  /** A row of the errors table: a failure (`note` null) or a note beside a page stored (its warning, no article). */
  recordError(source: string, record: string | null, reason: string, note: NoteRow | null): Maybe<void>;
  /** Stores a processed page and its facts. */
  store(doc: WritableDocument, facts: Fact[], source: string): Maybe<void>;
}

/**
 * Takes one item down a road and says what became of it. Up to the page function's call, it runs synchronously when
 * the road's store answers synchronously (ingest relies on that: the first copy of some bytes, in input order, is the
 * one processed).
 */
export async function takeItem(item: RoadItem, road: Road): Promise<PageStatus> {
  if (item.kind === 'error') {
    await road.recordError(item.source, item.record, item.reason, null);
    return 'failed';
  }
  const { page, record } = item;
  // The one unchanged check: the same bytes, already stored by the same pipeline (code, rules, dictionaries).
  // A synchronous answer is taken as it is: `await` would yield, and let ingest's reading loop run ahead of it.
  const hash = contentHash(page.bytes);
  const answer = road.storedVersion(hash);
  if ((answer instanceof Promise ? await answer : answer) === road.pipelineVersion) {
    await road.touch(hash, page);
    return 'unchanged';
  }
  const outcome = await road.process(page, hash);
  if (!outcome.ok) {
    await road.recordError(page.source, record, outcome.reason, null);
    return 'failed';
  }
  for (const note of noteRows(outcome.record.messages)) await road.recordError(page.source, record, note.reason, note);
  await road.store(outcome.record, outcome.facts, page.source);
  return 'stored';
}
