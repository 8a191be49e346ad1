/**
 * `newsfacts fetch <urls.txt | -> --out FILE.warc.gz`: downloads a URL list politely into a WARC archive that
 * `newsfacts ingest` reads. A progress bar on a terminal, a summary at the end, a per-URL table with `--report`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { defaultFetchOptions, fetchToWarc, readUrlList, resultsCsv, type FetchOptions, type FetchSummary } from '../fetch/fetch-to-warc.js';
import { UsageError, type SetExit } from './errors.js';

interface FetchCliOptions {
  out: string;
  report?: string;
  userAgent?: string;
  concurrency: string;
  perHost: string;
  interval: string;
  retries: string;
  backoff: string;
  maxRetryAfter: string;
  connectTimeout: string;
  timeout: string;
  maxBytes: string;
  maxRedirects: string;
  quiet?: boolean;
  failOnError?: boolean;
}

function count(name: string, value: string, min = 0): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min} (got ${value})`);
  return n;
}

function readInput(source: string): string {
  try {
    return readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (err: any) {
    throw new UsageError(`cannot read the URL list ${source}: ${err?.code === 'ENOENT' ? 'no such file' : err?.message ?? err}`);
  }
}

export function register(program: Command, setExit: SetExit): void {
  const d = defaultFetchOptions();
  program
    .command('fetch')
    .description('download a list of URLs politely into a WARC archive (resumable) for `ingest`')
    .argument('<urls>', 'file with one URL per line (# comments allowed), or - for stdin')
    .requiredOption('--out <file>', 'WARC archive to write or resume (.warc.gz: one gzip member per record; .warc: plain)')
    .option('--report <file>', 'write a per-URL status table as CSV')
    .option('--user-agent <ua>', 'User-Agent sent and matched against robots.txt', d.userAgent)
    .option('--concurrency <n>', 'requests in flight at once, all hosts together', String(d.politeness.concurrency))
    .option('--per-host <n>', 'requests in flight at once to one host', String(d.politeness.perHost))
    .option('--interval <ms>', 'minimum time between two requests to one host (robots.txt Crawl-delay can raise it)', String(d.politeness.intervalMs))
    .option('--retries <n>', 'retries after 429, 5xx and network errors', String(d.retry.retries))
    .option('--backoff <ms>', 'wait before the first retry, doubled for each further one', String(d.retry.backoffMs))
    .option('--max-retry-after <ms>', 'longest Retry-After waited for', String(d.retry.maxRetryAfterMs))
    .option('--connect-timeout <ms>', 'time to connect', String(d.connectTimeoutMs))
    .option('--timeout <ms>', 'time for the whole response', String(d.timeoutMs))
    .option('--max-bytes <n>', 'bodies are cut at this size (and marked truncated)', String(d.maxBytes))
    .option('--max-redirects <n>', 'redirects followed per URL', String(d.maxRedirects))
    .option('--quiet', 'no progress bar, only the summary')
    .option('--fail-on-error', 'exit with status 1 when any URL failed or ended in an HTTP error')
    .action(async (source: string, o: FetchCliOptions) => {
      if (!/\.warc(\.gz)?$/i.test(o.out)) throw new UsageError(`--out must name a .warc or .warc.gz file (got ${o.out})`);
      const urls = readUrlList(readInput(source));
      const opts: Partial<FetchOptions> = {
        userAgent: o.userAgent ?? d.userAgent,
        politeness: {
          concurrency: count('--concurrency', o.concurrency, 1),
          perHost: count('--per-host', o.perHost, 1),
          intervalMs: count('--interval', o.interval),
        },
        retry: {
          ...d.retry,
          retries: count('--retries', o.retries),
          backoffMs: count('--backoff', o.backoff),
          maxRetryAfterMs: count('--max-retry-after', o.maxRetryAfter),
        },
        connectTimeoutMs: count('--connect-timeout', o.connectTimeout, 1),
        timeoutMs: count('--timeout', o.timeout, 1),
        maxBytes: count('--max-bytes', o.maxBytes, 1),
        maxRedirects: count('--max-redirects', o.maxRedirects),
      };
      const summary = await withProgress(!o.quiet && Boolean(process.stderr.isTTY), (hooks) => fetchToWarc(urls, o.out, { ...opts, ...hooks }));
      if (o.report) writeFileSync(o.report, resultsCsv(summary.results));
      console.log(summaryLines(summary, o.out, o.report).join('\n'));
      if (o.failOnError && (summary.failed || summary.httpErrors)) setExit(1);
    });
}

type Hooks = Pick<FetchOptions, 'onStart' | 'onResult'>;

/** Runs the fetch with a progress bar on stderr when it is a terminal: done, failed, skipped, pages per second. */
async function withProgress(show: boolean, run: (hooks: Hooks) => Promise<FetchSummary>): Promise<FetchSummary> {
  if (!show) return run({});
  const bar = new cliProgress.SingleBar(
    {
      format: '{bar} {value}/{total} | done {done} failed {failed} skipped {skipped} | {rate} pages/s | ETA {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  const c = { done: 0, failed: 0, skipped: 0 };
  const t0 = Date.now();
  const payload = () => ({ ...c, rate: (c.done / Math.max(0.001, (Date.now() - t0) / 1000)).toFixed(2) });
  try {
    return await run({
      onStart: ({ total }) => bar.start(total, 0, payload()),
      onResult: (r) => {
        if (r.status === 'fetched') c.done++;
        else if (r.status === 'skipped') c.skipped++;
        else c.failed++;
        bar.increment(1, payload());
      },
    });
  } finally {
    bar.stop();
  }
}

function summaryLines(s: FetchSummary, out: string, report?: string): string[] {
  const secs = s.elapsedMs / 1000;
  const kb = (s.bytes / 1024).toFixed(0);
  const lines = [
    `fetch: ${s.total} URLs → ${out}: fetched ${s.fetched}, HTTP errors ${s.httpErrors}, failed ${s.failed}, skipped ${s.skipped} ` +
      `(${s.alreadyArchived} already in the archive); ${s.requests} requests, ${kb} KiB in ${secs.toFixed(1)} s ` +
      `(${(s.fetched / Math.max(secs, 0.001)).toFixed(2)} pages/s)`,
  ];
  if (s.cut) lines.push(`  cut ${s.cut.bytes} bytes off the end of the archive before appending: ${s.cut.reason}`);
  const problems = s.results.filter((r) => r.status === 'failed' || r.status === 'http_error' || (r.status === 'skipped' && r.reason !== 'already in the archive'));
  for (const r of problems.slice(0, 20)) lines.push(`  ${r.status}: ${r.url}: ${r.reason ?? ''}`);
  if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more${report ? ` (see ${report})` : ''}`);
  if (report) lines.push(`  report: ${report}`);
  return lines;
}
