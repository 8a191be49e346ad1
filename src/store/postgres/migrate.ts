import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { packageRoot } from '../../paths.js';

/** Any fixed number: the advisory lock that makes one of many starting workers migrate while the others wait. */
const MIGRATION_LOCK = 7_305_119_001;

/**
 * Applies db/migrations-pg/NNN_*.sql in order, each once, all in one transaction that holds an advisory lock: workers
 * that start together on an empty database wait for the first one and then find nothing left to do.
 */
export async function migratePostgres(client: pg.ClientBase): Promise<void> {
  const dir = path.join(packageRoot(), 'db', 'migrations-pg');
  const files = readdirSync(dir)
    .filter((f) => /^\d+_.*\.sql$/.test(f))
    .sort();
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const done = new Set((await client.query('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    for (const file of files) {
      const version = parseInt(file, 10);
      if (done.has(version)) continue;
      await client.query(readFileSync(path.join(dir, file), 'utf8'));
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
        version,
        file,
        new Date().toISOString(),
      ]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
