import type { Command } from 'commander';
import { isPostgresUrl, redactUrl } from '../store/async.js';
import { postgresToSqlite, sqliteToPostgres, type TransferSummary } from '../store/transfer.js';
import { UsageError, type SetExit } from './errors.js';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('export')
    .description('copy a whole store to the other kind: PostgreSQL → a new SQLite file (an offline copy), or SQLite → an empty PostgreSQL database')
    .requiredOption('--db <location>', 'the store to copy from: postgres://… or a SQLite file')
    .requiredOption('--to <location>', 'where to: a new SQLite file, or postgres://… (an empty or missing database)')
    .action(async (opts: { db: string; to: string }) => {
      const fromPg = isPostgresUrl(opts.db);
      const toPg = isPostgresUrl(opts.to);
      if (fromPg === toPg) throw new UsageError('export copies between the two kinds of store: one of --db and --to must be postgres://…');
      let s: TransferSummary;
      try {
        s = fromPg ? await postgresToSqlite(opts.db, opts.to) : await sqliteToPostgres(opts.db, opts.to);
      } catch (err: any) {
        if (/already holds|no database|no newsfacts database/.test(err.message)) throw new UsageError(err.message);
        throw err;
      }
      const where = toPg ? redactUrl(opts.to) : opts.to;
      console.log(`copied to ${where}: ` + s.tables.map((t) => `${t.table} ${t.rows}`).join(', '));
    });
}
