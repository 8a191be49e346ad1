import type { Fact, DocMeta, PageMessage } from '../types.js';
import type { TrackedText } from '../offsets.js';
import type { ResolvedFactFields } from './resolved-columns.js';
import type { StoryCounts } from '../stories/assign.js';
import type { ModalityFilter, Summary, SummaryDimension } from '../summary/summarize.js';

/** Everything the pipeline hands to storage for one page. */
export interface DocumentRecord {
  contentHash: string;
  source: string;
  url?: string | null;
  fetchedAt?: string | null;
  format: 'html' | 'text';
  encoding: string;
  lang: string;
  meta: DocMeta;
  original: string;
  clean: TrackedText;
  normalized: TrackedText;
  /**
   * The page's one list of messages (types.ts): the store derives the decode_issues, empty_reason and flags columns
   * and the page's warning rows from it (rows.ts).
   */
  messages: PageMessage[];
  pipelineVersion: string;
  /** MinHash signature of the normalized text (stories/minhash.ts, base64), null for a text too short to have one. */
  minhash?: string | null;
}

/**
 * A document's large columns in their stored form — UTF-8 bytes and encoded offset maps — as a worker thread hands
 * them over: bytes cross threads without being copied and never become strings on the one writing thread.
 */
export interface StoredTexts {
  original: Buffer;
  cleanText: Buffer;
  normalizedText: Buffer;
  cleanMap: Buffer;
  normMap: Buffer;
}

/** What a store writes: a whole record, or its small fields with the large ones already encoded. */
export type WritableDocument = DocumentRecord | (Omit<DocumentRecord, 'original' | 'clean' | 'normalized'> & { stored: StoredTexts });

export interface RunInfo {
  command: string;
  inputs: string[];
  codeVersion: string;
  rulesetVersion: string;
  dictVersions: Record<string, string>;
  pipelineVersion: string;
}

/** What `Store.writeBatch` writes in one transaction. */
export interface WriteBatch {
  documents: Array<{ doc: WritableDocument; facts: Fact[] }>;
  /** Content hashes of pages seen again unchanged (touchDocument). */
  unchanged: string[];
}

export interface RunCounts {
  pagesRead: number;
  pagesStored: number;
  pagesUnchanged: number;
  pagesFailed: number;
  factsStored: number;
}

/** A fact as read back from the store, with snake_case fields as the CLI prints them. */
export interface FactRow extends Partial<ResolvedFactFields> {
  id: number;
  doc: string;
  document_id: number;
  type: string;
  value: number;
  value_max: number | null;
  unit: string;
  qualifier: string;
  start: number;
  end: number;
  evidence: string;
  evidence_start: number;
  evidence_end: number;
  sentence: string;
  period: string | null;
  place: string | null;
  rule: string;
  rule_version: string;
  lang: string;
  trigger: string;
  norm_start: number;
  norm_end: number;
  run_id: number | null;
  /** The document's publication date (ISO), against which the period was resolved. */
  published?: string | null;
  /** The document's story (the id of its earliest document) and, for a reprint, the same figure's fact there. */
  story?: number | null;
  duplicate_of?: number | null;
}

export interface FactFilter {
  type?: string;
  lang?: string;
  doc?: string;
  rule?: string;
  limit?: number;
}

export interface StoredDocument {
  id: number;
  contentHash: string;
  source: string;
  url: string | null;
  format: string;
  encoding: string;
  lang: string;
  title: string | null;
  published: string | null;
  sourceName: string | null;
  author: string | null;
  original: string;
  clean: TrackedText;
  normalized: TrackedText;
  pipelineVersion: string;
  /**
   * The page's messages as far as the columns hold them (columns.ts): replaced bytes, why there is no text, the
   * mojibake spans re-extraction skips. A charset claim the bytes contradicted is in the errors table only.
   */
  messages: PageMessage[];
}

export interface ErrorRow {
  id: number;
  run_id: number | null;
  source: string;
  record: string | null;
  reason: string;
  at: string;
}

/** A fact as it stood after some run (from the fact history): like FactRow, without a live row id. */
export type FactSnapshotRow = Omit<FactRow, 'id'>;

/** A rule and the version a run used. */
export interface RuleVersionRow {
  id: string;
  version: string;
}

export type Verdict = 'correct' | 'wrong';

/**
 * A verdict on a fact, keyed by the fact's identity — document, type, value, unit and original span — never by row id
 * or rule version, so that it survives re-extraction while the fact is unchanged.
 */
export interface ReviewInput {
  documentId: number;
  type: string;
  value: number;
  unit: string;
  start: number;
  end: number;
  verdict: Verdict;
  note?: string | null;
  reviewer?: string | null;
}

export interface ReviewRow {
  id: number;
  document_id: number;
  doc: string;
  type: string;
  value: number;
  unit: string;
  start: number;
  end: number;
  verdict: Verdict;
  note: string | null;
  reviewer: string | null;
  at: string;
}

// --- Browsing (issue 7, the web interface): read-only queries in storage-neutral shapes. ---

/** Filters over facts; every field narrows (AND), list fields match any of their values (OR). */
export interface FactQuery {
  types?: string[];
  /** 'zh' matches 'zh-Hans' and 'zh-Hant'. */
  langs?: string[];
  rules?: string[];
  qualifiers?: string[];
  units?: string[];
  /** Exact place / period as stored; '' matches facts without one. */
  place?: string;
  period?: string;
  valueMin?: number;
  valueMax?: number;
  /** Substring of the evidence or the sentence. */
  text?: string;
  documentId?: number;
  /** Facts with this verdict, or without any ('none'). */
  review?: Verdict | 'none';
  /** These facts only (a summary cell links to the facts it sums). */
  ids?: number[];
  /** Resolved province code ('' matches facts without one). */
  provinceCode?: string;
  /** Resolved modality: achieved, planned, or '' for none. */
  modality?: string;
}

/** Orders of the facts table; each is an index walk, so a page costs the same at row 10 as at row 1,000,000. */
export const FACT_SORT_KEYS = ['id', 'value', 'type', 'rule', 'doc', 'place', 'period'] as const;
export type FactSortKey = (typeof FACT_SORT_KEYS)[number];

/** Where a page ends: the sort key values of its last row, then the row id (keyset pagination). */
export type FactCursor = Array<string | number>;

export interface FactPageRequest {
  query: FactQuery;
  sort: FactSortKey;
  desc: boolean;
  limit: number;
  after?: FactCursor | null;
}

/** A fact with the verdict a person gave it, if any. */
export type BrowsedFact = FactRow & { review: Verdict | null };

export interface FactPage {
  rows: BrowsedFact[];
  /** Cursor of the next page, null on the last page. */
  next: FactCursor | null;
}

/** What facts can be counted by. `year`: from the period, else the publication date; `magnitude`: floor(log10 value). */
export const FACT_DIMENSIONS = ['type', 'lang', 'rule', 'qualifier', 'unit', 'place', 'period', 'year', 'magnitude'] as const;
export type FactDimension = (typeof FACT_DIMENSIONS)[number];

export interface GroupCount {
  /** One value per requested dimension, in order. */
  keys: Array<string | number | null>;
  n: number;
}

/** One rule as its stored facts show it. */
export interface RuleSummary {
  rule: string;
  facts: number;
  documents: number;
  /** Distinct rule versions among its stored facts (more than one: some facts predate a rule change). */
  versions: number;
  correct: number;
  wrong: number;
}

export interface SearchHit {
  documentId: number;
  source: string;
  title: string | null;
  lang: string;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Matching documents, counted up to a cap; `totalCapped` says the real number may be higher. */
  total: number;
  totalCapped: boolean;
}

/**
 * The storage contract, in the parts its users need. Every part is implemented by both backends, SQLite
 * (sqlite/store.ts, synchronous) and PostgreSQL (postgres/store.ts, in Promise form: `AsyncStore`); nothing is optional,
 * so the compiler checks that each backend has all of it. The stages never see SQL.
 */

/** What ingest and the queue workers write: runs, documents with their facts, unchanged pages, unreadable inputs. */
export interface IngestStore {
  startRun(info: RunInfo): number;
  finishRun(runId: number, counts: RunCounts, status: 'done' | 'failed'): void;
  /** Records the rule versions a run used. */
  recordRunRules(runId: number, rules: RuleVersionRow[]): void;
  /** The stored pipeline version of a page with this content hash, or null when the page is new. */
  documentVersion(contentHash: string): string | null;
  /** Marks an unchanged document as seen by this run. */
  touchDocument(runId: number, contentHash: string): void;
  /**
   * Stores (or replaces) a document and all its facts in one transaction, and records the write in the fact history
   * (see factsAtRun); returns the number of facts stored.
   */
  putDocument(runId: number, doc: WritableDocument, facts: Fact[]): { documentId: number; facts: number };
  /**
   * Every document with its facts, and every unchanged page's touch, in ONE transaction, so that a killed run loses
   * at most the batch in hand and never half a document. Returns one result per document, in order.
   */
  writeBatch(runId: number, batch: WriteBatch): Array<{ documentId: number; facts: number }>;
  recordError(runId: number | null, source: string, reason: string, record?: string | null): void;
  /**
   * Groups the stored documents into stories (copies of one another, by their MinHash signatures) and marks every
   * reprinted fact with the same figure of its story's earliest document (`duplicate_of`). Ingest calls it at the end
   * of a run, a queue worker when the queue's last unit is done, re-extraction after it; `newsfacts stories --update`
   * on demand. Groupings take turns (read and written under one lock), so a later one never writes an older picture.
   */
  assignStories(): StoryCounts;
  close(): void;
}

/** What the command line and the audit read: facts, documents, runs, their history, verdicts, read-only SQL. */
export interface ReadStore {
  facts(filter?: FactFilter): FactRow[];
  fact(id: number): FactRow | null;
  /** A document by id, content hash or source path. */
  document(key: string | number): StoredDocument | null;
  documents(): Array<{ id: number; source: string; lang: string; title: string | null }>;
  errors(runId?: number): ErrorRow[];
  runs(): Array<Record<string, unknown>>;
  /**
   * The facts as they stood right after run `runId`: for every document, the facts of its latest write (by
   * putDocument or replaceFacts) in that run or before. Every write of a document's facts — even of none — is
   * recorded, so that an unchanged document carries its facts over and a removed fact disappears.
   */
  factsAtRun(runId: number, filter?: FactFilter): FactSnapshotRow[];
  /** The rule versions a run recorded, or null when it recorded none. */
  runRules(runId: number): RuleVersionRow[] | null;
  reviews(): ReviewRow[];
  /** Read-only SQL for `newsfacts sql`. */
  query(sql: string, params?: unknown[]): Record<string, unknown>[];
  close(): void;
}

/** What changes stored facts after ingest: re-extraction from stored text, and review verdicts. */
export interface RevisionStore {
  /**
   * Replaces all facts of a stored document in one transaction (re-extraction from stored text) and records the write
   * in the fact history; when `pipelineVersion` is given the document is marked as processed by it. Returns the
   * number of facts stored.
   */
  replaceFacts(runId: number, documentId: number, facts: Fact[], pipelineVersion?: string): number;
  /** Stores a verdict; a later verdict on the same fact identity replaces the earlier one. */
  putReview(review: ReviewInput): void;
  close(): void;
}

/** What the web interface browses by (read-only). */
export interface BrowseStore {
  /** One page of facts matching a query, in a sort order, after a cursor. */
  browseFacts(request: FactPageRequest): FactPage;
  /** How many facts match; stops counting at `cap` when given. */
  countFacts(query: FactQuery, cap?: number): number;
  /** Matching facts counted by one or more dimensions, largest groups first (at most `limit` groups). */
  countFactsBy(query: FactQuery, by: FactDimension[], limit?: number): GroupCount[];
  /** Per rule (or for one rule): facts, documents, versions, verdicts on its facts. */
  ruleSummaries(rule?: string): RuleSummary[];
  /**
   * The matching facts summed as `newsfacts summary` sums them (src/summary/summarize.ts: each story's figure once,
   * plans and running totals apart, what was left out and why), read and summed behind the store's door so that only
   * the sums travel; `ungrouped` says whether the stories are current.
   */
  summarize(query: FactQuery, by: SummaryDimension[], modality: ModalityFilter): Summary;
  /** A pseudo-random sample of a rule's facts: the same seed gives the same sample (a URL per sample). */
  sampleFacts(rule: string, n: number, seed: number): BrowsedFact[];
  /**
   * Documents whose normalized text contains every term (terms already normalized: simplified, half-width; Latin
   * letters match without regard to case), best matches first.
   */
  searchDocuments(terms: string[], limit: number, offset: number): SearchResult;
  /**
   * Brings the search over documents up to date with the stored documents (ingest leaves that for when a search
   * needs it; needs a writable store); returns how many documents it indexed.
   */
  updateSearchIndex(): number;
  close(): void;
}

/** The whole contract, as a backend implements it. */
export interface Store extends IngestStore, ReadStore, RevisionStore, BrowseStore {}
