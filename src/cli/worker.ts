import type { Command } from 'commander';
import { openAsyncStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('worker')
    .description('take work units from a queue, run the pipeline on their pages and store the results (any number of these, on any machines)')
    .requiredOption('--queue <url>', 'redis://host:port[?queue=NAME] (queue name default: newsfacts)')
    .option('--db <location>', 'postgres://… shared by all workers (a SQLite file works for a single machine)')
    .option('--concurrency <n>', 'units processed at once by this process', '1')
    .option('--lock-ms <ms>', "a unit's lock; a dead worker's unit is handed out again after about this long", '30000')
    .option('--exit-when-drained', 'stop once nothing is waiting or in progress')
    .option('--page-delay-ms <ms>', 'pause after each page (for demonstrations and tests of a worker dying mid-unit)', '0')
    .option('--quiet', 'print only the final line')
    .action(async (opts: { queue: string; db?: string; concurrency: string; lockMs: string; exitWhenDrained?: boolean; pageDelayMs: string; quiet?: boolean }) => {
      const concurrency = positive(opts.concurrency, '--concurrency');
      const lockMs = positive(opts.lockMs, '--lock-ms');
      const pageDelayMs = Number(opts.pageDelayMs);
      if (!(pageDelayMs >= 0)) throw new UsageError('--page-delay-ms takes a number of milliseconds');
      const store = await openAsyncStore(opts.db, { poolSize: concurrency + 1 });
      const log = opts.quiet ? undefined : (line: string) => console.log(`[worker ${process.pid}] ${line}`);
      let worker;
      try {
        const { startWorker } = await import('../queue/queue.js'); // loaded only by this command
        worker = await startWorker(opts.queue, store, { concurrency, lockMs, pageDelayMs, exitWhenDrained: opts.exitWhenDrained, log });
      } catch (err) {
        await store.close();
        throw err;
      }
      log?.(`run ${worker.runId}: waiting for units`);
      const stop = () => void worker.stop();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await worker.done;
        const c = worker.counts;
        console.log(
          `worker ${process.pid} run ${worker.runId}: pages read ${c.pagesRead}, stored ${c.pagesStored}, unchanged ${c.pagesUnchanged}, failed ${c.pagesFailed}; facts stored ${c.factsStored}`,
        );
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        await store.close();
      }
    });
}

function positive(v: string, name: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} takes a positive whole number`);
  return n;
}
