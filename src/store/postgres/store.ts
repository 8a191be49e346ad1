/**
 * The PostgreSQL store: the same tables and meaning as the SQLite store (db/migrations-pg/ mirrors db/migrations/),
 * for many workers on many machines writing to one database. It implements the storage interface in its Promise form
 * (`AsyncStore`): the pg client is asynchronous.
 *
 * Concurrency: a document is written with `INSERT … ON CONFLICT (content_hash) DO UPDATE`, so two workers storing the
 * same page race on the unique constraint, not on a check-then-insert; the second waits for the first's row lock and
 * then replaces its facts. A document and its facts go in one transaction.
 */
import pg from 'pg';
import type { Fact } from '../../types.js';
import type { AsyncStore } from '../async.js';
import { redactUrl } from '../async.js';
import { documentValues } from '../rows.js';
import {
  DOCUMENT_COLUMNS,
  FACT_COLUMNS,
  FACT_HISTORY_COLUMNS,
  FACT_SNAPSHOT_COLUMNS,
  FACT_WRITE,
  storable,
  POSTGRES,
  factFilterSql,
  factOrder,
  storedDocumentOf,
} from '../columns.js';
import { PostgresBrowser } from './browse.js';
import { migratePostgres } from './migrate.js';
import { pgTypes, toDollarParams } from './sql.js';
import type {
  BrowsedFact,
  FactDimension,
  FactPage,
  FactPageRequest,
  FactQuery,
  GroupCount,
  RuleSummary,
  SearchResult,
  WritableDocument,
  ErrorRow,
  FactFilter,
  FactRow,
  FactSnapshotRow,
  ReviewInput,
  ReviewRow,
  RuleVersionRow,
  RunCounts,
  RunInfo,
  StoredDocument,
  WriteBatch,
} from '../types.js';
import type { ModalityFilter, Summary, SummaryDimension } from '../../summary/summarize.js';
import { MARK_DUPLICATES_SQL, SIGNATURES_SQL, storyUpdates, type SignatureRow, type StoryCounts } from '../../stories/assign.js';

const INSERT_FACTS_SQL = `INSERT INTO facts (document_id, run_id, ${FACT_WRITE.map(([c]) => c).join(', ')})
  SELECT $1, $2, * FROM unnest(${FACT_WRITE.map(([, t], i) => `$${i + 3}::${t}[]`).join(', ')})
  ON CONFLICT (document_id, type, start, "end") DO NOTHING`;

/** The advisory lock that makes story groupings take turns (an arbitrary constant: 'nfst'). */
const STORIES_LOCK = 0x6e667374;

/** The document columns with last_run, which an upsert sets too (first_run only on insert). */
const UPSERT_COLUMNS = [...DOCUMENT_COLUMNS, 'last_run'];
const UPSERT_DOCUMENT_SQL = `INSERT INTO documents (${UPSERT_COLUMNS.join(', ')}, first_run, content_hash)
  VALUES (${UPSERT_COLUMNS.map((_, i) => '$' + (i + 1)).join(', ')}, $${UPSERT_COLUMNS.length + 1}, $${UPSERT_COLUMNS.length + 2})
  ON CONFLICT (content_hash) DO UPDATE SET ${UPSERT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
  RETURNING id`;

export interface PostgresOptions {
  readonly?: boolean;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** Create the database named in the URL when it does not exist (default: true unless readonly). */
  createDatabase?: boolean;
}

export class PostgresStore implements AsyncStore {
  /** The web interface's queries (browse.ts). */
  private readonly browser: PostgresBrowser;

  private constructor(
    readonly pool: pg.Pool,
    readonly url: string,
    readonly readonly: boolean,
  ) {
    this.browser = new PostgresBrowser(pool);
  }

  /** Connects (creating the database if asked and missing) and brings the schema up to date unless read-only. */
  static async open(url: string, opts: PostgresOptions = {}): Promise<PostgresStore> {
    const readonly = !!opts.readonly;
    if (opts.createDatabase ?? !readonly) await createDatabaseIfMissing(url);
    const pool = new pg.Pool({
      connectionString: url,
      max: opts.poolSize ?? 4,
      types: pgTypes,
      // A read-only store cannot write even through `query`: the server refuses it, whatever the SQL says.
      options: readonly ? '-c default_transaction_read_only=on' : undefined,
    });
    pool.on('error', () => undefined); // an idle client lost: the next query reconnects or fails with the reason
    try {
      if (readonly) {
        const r = await pool.query("SELECT to_regclass('public.documents') AS t");
        if (!r.rows[0].t) throw new Error(`no newsfacts database at ${redactUrl(url)}: run a worker or 'newsfacts export' into it first`);
      } else {
        const client = await pool.connect();
        try {
          await migratePostgres(client);
        } finally {
          client.release();
        }
      }
    } catch (err) {
      await pool.end();
      throw err;
    }
    return new PostgresStore(pool, url, readonly);
  }

  async startRun(info: RunInfo): Promise<number> {
    const r = await this.pool.query(
      `INSERT INTO runs (started_at, command, inputs, code_version, ruleset_version, dict_versions, pipeline_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        new Date().toISOString(),
        info.command,
        JSON.stringify(info.inputs),
        info.codeVersion,
        info.rulesetVersion,
        JSON.stringify(info.dictVersions),
        info.pipelineVersion,
      ],
    );
    return r.rows[0].id;
  }

  async finishRun(runId: number, c: RunCounts, status: 'done' | 'failed'): Promise<void> {
    await this.pool.query(
      `UPDATE runs SET finished_at = $1, status = $2, pages_read = $3, pages_stored = $4, pages_unchanged = $5,
       pages_failed = $6, facts_stored = $7 WHERE id = $8`,
      [new Date().toISOString(), status, c.pagesRead, c.pagesStored, c.pagesUnchanged, c.pagesFailed, c.factsStored, runId],
    );
  }

  async documentVersion(contentHash: string): Promise<string | null> {
    const r = await this.pool.query('SELECT pipeline_version FROM documents WHERE content_hash = $1', [contentHash]);
    return r.rows.length ? r.rows[0].pipeline_version : null;
  }

  async touchDocument(runId: number, contentHash: string): Promise<void> {
    await this.pool.query('UPDATE documents SET last_run = $1 WHERE content_hash = $2', [runId, contentHash]);
  }

  async putDocument(runId: number, doc: WritableDocument, facts: Fact[]): Promise<{ documentId: number; facts: number }> {
    return this.transaction((client) => upsertDocument(client, runId, doc, facts));
  }

  /**
   * Many documents (and touches of unchanged ones) in one transaction: the batched write path of `ingest`. Documents
   * are written in content-hash order so that two batches sharing pages lock their rows in the same order and cannot
   * deadlock.
   */
  async writeBatch(runId: number, batch: WriteBatch): Promise<Array<{ documentId: number; facts: number }>> {
    return this.transaction(async (client) => {
      if (batch.unchanged.length) {
        await client.query('UPDATE documents SET last_run = $1 WHERE content_hash = ANY($2::text[])', [runId, batch.unchanged]);
      }
      const order = batch.documents.map((_, i) => i).sort((a, b) => cmp(batch.documents[a].doc.contentHash, batch.documents[b].doc.contentHash));
      const results: Array<{ documentId: number; facts: number }> = new Array(batch.documents.length);
      for (const i of order) results[i] = await upsertDocument(client, runId, batch.documents[i].doc, batch.documents[i].facts);
      return results;
    });
  }

  async recordError(runId: number | null, source: string, reason: string, record: string | null = null): Promise<void> {
    await this.pool.query('INSERT INTO errors (run_id, source, record, reason, at) VALUES ($1, $2, $3, $4, $5)', [
      runId,
      source,
      record,
      reason,
      new Date().toISOString(),
    ]);
  }

  async facts(filter: FactFilter = {}): Promise<FactRow[]> {
    const { where, params } = factFilterSql(filter, 'f');
    const sql = `SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY f.id
      ${filter.limit ? 'LIMIT ' + Number(filter.limit) : ''}`;
    return (await this.pool.query(toDollarParams(sql), params)).rows as FactRow[];
  }

  async fact(id: number): Promise<FactRow | null> {
    const r = await this.pool.query(
      `SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id WHERE f.id = $1`,
      [id],
    );
    return (r.rows[0] as FactRow) ?? null;
  }

  async document(key: string | number): Promise<StoredDocument | null> {
    const r = await this.pool.query(
      `SELECT * FROM documents WHERE CAST(id AS TEXT) = $1 OR content_hash = $1 OR source = $1 ORDER BY id LIMIT 1`,
      [String(key)],
    );
    return r.rows[0] ? storedDocumentOf(r.rows[0]) : null;
  }

  async documents(): Promise<Array<{ id: number; source: string; lang: string; title: string | null }>> {
    return (await this.pool.query('SELECT id, source, lang, title FROM documents ORDER BY source COLLATE "C"')).rows;
  }

  async errors(runId?: number): Promise<ErrorRow[]> {
    if (runId === undefined) return (await this.pool.query('SELECT * FROM errors ORDER BY id')).rows;
    return (await this.pool.query('SELECT * FROM errors WHERE run_id = $1 ORDER BY id', [runId])).rows;
  }

  async runs(): Promise<Array<Record<string, unknown>>> {
    return (await this.pool.query('SELECT * FROM runs ORDER BY id')).rows;
  }

  async assignStories(): Promise<StoryCounts> {
    // One grouping at a time across all workers (each queue worker groups when the queue drains): a lock held to the
    // end of the transaction, and the signatures read under it, so a later grouping never writes an older picture.
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [STORIES_LOCK]);
      const rows = (await client.query(SIGNATURES_SQL)).rows as SignatureRow[];
      const { updates, counts } = storyUpdates(rows);
      if (updates.length) {
        await client.query(
          `INSERT INTO document_stories (document_id, story) SELECT * FROM unnest($1::int8[], $2::int8[])
           ON CONFLICT (document_id) DO UPDATE SET story = excluded.story`, [
          updates.map((u) => u.id),
          updates.map((u) => u.story),
        ]);
      }
      for (const sql of MARK_DUPLICATES_SQL) await client.query(sql);
      return counts;
    });
  }

  async replaceFacts(runId: number, documentId: number, facts: Fact[], pipelineVersion?: string): Promise<number> {
    return this.transaction(async (client) => {
      // Lock the document row first, as putDocument's upsert does, so two writers of one document take turns.
      const locked = await client.query(
        'UPDATE documents SET last_run = $1, pipeline_version = COALESCE($2, pipeline_version) WHERE id = $3 RETURNING id',
        [runId, pipelineVersion ?? null, documentId],
      );
      if (!locked.rowCount) throw new Error(`no document ${documentId}`);
      return writeFacts(client, runId, documentId, facts);
    });
  }

  async factsAtRun(runId: number, filter: FactFilter = {}): Promise<FactSnapshotRow[]> {
    const { where, params } = factFilterSql(filter, 'h');
    const sql = `WITH latest AS (
        SELECT document_id, MAX(run_id) AS run_id FROM fact_writes WHERE run_id <= ? GROUP BY document_id)
      SELECT ${FACT_SNAPSHOT_COLUMNS}
      FROM fact_history h JOIN latest l ON l.document_id = h.document_id AND l.run_id = h.run_id
      JOIN documents d ON d.id = h.document_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY ${factOrder(POSTGRES, 'h')}
      ${filter.limit ? 'LIMIT ' + Number(filter.limit) : ''}`;
    return (await this.pool.query(toDollarParams(sql), [runId, ...params])).rows;
  }

  async recordRunRules(runId: number, rules: RuleVersionRow[]): Promise<void> {
    if (!rules.length) return;
    await this.pool.query(
      `INSERT INTO run_rules (run_id, rule_id, rule_version) SELECT $1, * FROM unnest($2::text[], $3::text[])
       ON CONFLICT (run_id, rule_id) DO UPDATE SET rule_version = EXCLUDED.rule_version`,
      [runId, rules.map((r) => r.id), rules.map((r) => r.version)],
    );
  }

  async runRules(runId: number): Promise<RuleVersionRow[] | null> {
    const r = await this.pool.query(
      'SELECT rule_id AS id, rule_version AS version FROM run_rules WHERE run_id = $1 ORDER BY rule_id COLLATE "C"',
      [runId],
    );
    return r.rows.length ? r.rows : null;
  }

  async putReview(r: ReviewInput): Promise<void> {
    await this.pool.query(
      `INSERT INTO reviews (document_id, type, value, unit, start, "end", verdict, note, reviewer, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (document_id, type, value, unit, start, "end") DO UPDATE SET verdict = EXCLUDED.verdict,
       note = EXCLUDED.note, reviewer = EXCLUDED.reviewer, at = EXCLUDED.at`,
      [r.documentId, r.type, r.value, r.unit, r.start, r.end, r.verdict, r.note ?? null, r.reviewer ?? null, new Date().toISOString()],
    );
  }

  async reviews(): Promise<ReviewRow[]> {
    return (
      await this.pool.query(
        `SELECT r.id, r.document_id, d.source AS doc, r.type, r.value, r.unit, r.start, r."end" AS "end", r.verdict, r.note,
         r.reviewer, r.at FROM reviews r JOIN documents d ON d.id = r.document_id ORDER BY r.id`,
      )
    ).rows;
  }

  browseFacts(request: FactPageRequest): Promise<FactPage> {
    return this.browser.browseFacts(request);
  }

  countFacts(query: FactQuery, cap?: number): Promise<number> {
    return this.browser.countFacts(query, cap);
  }

  countFactsBy(query: FactQuery, by: FactDimension[], limit?: number): Promise<GroupCount[]> {
    return this.browser.countFactsBy(query, by, limit);
  }

  ruleSummaries(rule?: string): Promise<RuleSummary[]> {
    return this.browser.ruleSummaries(rule);
  }

  sampleFacts(rule: string, n: number, seed: number): Promise<BrowsedFact[]> {
    return this.browser.sampleFacts(rule, n, seed);
  }

  summarize(query: FactQuery, by: SummaryDimension[], modality: ModalityFilter): Promise<Summary> {
    return this.browser.summarize(query, by, modality);
  }

  searchDocuments(terms: string[], limit: number, offset: number): Promise<SearchResult> {
    return this.browser.searchDocuments(terms, limit, offset);
  }

  /** Search here scans the stored text itself (browse.ts): there is no index to bring up to date. */
  async updateSearchIndex(): Promise<number> {
    return 0;
  }

  /** Runs `body` in one transaction on one connection. */
  async transaction<T>(body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await body(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }

  /**
   * Read-only SQL (`newsfacts sql`): one statement (the extended protocol refuses several), run inside a READ ONLY
   * transaction that is rolled back, so nothing can be written whatever the text says. `?` placeholders work as in
   * SQLite.
   */
  async query(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN READ ONLY');
      try {
        const r = await client.query({ text: toDollarParams(sql), values: params, queryMode: 'extended' } as pg.QueryConfig);
        if (!r.fields?.length) throw new Error('only statements that return rows (SELECT, WITH …) are allowed here');
        return r.rows;
      } finally {
        await client.query('ROLLBACK').catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  /** Statements that write, for tools of this package (export/import, tests); not part of the storage interface. */
  async execute(sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
    return this.pool.query(sql, params);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Inserts or replaces one document (keyed by content hash) and its facts, inside the caller's transaction. */
async function upsertDocument(client: pg.ClientBase, runId: number, doc: WritableDocument, facts: Fact[]): Promise<{ documentId: number; facts: number }> {
  const values = [
    ...documentValues(doc),
    runId, // last_run
    runId, // first_run: kept by the ON CONFLICT branch, which does not set it
    doc.contentHash,
  ];
  // The upsert takes the document's row lock (or waits for another writer's), held until commit.
  const documentId: number = (await client.query(UPSERT_DOCUMENT_SQL, values)).rows[0].id;
  return { documentId, facts: await writeFacts(client, runId, documentId, facts) };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Replaces a document's facts and records the write in the fact history, inside the caller's transaction (the caller
 * holds the document's row lock). Returns the number of facts stored (duplicates of one figure count once).
 */
async function writeFacts(client: pg.ClientBase, runId: number, documentId: number, all: Fact[]): Promise<number> {
  const facts = storable(all);
  await client.query('DELETE FROM facts WHERE document_id = $1', [documentId]);
  let n = 0;
  if (facts.length) {
    const columns = FACT_WRITE.map(([, , get]) => facts.map(get));
    n = (await client.query(INSERT_FACTS_SQL, [documentId, runId, ...columns])).rowCount ?? 0;
  }
  await client.query('DELETE FROM fact_history WHERE run_id = $1 AND document_id = $2', [runId, documentId]);
  await client.query('INSERT INTO fact_writes (run_id, document_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [runId, documentId]);
  await client.query(
    `INSERT INTO fact_history (run_id, document_id, ${FACT_HISTORY_COLUMNS})
     SELECT $1, document_id, ${FACT_HISTORY_COLUMNS} FROM facts WHERE document_id = $2 ORDER BY id`,
    [runId, documentId],
  );
  return n;
}

/** CREATE DATABASE for the URL's database when it is missing (two workers racing to create it is harmless). */
export async function createDatabaseIfMissing(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name) return;
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (err: any) {
    if (err?.code !== '3D000') throw err; // 3D000: invalid_catalog_name, the database does not exist
  } finally {
    await probe.end().catch(() => undefined);
  }
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
  } catch (err: any) {
    if (err?.code !== '42P04' && err?.code !== '23505') throw err; // already exists: another worker won the race
  } finally {
    await client.end();
  }
}

/** DROP DATABASE … WITH (FORCE): for tests and `export --replace`; refuses the maintenance database. */
export async function dropDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ''));
  if (!name || name === 'postgres' || name.startsWith('template')) throw new Error(`will not drop database '${name}'`);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
