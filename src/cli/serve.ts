import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { DEFAULT_DB } from '../paths.js';
import { serve } from '../server/serve.js';
import { UsageError, type SetExit } from './errors.js';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('serve')
    .description('a local web interface: browse, filter and export facts, read documents, review rules, search')
    .option('--db <file>', `database file (default ${DEFAULT_DB})`)
    .option('--port <n>', 'port (0: any free port)', '8001')
    .option('--host <address>', 'address to listen on; anything but 127.0.0.1 exposes the data to the network', '127.0.0.1')
    .option('--gold <file>', 'gold facts (JSONL) to score rules against on the rules page')
    .option('--no-reviews', 'read only: no review buttons, no writes at all')
    .action(async (opts: { db?: string; port: string; host: string; gold?: string; reviews: boolean }) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port takes a port number, not '${opts.port}'`);
      const db = opts.db ?? DEFAULT_DB;
      if (!existsSync(db)) throw new UsageError(`no database at ${db}: run 'newsfacts ingest' first`);
      if (opts.gold && !existsSync(opts.gold)) throw new UsageError(`no gold file at ${opts.gold}`);
      const running = await serve({
        db,
        port,
        host: opts.host,
        gold: opts.gold ?? null,
        reviews: opts.reviews,
        onError: (err) => console.error('newsfacts serve:', err),
      });
      console.log(`newsfacts: serving ${db} at ${running.url}/ (Ctrl-C to stop)`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          void running.close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
