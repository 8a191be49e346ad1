/**
 * The `newsfacts` command line. Each command lives in its own file and exports `register(program)`; this file only
 * assembles them. Usage errors exit with status 2.
 */
import { Command, CommanderError } from 'commander';
import { UsageError } from './errors.js';
import { register as registerNumbers } from './numbers.js';
import { register as registerClean } from './clean.js';
import { register as registerIngest } from './ingest.js';
import { register as registerFacts } from './facts.js';
import { register as registerShow } from './show.js';
import { register as registerSql } from './sql.js';
import { register as registerRules } from './rules.js';
import { register as registerAudit } from './audit.js';
import { register as registerExtract } from './extract.js';
import { register as registerReview } from './review.js';
import { register as registerServe } from './serve.js';
import { register as registerFetch } from './fetch.js';
import { register as registerWorker } from './worker.js';
import { register as registerStatus } from './status.js';
import { register as registerExport } from './export.js';
import { register as registerStories } from './stories.js';
import { register as registerSummary } from './summary.js';

/**
 * A reader that stops early (`newsfacts facts | head`) closes the pipe; the next write fails with EPIPE. That is the
 * reader's choice, not an error: stop quietly, with the status the command had so far. Installed by bin/newsfacts.js
 * (not by `main`, which tests call many times in one process).
 */
export function stopQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
      throw err;
    });
  }
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name('newsfacts')
    .description('Scraped news pages to an auditable database of facts')
    .exitOverride()
    .showHelpAfterError();
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  for (const register of [registerIngest, registerFacts, registerShow, registerSql, registerClean, registerNumbers, registerRules, registerAudit, registerExtract, registerReview, registerServe, registerFetch, registerWorker, registerStatus, registerExport, registerStories, registerSummary]) {
    register(program, setExit);
  }
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return 0;
      return 2;
    }
    if (err instanceof UsageError) {
      console.error(`newsfacts: ${err.message}`);
      return 2;
    }
    throw err;
  }
  return exitCode;
}

