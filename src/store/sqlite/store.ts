import { mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Fact } from '../../types.js';
import { documentValues } from '../rows.js';
import {
  DOCUMENT_COLUMNS,
  FACT_COLUMNS,
  FACT_HISTORY_COLUMNS,
  FACT_SNAPSHOT_COLUMNS,
  FACT_WRITE,
  storable,
  SQLITE,
  factFilterSql,
  factOrder,
  storedDocumentOf,
} from '../columns.js';
import { migrate } from './migrate.js';
import { SqliteBrowser } from './browse.js';
import type {
  BrowsedFact,
  WritableDocument,
  FactDimension,
  FactPage,
  FactPageRequest,
  FactQuery,
  GroupCount,
  RuleSummary,
  SearchResult,
  ErrorRow,
  FactFilter,
  FactRow,
  FactSnapshotRow,
  ReviewInput,
  ReviewRow,
  RuleVersionRow,
  RunCounts,
  RunInfo,
  Store,
  StoredDocument,
  WriteBatch,
} from '../types.js';
import type { ModalityFilter, Summary, SummaryDimension } from '../../summary/summarize.js';
import { MARK_DUPLICATES_SQL, SET_STORY_SQL, SIGNATURES_SQL, storyUpdates, type SignatureRow, type StoryCounts } from '../../stories/assign.js';

const INSERT_FACT_SQL = `INSERT OR IGNORE INTO facts (document_id, run_id, ${FACT_WRITE.map(([c]) => c).join(', ')})
  VALUES (?, ?, ${FACT_WRITE.map(() => '?').join(', ')})`;

/** Texts that arrive as UTF-8 bytes are stored as TEXT by CAST (a no-op on strings). */
const TEXT_COLUMNS = new Set(['original_text', 'clean_text', 'normalized_text']);
const documentValue = (c: string) => (TEXT_COLUMNS.has(c) ? 'CAST(? AS TEXT)' : '?');
const UPDATE_DOCUMENT_SQL = `UPDATE documents SET ${DOCUMENT_COLUMNS.map((c) => `${c} = ${documentValue(c)}`).join(', ')},
  last_run = ? WHERE id = ?`;
const INSERT_DOCUMENT_SQL = `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}, first_run, last_run, content_hash)
  VALUES (${DOCUMENT_COLUMNS.map(documentValue).join(', ')}, ?, ?, ?)`;

export interface SqliteOptions {
  readonly?: boolean;
}

/** The embedded default store: one SQLite file through better-sqlite3, WAL mode. */
export class SqliteStore implements Store {
  readonly db: Database.Database;
  /** The web interface's read queries (browse.ts). */
  private browser?: SqliteBrowser;

  constructor(readonly file: string, opts: SqliteOptions = {}) {
    if (opts.readonly) {
      if (file !== ':memory:' && !existsSync(file)) throw new Error(`no database at ${file}: run 'newsfacts ingest' first`);
      this.db = new Database(file, { readonly: true, fileMustExist: true });
    } else {
      if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
      this.db = new Database(file);
      // 16 KB pages for a new database (an existing one keeps its own): a document row holds the page's three texts
      // and two offset maps, ~200 KB, which at the default 4 KB spill into long chains of overflow pages; with 16 KB
      // the writer's commits cost about half (measured over 1,000 pages) and the fact tables lose nothing.
      this.db.pragma('page_size = 16384');
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      migrate(this.db);
    }
  }

  /** Statements are compiled once per connection: ingest runs the same few for every page. */
  private readonly statements = new Map<string, Database.Statement>();
  private prepare(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= 500) this.statements.clear(); // queries built from filters: keep the cache bounded
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  startRun(info: RunInfo): number {
    const r = this.prepare(
        `INSERT INTO runs (started_at, command, inputs, code_version, ruleset_version, dict_versions, pipeline_version)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        new Date().toISOString(),
        info.command,
        JSON.stringify(info.inputs),
        info.codeVersion,
        info.rulesetVersion,
        JSON.stringify(info.dictVersions),
        info.pipelineVersion,
      );
    return Number(r.lastInsertRowid);
  }

  finishRun(runId: number, c: RunCounts, status: 'done' | 'failed'): void {
    this.prepare(
        `UPDATE runs SET finished_at = ?, status = ?, pages_read = ?, pages_stored = ?, pages_unchanged = ?,
         pages_failed = ?, facts_stored = ? WHERE id = ?`,
      )
      .run(new Date().toISOString(), status, c.pagesRead, c.pagesStored, c.pagesUnchanged, c.pagesFailed, c.factsStored, runId);
  }

  documentVersion(contentHash: string): string | null {
    const row = this.prepare('SELECT pipeline_version FROM documents WHERE content_hash = ?').get(contentHash) as
      | { pipeline_version: string }
      | undefined;
    return row ? row.pipeline_version : null;
  }

  touchDocument(runId: number, contentHash: string): void {
    this.prepare('UPDATE documents SET last_run = ? WHERE content_hash = ?').run(runId, contentHash);
  }

  putDocument(runId: number, doc: WritableDocument, facts: Fact[]): { documentId: number; facts: number } {
    const tx = this.db.transaction(() => {
      const existing = this.prepare('SELECT id FROM documents WHERE content_hash = ?').get(doc.contentHash) as
        | { id: number }
        | undefined;
      // Texts that arrive as UTF-8 bytes are stored as TEXT by CAST (a no-op on strings).
      const values = documentValues(doc, 'as-given');
      let documentId: number;
      if (existing) {
        documentId = existing.id;
        this.prepare(UPDATE_DOCUMENT_SQL).run(...values, runId, documentId);
        this.prepare('DELETE FROM facts WHERE document_id = ?').run(documentId);
      } else {
        const r = this.prepare(INSERT_DOCUMENT_SQL).run(...values, runId, runId, doc.contentHash);
        documentId = Number(r.lastInsertRowid);
      }
      const n = this.insertFacts(runId, documentId, facts);
      this.recordHistory(runId, documentId);
      return { documentId, facts: n };
    });
    return tx();
  }

  writeBatch(runId: number, batch: WriteBatch): Array<{ documentId: number; facts: number }> {
    // putDocument's own transactions nest as savepoints inside this one: the batch commits or vanishes whole.
    return this.db.transaction(() => {
      for (const hash of batch.unchanged) this.touchDocument(runId, hash);
      return batch.documents.map(({ doc, facts }) => this.putDocument(runId, doc, facts));
    })();
  }

  recordError(runId: number | null, source: string, reason: string, record: string | null = null): void {
    this.prepare('INSERT INTO errors (run_id, source, record, reason, at) VALUES (?, ?, ?, ?, ?)')
      .run(runId, source, record, reason, new Date().toISOString());
  }

  facts(filter: FactFilter = {}): FactRow[] {
    const { where, params } = factFilterSql(filter, 'f');
    const sql = `SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY f.id
      ${filter.limit ? 'LIMIT ' + Number(filter.limit) : ''}`;
    return this.prepare(sql).all(...params) as FactRow[];
  }

  fact(id: number): FactRow | null {
    const row = this.prepare(`SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id = ?`)
      .get(id) as FactRow | undefined;
    return row ?? null;
  }

  document(key: string | number): StoredDocument | null {
    const row = this.prepare(
        `SELECT * FROM documents WHERE CAST(id AS TEXT) = ? OR content_hash = ? OR source = ? ORDER BY id LIMIT 1`,
      )
      .get(String(key), String(key), String(key)) as Record<string, any> | undefined;
    return row ? storedDocumentOf(row) : null;
  }

  documents(): Array<{ id: number; source: string; lang: string; title: string | null }> {
    return this.prepare('SELECT id, source, lang, title FROM documents ORDER BY source').all() as any;
  }

  errors(runId?: number): ErrorRow[] {
    if (runId === undefined) return this.prepare('SELECT * FROM errors ORDER BY id').all() as ErrorRow[];
    return this.prepare('SELECT * FROM errors WHERE run_id = ? ORDER BY id').all(runId) as ErrorRow[];
  }

  runs(): Array<Record<string, unknown>> {
    return this.prepare('SELECT * FROM runs ORDER BY id').all() as Array<Record<string, unknown>>;
  }

  /** Copies a document's current facts into the fact history as this run's write (inside the caller's transaction). */
  private recordHistory(runId: number, documentId: number): void {
    this.prepare('DELETE FROM fact_history WHERE run_id = ? AND document_id = ?').run(runId, documentId);
    this.prepare('INSERT OR IGNORE INTO fact_writes (run_id, document_id) VALUES (?, ?)').run(runId, documentId);
    this.prepare(
        `INSERT INTO fact_history (run_id, document_id, ${FACT_HISTORY_COLUMNS})
         SELECT ?, document_id, ${FACT_HISTORY_COLUMNS} FROM facts WHERE document_id = ?`,
      )
      .run(runId, documentId);
  }

  /** Inserts a document's facts (inside the caller's transaction); returns how many were stored. */
  private insertFacts(runId: number, documentId: number, facts: Fact[]): number {
    const insert = this.prepare(INSERT_FACT_SQL);
    let n = 0;
    for (const f of storable(facts)) n += insert.run(documentId, runId, ...FACT_WRITE.map(([, , get]) => get(f))).changes;
    return n;
  }

  assignStories(): StoryCounts {
    // Read and written in one immediate transaction: another process's grouping waits, and never writes an older
    // picture. Read from the documents_signature index (migration 008), never from the rows with their texts, and sorted
    // here (with ORDER BY id, SQLite would scan the table instead of the index); stories written to their own table.
    return this.db.transaction(() => {
      const rows = (this.prepare(SIGNATURES_SQL).all() as SignatureRow[]).sort((a, b) => Number(a.id) - Number(b.id));
      const { updates, counts } = storyUpdates(rows);
      const set = this.prepare(SET_STORY_SQL);
      for (const u of updates) set.run(u.id, u.story);
      for (const sql of MARK_DUPLICATES_SQL) this.db.exec(sql);
      return counts;
    }).immediate();
  }

  replaceFacts(runId: number, documentId: number, facts: Fact[], pipelineVersion?: string): number {
    const tx = this.db.transaction(() => {
      this.prepare('DELETE FROM facts WHERE document_id = ?').run(documentId);
      const n = this.insertFacts(runId, documentId, facts);
      if (pipelineVersion) {
        this.prepare('UPDATE documents SET pipeline_version = ?, last_run = ? WHERE id = ?').run(pipelineVersion, runId, documentId);
      } else {
        this.prepare('UPDATE documents SET last_run = ? WHERE id = ?').run(runId, documentId);
      }
      this.recordHistory(runId, documentId);
      return n;
    });
    return tx();
  }

  factsAtRun(runId: number, filter: FactFilter = {}): FactSnapshotRow[] {
    const filtered = factFilterSql(filter, 'h');
    const where = filtered.where;
    const params: unknown[] = [runId, ...filtered.params];
    const sql = `WITH latest AS (
        SELECT document_id, MAX(run_id) AS run_id FROM fact_writes WHERE run_id <= ? GROUP BY document_id)
      SELECT ${FACT_SNAPSHOT_COLUMNS}
      FROM fact_history h JOIN latest l ON l.document_id = h.document_id AND l.run_id = h.run_id
      JOIN documents d ON d.id = h.document_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${factOrder(SQLITE, 'h')}
      ${filter.limit ? 'LIMIT ' + Number(filter.limit) : ''}`;
    return this.prepare(sql).all(...params) as FactSnapshotRow[];
  }

  recordRunRules(runId: number, rules: RuleVersionRow[]): void {
    const insert = this.prepare('INSERT OR REPLACE INTO run_rules (run_id, rule_id, rule_version) VALUES (?, ?, ?)');
    this.db.transaction(() => {
      for (const r of rules) insert.run(runId, r.id, r.version);
    })();
  }

  runRules(runId: number): RuleVersionRow[] | null {
    const rows = this.prepare('SELECT rule_id AS id, rule_version AS version FROM run_rules WHERE run_id = ? ORDER BY rule_id')
      .all(runId) as RuleVersionRow[];
    return rows.length ? rows : null;
  }

  putReview(r: ReviewInput): void {
    this.prepare(
        `INSERT INTO reviews (document_id, type, value, unit, start, "end", verdict, note, reviewer, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (document_id, type, value, unit, start, "end") DO UPDATE SET verdict = excluded.verdict,
         note = excluded.note, reviewer = excluded.reviewer, at = excluded.at`,
      )
      .run(r.documentId, r.type, r.value, r.unit, r.start, r.end, r.verdict, r.note ?? null, r.reviewer ?? null, new Date().toISOString());
  }

  reviews(): ReviewRow[] {
    return this.prepare(
        `SELECT r.id, r.document_id, d.source AS doc, r.type, r.value, r.unit, r.start, r."end" AS "end", r.verdict, r.note,
         r.reviewer, r.at FROM reviews r JOIN documents d ON d.id = r.document_id ORDER BY r.id`,
      )
      .all() as ReviewRow[];
  }

  private get browse(): SqliteBrowser {
    return (this.browser ??= new SqliteBrowser(this.db));
  }

  browseFacts(request: FactPageRequest): FactPage {
    return this.browse.browseFacts(request);
  }

  countFacts(query: FactQuery, cap?: number): number {
    return this.browse.countFacts(query, cap);
  }

  countFactsBy(query: FactQuery, by: FactDimension[], limit?: number): GroupCount[] {
    return this.browse.countFactsBy(query, by, limit);
  }

  ruleSummaries(rule?: string): RuleSummary[] {
    return this.browse.ruleSummaries(rule);
  }

  sampleFacts(rule: string, n: number, seed: number): BrowsedFact[] {
    return this.browse.sampleFacts(rule, n, seed);
  }

  summarize(query: FactQuery, by: SummaryDimension[], modality: ModalityFilter): Summary {
    return this.browse.summarize(query, by, modality);
  }

  searchDocuments(terms: string[], limit: number, offset: number): SearchResult {
    return this.browse.searchDocuments(terms, limit, offset);
  }

  query(sql: string, params: unknown[] = []): Record<string, unknown>[] {
    const stmt = this.db.prepare(sql);
    if (!stmt.reader) throw new Error('only statements that return rows (SELECT, WITH …) are allowed here');
    return stmt.all(...params) as Record<string, unknown>[];
  }

  updateSearchIndex(): number {
    return this.db.transaction(() => {
      const r = this.prepare(
          `INSERT INTO documents_fts (rowid, normalized_text)
           SELECT d.id, d.normalized_text FROM search_pending p JOIN documents d ON d.id = p.id ORDER BY d.id`,
        )
        .run();
      this.prepare('DELETE FROM search_pending').run();
      return r.changes;
    })();
  }

  close(): void {
    this.db.close();
  }
}
