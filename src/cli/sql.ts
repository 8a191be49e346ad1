import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows, OUTPUT_FORMATS, type OutputFormat } from './format.js';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('sql')
    .description('run a read-only SQL query (the database is opened read-only)')
    .argument('<query>', 'a SELECT (or WITH …) statement')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--format <format>', 'table | csv | json | jsonl', 'table')
    .action((query: string, opts: { db?: string; format: string }) => {
      if (!OUTPUT_FORMATS.includes(opts.format as OutputFormat)) throw new UsageError(`unknown --format '${opts.format}'`);
      const store = openStore(opts.db, { readonly: true });
      try {
        let rows: Record<string, unknown>[];
        try {
          rows = store.query(query);
        } catch (err: any) {
          throw new UsageError(`query failed: ${queryFailure(query, err)}`);
        }
        const columns = rows.length ? Object.keys(rows[0]) : [];
        process.stdout.write(formatRows(rows, columns, opts.format as OutputFormat, 60));
      } finally {
        store.close();
      }
    });
}

/**
 * Why a query failed, as a person would put it. SQLite answers a PRAGMA that would change a read-only database with
 * "disk I/O error"; that is the read-only connection refusing a write, not a broken disk.
 */
export function queryFailure(query: string, err: { message: string; code?: string }): string {
  const setting = /^\s*pragma\s+([\w.]+)\s*=/i.exec(query);
  if (setting) return `PRAGMA ${setting[1]} = … would change the database, which 'sql' opens read-only (PRAGMA ${setting[1]} alone reads the setting)`;
  if (err.code === 'SQLITE_IOERR' || err.code === 'SQLITE_READONLY' || /disk I\/O error|readonly database/i.test(err.message)) {
    return `${err.message}: the statement tried to write, and 'sql' opens the database read-only`;
  }
  return err.message;
}
