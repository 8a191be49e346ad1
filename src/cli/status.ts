import type { Command } from 'commander';
import type { SetExit } from './errors.js';
import { formatRows } from './format.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('status')
    .description('units waiting, active, done and failed in a queue, pages per second, and the failed units with their reasons')
    .requiredOption('--queue <url>', 'redis://host:port[?queue=NAME]')
    .option('--format <format>', 'text | json', 'text')
    .option('--fail-on-failed', 'exit with status 1 when any unit failed')
    .action(async (opts: { queue: string; format: string; failOnFailed?: boolean }) => {
      const { queueStatus } = await import('../queue/queue.js'); // loaded only by this command
      const s = await queueStatus(opts.queue);
      if (opts.format === 'json') {
        console.log(JSON.stringify(s, null, 2));
      } else {
        const rate = s.pagesPerSecond === null ? '–' : s.pagesPerSecond.toFixed(1);
        console.log(
          `queue ${s.queue}: waiting ${s.waiting}, active ${s.active}, delayed (retry backoff) ${s.delayed}, done ${s.done}, failed ${s.failed}\n` +
            `recent finished units: ${s.pagesDone} pages, ${rate} pages/s`,
        );
        if (s.failedUnits.length) {
          console.log('failed units:');
          process.stdout.write(formatRows(s.failedUnits as any, ['id', 'unit', 'attempts', 'reason'], 'table', 80));
        }
      }
      if (s.failed && opts.failOnFailed) setExit(1);
    });
}
