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
}

export interface ErrorRow {
  id: number;
  run_id: number | null;
  source: string;
  record: string | null;
  reason: string;
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
  /** Read-only SQL for `newsfacts sql`. */
  query(sql: string, params?: unknown[]): Record<string, unknown>[];
  close(): void;
}
