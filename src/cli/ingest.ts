import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import fg from 'fast-glob';
import cliProgress from 'cli-progress';
import { ingest, type IngestProgress, type IngestSummary } from '../ingest.js';
import { openStore } from '../store/open.js';
import { cores } from '../worker/pool.js';
import { UsageError, type SetExit } from './errors.js';
import { printTotals } from './totals.js';

interface IngestCliOptions {
  db?: string;
  failOnError?: boolean;
  quiet?: boolean;
  workers?: string;
  batchSize?: string;
  maxPageMb?: string;
  progress?: boolean;
  queue?: string;
}

/** How many error lines the summary prints; the errors table has them all. */
const ERRORS_SHOWN = 20;

export function register(program: Command, setExit: SetExit): void {
  program
    .command('ingest')
    .description('read, clean, normalize and extract pages, and store documents and facts')
    .argument(
      '<paths...>',
      'files, directories or glob patterns: .html/.htm/.txt pages, .warc archives, .jsonl exports (and their .gz forms)',
    )
    .option('--db <file>', 'database file or postgres:// URL (default db/newsfacts.sqlite)')
    .option('--workers <n>', `worker threads for the CPU stages (default: one per core, here ${cores()}; 0: none)`)
    .option('--batch-size <n>', 'documents per write transaction', '64')
    .option('--max-page-mb <n>', 'refuse pages larger than this (MB)', '16')
    .option('--fail-on-error', 'exit with status 1 when any page or record failed or arrived damaged')
    .option('--no-progress', 'no progress bar or progress lines, only the summary')
    .option('--quiet', 'print only the summary')
    .option('--queue <url>', "enqueue the inputs' work units on redis://… for 'newsfacts worker' instead of processing them")
    .action(async (paths: string[], opts: IngestCliOptions) => {
      if (!paths.length) throw new UsageError('ingest needs at least one path');
      // Before the database is opened: a mistyped path must not leave an empty database behind.
      const missing: string[] = [];
      for (const p of paths) {
        if (existsSync(p)) continue;
        if (!fg.isDynamicPattern(p)) missing.push(`${p}: no such file or directory`);
        else if (!(await matchesAnything(p))) missing.push(`${p}: the pattern matches no file`);
      }
      if (missing.length) throw new UsageError(`${missing.join('; ')} (nothing ingested)`);
      // The queue client (BullMQ, ioredis) loads only when a queue is used: it costs every other run ~0.3 s.
      if (opts.queue) return (await import('../queue/cli.js')).ingestToQueue(paths, opts.queue, { quiet: opts.quiet });
      const workers = opts.workers === undefined ? undefined : intOption('--workers', opts.workers, 0);
      const batchSize = intOption('--batch-size', opts.batchSize ?? '64', 1);
      const maxPageMb = Number(opts.maxPageMb ?? '16');
      if (!(maxPageMb > 0)) throw new UsageError(`--max-page-mb must be a positive number, not ${opts.maxPageMb}`);
      const store = openStore(opts.db);
      const reporter = opts.progress === false || opts.quiet ? null : progressReporter();
      try {
        const s = await ingest(store, paths, {
          command: 'ingest ' + paths.join(' '),
          workers,
          batchSize,
          maxPageBytes: Math.round(maxPageMb * 1024 * 1024),
          onProgress: reporter?.update,
          progressIntervalMs: reporter?.interval,
        });
        reporter?.stop();
        console.log(summaryText(s));
        printTotals(store);
        if (s.errorCount && opts.failOnError) setExit(1);
      } finally {
        reporter?.stop();
        store.close();
      }
    });
}

/** Whether a glob pattern matches at least one file (it stops at the first). */
async function matchesAnything(pattern: string): Promise<boolean> {
  for await (const _ of fg.stream(pattern, { onlyFiles: true, followSymbolicLinks: true })) return true;
  return false;
}

function intOption(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}, not ${value}`);
  return n;
}

export function summaryText(s: IngestSummary): string {
  const secs = s.elapsedMs / 1000;
  const done = s.pagesStored + s.pagesUnchanged + s.pagesFailed;
  const lines = [
    `run ${s.runId}: pages read ${s.pagesRead}, stored ${s.pagesStored}, skipped as unchanged ${s.pagesUnchanged}, failed ${s.pagesFailed}; facts stored ${s.factsStored}`,
    `  ${secs.toFixed(1)} s, ${secs > 0 ? (done / secs).toFixed(1) : '-'} pages/s, ${(s.bytesRead / 1024 / 1024).toFixed(1)} MB read, ` +
      `${s.workers ? `${s.workers} worker thread${s.workers === 1 ? '' : 's'}` : 'no worker threads'}`,
  ];
  if (s.recordsSkipped) lines.push(`  passed over as not pages: ${skippedText(s.skippedByKind)}`);
  if (s.errorCount) {
    lines.push(
      `  errors: ${s.errorCount} (${s.pagesFailed} pages or records refused, ${s.pagesWithWarnings} stored with a problem noted)`,
    );
    for (const e of s.errors.slice(0, ERRORS_SHOWN)) {
      lines.push(`  ${e.stored ? 'warning' : 'error'}: ${e.source}${e.record && !e.reason.includes(e.record) ? ` [${e.record}]` : ''}: ${e.reason}`);
    }
    if (s.errorCount > ERRORS_SHOWN) {
      lines.push(`  … and ${s.errorCount - ERRORS_SHOWN} more: newsfacts sql "SELECT source, record, reason FROM errors WHERE run_id = ${s.runId}"`);
    }
  }
  if (s.pagesWithoutArticle) {
    lines.push(`  pages stored without article text (judged index or list pages): ${s.pagesWithoutArticle}`);
    for (const p of s.withoutArticle.slice(0, ERRORS_SHOWN)) lines.push(`  note: ${p.source}${p.record ? ` [${p.record}]` : ''}: ${p.reason}`);
    if (s.pagesWithoutArticle > ERRORS_SHOWN) {
      lines.push(`  … and ${s.pagesWithoutArticle - ERRORS_SHOWN} more: newsfacts sql "SELECT source, reason FROM errors WHERE run_id = ${s.runId} AND reason LIKE 'stored without article text%'"`);
    }
  }
  return lines.join('\n');
}

/** `6 files (4 .jpg, 2 .png), 2 WARC records`: what ingest passed over, by kind, files by extension. */
export function skippedText(byKind: Record<string, number>): string {
  const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  const files = Object.entries(byKind).filter(([k]) => k.startsWith('file ')).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const parts: string[] = [];
  if (files.length) {
    const n = files.reduce((a, [, c]) => a + c, 0);
    parts.push(`${plural(n, 'file')} (${files.map(([k, c]) => `${c} ${k.slice(5)}`).join(', ')})`);
  }
  for (const [k, c] of Object.entries(byKind)) {
    if (!k.startsWith('file ')) parts.push(k === 'JSONL file' ? `${plural(c, k)} without pages` : plural(c, k));
  }
  return parts.join(', ');
}

/**
 * Progress on stderr: a bar on a terminal (pages, pages per second, errors, time left), plain lines every few seconds
 * otherwise, so that logs of long runs show it too.
 */
function progressReporter(): { update: (p: IngestProgress) => void; stop: () => void; interval: number } {
  const tty = !!process.stderr.isTTY;
  let bar: cliProgress.SingleBar | null = null;
  let stopped = false;
  const update = (p: IngestProgress) => {
    if (stopped) return;
    const secs = p.elapsedMs / 1000;
    const pages = p.pagesStored + p.pagesUnchanged + p.pagesFailed;
    const rate = secs > 0 ? pages / secs : 0;
    const fraction = p.bytesTotal ? Math.min(1, p.bytesRead / p.bytesTotal) : null;
    const left = fraction && fraction > 0.001 && !p.done ? formatDuration((secs * (1 - fraction)) / fraction) : '?';
    if (tty) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          {
            format: 'ingest [{bar}] {percentage}% | {pages} pages | {rate} pages/s | {errors} errors | {left} left',
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(1000, 0, { pages: 0, rate: '0', errors: 0, left: '?' });
      }
      bar.update(fraction === null ? 0 : Math.round(fraction * 1000), { pages, rate: rate.toFixed(1), errors: p.errorCount, left });
      if (p.done) stop();
    } else if (!p.done) {
      process.stderr.write(
        `ingest: ${pages} pages (${rate.toFixed(1)}/s), ${p.factsStored} facts, ${p.errorCount} errors` +
          (fraction !== null ? `, ${(fraction * 100).toFixed(0)}% of the input, about ${left} left` : '') +
          '\n',
      );
    }
  };
  const stop = () => {
    if (stopped) return;
    stopped = true;
    bar?.stop();
  };
  return { update, stop, interval: tty ? 200 : 5000 };
}

function formatDuration(secs: number): string {
  if (!Number.isFinite(secs)) return '?';
  if (secs < 60) return `${Math.round(secs)} s`;
  if (secs < 3600) return `${Math.floor(secs / 60)} min ${Math.round(secs % 60)} s`;
  return `${Math.floor(secs / 3600)} h ${Math.round((secs % 3600) / 60)} min`;
}
