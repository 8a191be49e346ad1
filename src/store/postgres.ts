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
import type { Fact } from '../types.js';
import type { AsyncStore } from './async.js';
import { redactUrl } from './async.js';
import { decodeMap, documentValues } from './maps.js';
import { migratePostgres } from './pg-migrate.js';
import { pgTypes, toDollarParams } from './pg-sql.js';
import type {
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
} from './types.js';
import { RESOLVED_FACT_COLUMNS, resolvedSelect } from './resolved-columns.js';

const FACT_COLUMNS = `f.id, d.source AS doc, f.document_id, f.type, f.value, f.value_max, f.unit, f.qualifier,
  f.start, f."end" AS "end", f.evidence, f.evidence_start, f.evidence_end, f.sentence, f.period, f.place,
  f.rule_id AS rule, f.rule_version, d.lang, f.trigger, f.norm_start, f.norm_end, f.run_id, d.published,
  ${resolvedSelect('f')}`;

/** Columns of `facts` written per fact, in the order of the unnest() arrays below, with their array types. */
const FACT_INSERT: Array<[column: string, type: string, get: (f: Fact) => unknown]> = [
  ['type', 'text', (f) => f.type],
  ['value', 'float8', (f) => f.value],
  ['value_max', 'float8', (f) => f.valueMax],
  ['unit', 'text', (f) => f.unit],
  ['qualifier', 'text', (f) => f.qualifier],
  ['rule_id', 'text', (f) => f.rule],
  ['rule_version', 'text', (f) => f.ruleVersion],
  ['start', 'int8', (f) => f.start],
  ['"end"', 'int8', (f) => f.end],
  ['norm_start', 'int8', (f) => f.normStart],
  ['norm_end', 'int8', (f) => f.normEnd],
  ['evidence', 'text', (f) => f.evidence],
  ['evidence_start', 'int8', (f) => f.evidenceStart],
  ['evidence_end', 'int8', (f) => f.evidenceEnd],
  ['evidence_norm_start', 'int8', (f) => f.evidenceNormStart],
  ['evidence_norm_end', 'int8', (f) => f.evidenceNormEnd],
  ['trigger', 'text', (f) => f.trigger],
  ['sentence', 'text', (f) => f.sentence],
  ['period', 'text', (f) => f.period],
  ['place', 'text', (f) => f.place],
  ...RESOLVED_FACT_COLUMNS.map(([c, t, get]): [string, string, (f: Fact) => unknown] => [c, t, get]),
];

const INSERT_FACTS_SQL = `INSERT INTO facts (document_id, run_id, ${FACT_INSERT.map(([c]) => c).join(', ')})
  SELECT $1, $2, * FROM unnest(${FACT_INSERT.map(([, t], i) => `$${i + 3}::${t}[]`).join(', ')})
  ON CONFLICT (document_id, type, start, "end") DO NOTHING`;

const DOCUMENT_COLUMNS = [
  'source', 'url', 'fetched_at', 'format', 'encoding', 'decode_issues', 'lang', 'title', 'published', 'source_name',
  'author', 'empty_reason', 'original_text', 'clean_text', 'normalized_text', 'clean_map', 'norm_map', 'flags',
  'pipeline_version', 'last_run',
];
const UPSERT_DOCUMENT_SQL = `INSERT INTO documents (${DOCUMENT_COLUMNS.join(', ')}, first_run, content_hash)
  VALUES (${DOCUMENT_COLUMNS.map((_, i) => '$' + (i + 1)).join(', ')}, $${DOCUMENT_COLUMNS.length + 1}, $${DOCUMENT_COLUMNS.length + 2})
  ON CONFLICT (content_hash) DO UPDATE SET ${DOCUMENT_COLUMNS.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}
  RETURNING id`;

export interface PostgresOptions {
  readonly?: boolean;
  /** Connections in the pool (default 4). */
  poolSize?: number;
  /** Create the database named in the URL when it does not exist (default: true unless readonly). */
  createDatabase?: boolean;
}

/** The methods of the storage interface this store implements (the rest throw a plain "not available" error). */
export type PostgresStoreMethods = Pick<
  AsyncStore,
  | 'startRun'
  | 'finishRun'
  | 'documentVersion'
  | 'touchDocument'
  | 'putDocument'
  | 'writeBatch'
  | 'recordError'
  | 'facts'
  | 'fact'
  | 'document'
  | 'documents'
  | 'errors'
  | 'runs'
  | 'replaceFacts'
  | 'factsAtRun'
  | 'recordRunRules'
  | 'runRules'
  | 'putReview'
  | 'reviews'
  | 'query'
  | 'close'
>;

export class PostgresStore implements PostgresStoreMethods {
  private constructor(
    readonly pool: pg.Pool,
    readonly url: string,
    readonly readonly: boolean,
  ) {}

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
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return '$' + params.length;
    };
    if (filter.type) where.push(`f.type = ${p(filter.type)}`);
    if (filter.lang) where.push(`d.lang LIKE ${p(filter.lang + '%')}`);
    if (filter.doc) {
      const k = p(filter.doc);
      where.push(`(d.source = ${k} OR CAST(d.id AS TEXT) = ${k} OR d.content_hash = ${k})`);
    }
    if (filter.rule) where.push(`f.rule_id = ${p(filter.rule)}`);
    // COLLATE "C": byte order, as SQLite sorts text, so both stores list facts in the same order.
    const sql = `SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.source COLLATE "C", f.start, f.type COLLATE "C"
      ${filter.limit ? 'LIMIT ' + Number(filter.limit) : ''}`;
    return (await this.pool.query(sql, params)).rows as FactRow[];
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
    const row = r.rows[0];
    if (!row) return null;
    return {
      id: row.id,
      contentHash: row.content_hash,
      source: row.source,
      url: row.url,
      format: row.format,
      encoding: row.encoding,
      lang: row.lang,
      title: row.title,
      published: row.published,
      sourceName: row.source_name,
      author: row.author,
      emptyReason: row.empty_reason,
      original: row.original_text,
      clean: decodeMap(row.clean_text, row.clean_map),
      normalized: decodeMap(row.normalized_text, row.norm_map),
      pipelineVersion: row.pipeline_version,
      flags: row.flags ? JSON.parse(row.flags) : [],
    };
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
    const params: unknown[] = [runId];
    const p = (v: unknown) => {
      params.push(v);
      return '$' + params.length;
    };
    const where: string[] = [];
    if (filter.type) where.push(`h.type = ${p(filter.type)}`);
    if (filter.lang) where.push(`d.lang LIKE ${p(filter.lang + '%')}`);
    if (filter.doc) {
      const k = p(filter.doc);
      where.push(`(d.source = ${k} OR CAST(d.id AS TEXT) = ${k} OR d.content_hash = ${k})`);
    }
    if (filter.rule) where.push(`h.rule_id = ${p(filter.rule)}`);
    const sql = `WITH latest AS (
        SELECT document_id, MAX(run_id) AS run_id FROM fact_writes WHERE run_id <= $1 GROUP BY document_id)
      SELECT d.source AS doc, h.document_id, h.type, h.value, h.value_max, h.unit, h.qualifier, h.start, h."end" AS "end",
        h.evidence, h.evidence_start, h.evidence_end, h.sentence, h.period, h.place, h.rule_id AS rule, h.rule_version,
        d.lang, h.trigger, h.norm_start, h.norm_end, h.run_id
      FROM fact_history h JOIN latest l ON l.document_id = h.document_id AND l.run_id = h.run_id
      JOIN documents d ON d.id = h.document_id
      ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY d.source COLLATE "C", h.start, h.type COLLATE "C"
      ${filter.limit ? 'LIMIT ' + Number(filter.limit) : ''}`;
    return (await this.pool.query(sql, params)).rows;
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
async function writeFacts(client: pg.ClientBase, runId: number, documentId: number, facts: Fact[]): Promise<number> {
  await client.query('DELETE FROM facts WHERE document_id = $1', [documentId]);
  let n = 0;
  if (facts.length) {
    const columns = FACT_INSERT.map(([, , get]) => facts.map(get));
    n = (await client.query(INSERT_FACTS_SQL, [documentId, runId, ...columns])).rowCount ?? 0;
  }
  await client.query('DELETE FROM fact_history WHERE run_id = $1 AND document_id = $2', [runId, documentId]);
  await client.query('INSERT INTO fact_writes (run_id, document_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [runId, documentId]);
  await client.query(
    `INSERT INTO fact_history (run_id, document_id, type, value, value_max, unit, qualifier, rule_id, rule_version,
     start, "end", norm_start, norm_end, evidence, evidence_start, evidence_end, trigger, sentence, period, place)
     SELECT $1, document_id, type, value, value_max, unit, qualifier, rule_id, rule_version, start, "end", norm_start,
     norm_end, evidence, evidence_start, evidence_end, trigger, sentence, period, place
     FROM facts WHERE document_id = $2 ORDER BY id`,
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
