/** What every page handler gets: the read-only store, the review writer (if reviews are enabled), the rule set. */
import type { RuleSet } from '../extract/rules.js';
import type { BrowseStore, ReadStore, RevisionStore } from '../store/types.js';
import type { HeavyViews } from './heavy.js';

/** The only write the server makes: a verdict on a fact, into the review table. */
export type ReviewWriter = Pick<RevisionStore, 'putReview'>;

/** What the pages read: the command line's reads and the browsing queries. */
export type ServerStore = ReadStore & BrowseStore;

export interface ServerContext {
  /** Opened read-only: no page handler can change facts or documents. */
  store: ServerStore;
  /** A separate connection used for nothing but reviews; null when the server runs without reviews. */
  reviews: ReviewWriter | null;
  ruleSet: RuleSet;
  /** A gold file (annotation guidelines' JSONL) to score rules against, when one was given. */
  goldFile: string | null;
  /** Whole-database views (overlaps, gold scores), computed off the serving thread and kept until the data changes. */
  heavy: HeavyViews;
}

export interface Request {
  method: string;
  path: string;
  params: URLSearchParams;
  /** Path and query as requested, for links back here. */
  url: string;
}

export type Response =
  | { kind: 'html'; status?: number; body: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'stream'; contentType: string; filename?: string; write: (out: (chunk: string) => Promise<void>) => Promise<void> };

/** A page handler answers at once or, when it waits for a heavy view, later. */
export type Answer = Response | Promise<Response>;

export class NotFound extends Error {}
