import type { Fact, Flag, DocMeta } from '../types.js';
import type { TrackedText } from '../offsets.js';

/** Everything the pipeline hands to storage for one page. */
export interface DocumentRecord {
  contentHash: string;
  source: string;
  url?: string | null;
  fetchedAt?: string | null;
  format: 'html' | 'text';
  encoding: string;
  decodeIssues: string[];
  lang: string;
  meta: DocMeta;
  emptyReason?: string | null;
  original: string;
  clean: TrackedText;
  normalized: TrackedText;
  flags: Flag[];
  pipelineVersion: string;
}

export interface RunInfo {
  command: string;
  inputs: string[];
  codeVersion: string;
  rulesetVersion: string;
  dictVersions: Record<string, string>;
  pipelineVersion: string;
}

export interface RunCounts {
  pagesRead: number;
  pagesStored: number;
  pagesUnchanged: number;
  pagesFailed: number;
  factsStored: number;
}

/** A fact as read back from the store, with snake_case fields as the CLI prints them. */
export interface FactRow {
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
  emptyReason: string | null;
  original: string;
  clean: TrackedText;
  normalized: TrackedText;
  pipelineVersion: string;
  /** Spans of normalized text that yield no facts (mojibake), as stored: re-extraction needs them. */
  flags: Flag[];
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

/**
 * The storage interface: the only door to the database. The stages never see SQL; a server database can be added
 * by implementing this interface.
 */
export interface Store {
  startRun(info: RunInfo): number;
  finishRun(runId: number, counts: RunCounts, status: 'done' | 'failed'): void;
  /** The stored pipeline version of a page with this content hash, or null when the page is new. */
  documentVersion(contentHash: string): string | null;
  /** Marks an unchanged document as seen by this run. */
  touchDocument(runId: number, contentHash: string): void;
  /** Stores (or replaces) a document and all its facts in one transaction; returns the number of facts stored. */
  putDocument(runId: number, doc: DocumentRecord, facts: Fact[]): { documentId: number; facts: number };
  recordError(runId: number | null, source: string, reason: string, record?: string | null): void;
  facts(filter?: FactFilter): FactRow[];
  fact(id: number): FactRow | null;
  /** A document by id, content hash or source path. */
  document(key: string | number): StoredDocument | null;
  documents(): Array<{ id: number; source: string; lang: string; title: string | null }>;
  errors(runId?: number): ErrorRow[];
  runs(): Array<Record<string, unknown>>;

  // --- Audit (issue 5). Implementations must also record history in putDocument (see factsAtRun). ---

  /**
   * Replaces all facts of a stored document in one transaction (re-extraction from stored text) and records the write
   * in the fact history; when `pipelineVersion` is given the document is marked as processed by it. Returns the
   * number of facts stored.
   */
  replaceFacts(runId: number, documentId: number, facts: Fact[], pipelineVersion?: string): number;
  /**
   * The facts as they stood right after run `runId`: for every document, the facts of its latest write (by
   * putDocument or replaceFacts) in that run or before. Every write of a document's facts — even of none — is
   * recorded, so that an unchanged document carries its facts over and a removed fact disappears.
   */
  factsAtRun(runId: number, filter?: FactFilter): FactSnapshotRow[];
  /** Records the rule versions a run used. */
  recordRunRules(runId: number, rules: RuleVersionRow[]): void;
  /** The rule versions a run recorded, or null when it recorded none. */
  runRules(runId: number): RuleVersionRow[] | null;
  /** Stores a verdict; a later verdict on the same fact identity replaces the earlier one. */
  putReview(review: ReviewInput): void;
  reviews(): ReviewRow[];

  /** Read-only SQL for `newsfacts sql`. */
  query(sql: string, params?: unknown[]): Record<string, unknown>[];
  close(): void;
}
