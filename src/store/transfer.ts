/**
 * Moving a study between the two stores: every table of a SQLite file into an empty PostgreSQL database, or back. Rows
 * keep their ids, so fact ids quoted in notes stay valid in the copy. The table list and their order (parents before
 * children) come from the SQLite side's schema, so tables added by later migrations are copied without an edit here,
 * as long as both migration folders carry them.
 */
import pg from 'pg';
import Database from 'better-sqlite3';
import { SqliteStore } from './sqlite/store.js';
import { PostgresStore } from './postgres/store.js';

export interface TransferSummary {
  tables: Array<{ table: string; rows: number }>;
}

const BATCH_ROWS = 1000;
/** Tables that are not data: bookkeeping, and SQLite's full-text index (rebuilt by its triggers as rows arrive). */
const SKIP = /^(schema_migrations|sqlite_.*|documents_fts.*|search_pending)$/;

/** Data tables of a SQLite database, parents before children (by foreign keys), with their columns. */
function sqliteTables(db: Database.Database): Array<{ table: string; columns: string[] }> {
  const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((n) => !SKIP.test(n));
  const parents = new Map(
    names.map((n) => [n, (db.pragma(`foreign_key_list(${JSON.stringify(n)})`) as Array<{ table: string }>).map((f) => f.table)]),
  );
  const ordered: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (ordered.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of parents.get(n) ?? []) if (p !== n && names.includes(p)) visit(p, path);
    ordered.push(n);
  };
  for (const n of names) visit(n, new Set());
  return ordered.map((table) => ({
    table,
    columns: (db.pragma(`table_info(${JSON.stringify(table)})`) as Array<{ name: string }>).map((c) => c.name),
  }));
}

async function pgColumns(pool: pg.Pool, table: string): Promise<string[]> {
  const r = await pool.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
    [table],
  );
  return r.rows.map((x) => x.column_name);
}

const q = (name: string) => pg.escapeIdentifier(name);

async function assertEmptyPg(pool: pg.Pool): Promise<void> {
  const r = await pool.query('SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM documents) AS n');
  if (Number(r.rows[0].n) > 0) throw new Error('the PostgreSQL database already holds runs or documents: export into an empty one');
}

function assertEmptySqlite(db: Database.Database): void {
  const n = (db.prepare('SELECT (SELECT COUNT(*) FROM runs) + (SELECT COUNT(*) FROM documents) AS n').get() as { n: number }).n;
  if (n > 0) throw new Error('the SQLite file already holds runs or documents: export into a new file');
}

/** SQLite file → empty PostgreSQL database. */
export async function sqliteToPostgres(file: string, url: string): Promise<TransferSummary> {
  const src = new SqliteStore(file, { readonly: true });
  const dest = await PostgresStore.open(url);
  const summary: TransferSummary = { tables: [] };
  try {
    await assertEmptyPg(dest.pool);
    for (const { table, columns } of sqliteTables(src.db)) {
      const destColumns = new Set(await pgColumns(dest.pool, table));
      const cols = columns.filter((c) => destColumns.has(c));
      if (!cols.length) continue;
      const client = await dest.pool.connect();
      let rows = 0;
      try {
        await client.query('BEGIN');
        let batch: unknown[][] = [];
        const flush = async () => {
          if (!batch.length) return;
          const params: unknown[] = [];
          const tuples = batch.map((row) => '(' + row.map((v) => (params.push(v), '$' + params.length)).join(', ') + ')');
          await client.query(`INSERT INTO ${q(table)} (${cols.map(q).join(', ')}) OVERRIDING SYSTEM VALUE VALUES ${tuples.join(', ')}`, params);
          rows += batch.length;
          batch = [];
        };
        const stmt = src.db.prepare(`SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM "${table}" ORDER BY rowid`).raw(true);
        for (const row of stmt.iterate() as Iterable<unknown[]>) {
          batch.push(row);
          if (batch.length * cols.length >= BATCH_ROWS * 20) await flush();
        }
        await flush();
        if (cols.includes('id')) {
          // The identity column must continue after the copied ids.
          await client.query(
            `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT MAX(id) FROM ${q(table)}), 1), (SELECT COUNT(*) > 0 FROM ${q(table)}))`,
            [table],
          );
        }
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
      summary.tables.push({ table, rows });
    }
  } finally {
    src.close();
    await dest.close();
  }
  return summary;
}

/** PostgreSQL database → new SQLite file (a researcher's offline copy). */
export async function postgresToSqlite(url: string, file: string): Promise<TransferSummary> {
  const src = await PostgresStore.open(url, { readonly: true });
  const dest = new SqliteStore(file);
  const summary: TransferSummary = { tables: [] };
  try {
    assertEmptySqlite(dest.db);
    dest.db.pragma('foreign_keys = OFF'); // rows arrive table by table; the source already satisfied every key
    for (const { table, columns } of sqliteTables(dest.db)) {
      const srcColumns = new Set(await pgColumns(src.pool, table));
      const cols = columns.filter((c) => srcColumns.has(c));
      if (!cols.length) continue;
      const insert = dest.db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
      const insertMany = dest.db.transaction((rows: unknown[][]) => {
        for (const r of rows) insert.run(...r);
      });
      const order = cols.includes('id') ? 'id' : cols.map(q).join(', ');
      let rows = 0;
      for (let offset = 0; ; offset += BATCH_ROWS) {
        const r = await src.pool.query({
          text: `SELECT ${cols.map(q).join(', ')} FROM ${q(table)} ORDER BY ${order} LIMIT ${BATCH_ROWS} OFFSET ${offset}`,
          rowMode: 'array',
        });
        if (!r.rows.length) break;
        insertMany(r.rows);
        rows += r.rows.length;
        if (r.rows.length < BATCH_ROWS) break;
      }
      summary.tables.push({ table, rows });
    }
    dest.db.pragma('foreign_keys = ON');
  } finally {
    dest.close();
    await src.close();
  }
  return summary;
}
