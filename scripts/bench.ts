/**
 * `npm run bench` (node dist/scripts/bench.js): throughput and memory of newsfacts on real pages, beside the floor
 * (a bare Cheerio parse) and Readability on linkedom, measured in one run on the same pages.
 *
 * Pages: ../shared/eval/html and ../shared/eval/html-unlabeled, repeated with a small variation each (a comment with
 * the copy's number, so that every copy has its own content hash) into a temporary folder.
 *
 * Measured:
 *   - pages/s and MB/s, one thread, over `--pages` pages: cheerio.load (htmlparser2 and parse5), the clean stage alone
 *     (decoded pages in, as Cheerio gets them), Readability on linkedom (boilerplate removal alone);
 *   - the whole pipeline into SQLite (a fresh database) with 1 and with 2 worker threads, wall time, as `newsfacts
 *     ingest` runs it (a child process each, startup included);
 *   - Readability and the two pipeline runs `--repeat` times, interleaved, each row the median run: on a shared
 *     machine one run can be 20 % off another, and a ratio of two single runs says little;
 *   - peak resident memory (maxRSS) of a whole-pipeline run over each of `--memory` page counts (default workers).
 *
 * Options: --pages N (default 1000), --repeat N (default 3), --compare DIR (a built checkout whose pipeline runs
 *   interleaved with ours: `git worktree add ../base REV && (cd ../base && npm ci)`), --memory A,B (default 1000,2000; the README figure uses
 * 1000,20000), --out FILE
 * (default dist/bench.json). Everything is written to a temp folder that is removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fg from 'fast-glob';
import * as cheerio from 'cheerio';
import { decodePage } from '../src/decode/decode.js';
import { cleanPage } from '../src/clean/index.js';
import { ingest } from '../src/ingest.js';
import { SqliteStore } from '../src/store/sqlite/store.js';
import { packageRoot } from '../src/paths.js';
import type { DecodedPage } from '../src/types.js';

const root = packageRoot();
const EVAL = path.resolve(root, '../shared/eval');

interface Row {
  what: string;
  pages: number;
  seconds: number;
  pagesPerSec: number;
  mbPerSec: number;
  msPerPage: number;
  note?: string;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

/** The shared pages' bytes (gunzipped when stored as .gz), in a stable order. */
function sourcePages(): Array<{ name: string; bytes: Buffer }> {
  const files = fg.sync(['html/**/*.{html,htm,html.gz,htm.gz}', 'html-unlabeled/**/*.{html,htm,html.gz,htm.gz}'], { cwd: EVAL }).sort();
  if (!files.length) throw new Error(`no pages under ${EVAL}/html and html-unlabeled`);
  return files.map((f) => {
    const raw = readFileSync(path.join(EVAL, f));
    return { name: f.replace(/[\\/]/g, '_').replace(/\.gz$/, ''), bytes: f.endsWith('.gz') ? gunzipSync(raw) : raw };
  });
}

/** Copy `i` of a page: a comment with the copy number before the end (or at the end): a new content hash, same text. */
function variant(bytes: Buffer, i: number): Buffer {
  const mark = Buffer.from(`\n<!-- newsfacts bench copy ${i} -->\n`);
  const at = bytes.lastIndexOf(Buffer.from('</body>'));
  return at < 0 ? Buffer.concat([bytes, mark]) : Buffer.concat([bytes.subarray(0, at), mark, bytes.subarray(at)]);
}

function writeCorpus(dir: string, pages: Array<{ name: string; bytes: Buffer }>, n: number): number {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const p = pages[i % pages.length];
    const b = variant(p.bytes, i);
    bytes += b.length;
    // 500 files per folder keeps directory listings small.
    const sub = path.join(dir, String(Math.floor(i / 500)).padStart(3, '0'));
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(path.join(sub, `${String(i).padStart(6, '0')}-${p.name}`), b);
  }
  return bytes;
}

function timed(what: string, items: DecodedPage[], bytes: number, fn: (p: DecodedPage) => unknown, note?: string): Row {
  let failures = 0;
  const t0 = performance.now();
  for (const p of items) {
    try {
      fn(p);
    } catch {
      failures++;
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  return row(what, items.length, seconds, bytes, failures ? `${note ? note + '; ' : ''}${failures} pages threw` : note);
}

function row(what: string, pages: number, seconds: number, bytes: number, note?: string): Row {
  return {
    what,
    pages,
    seconds: round(seconds, 2),
    pagesPerSec: round(pages / seconds, 1),
    mbPerSec: round(bytes / 1024 / 1024 / seconds, 2),
    msPerPage: round((seconds * 1000) / pages, 2),
    ...(note ? { note } : {}),
  };
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

/** The median item by `key` (the lower middle one for an even count). */
function median<T>(items: T[], key: (t: T) => number): T {
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

/**
 * A whole-pipeline ingest in a child process (as the CLI runs it): wall time and peak RSS. `script` is this file, or
 * a peer checkout's built bench (`--compare`), whose `--child` runs that checkout's pipeline on the same pages.
 */
function childIngest(
  dir: string,
  workers: number | null,
  script: string = fileURLToPath(import.meta.url),
): { seconds: number; maxRssMb: number; stored: number; failed: number; facts: number } {
  const db = path.join(path.dirname(dir), `bench-${path.basename(dir)}-${workers ?? 'default'}-${Date.now()}.sqlite`);
  const args = [script, '--child', dir, db, workers === null ? '' : String(workers)];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  // Each run's database (~190 MB per 1,000 pages) goes at once: twenty of them would fill a small temp disk.
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  if (r.status !== 0) throw new Error(`bench child failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

async function child(dir: string, db: string, workers: string): Promise<void> {
  const t0 = performance.now();
  const store = new SqliteStore(db);
  const s = await ingest(store, [dir], { workers: workers === '' ? undefined : Number(workers) });
  store.close();
  const seconds = (performance.now() - t0) / 1000;
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, maxRssMb: round(maxRssMb, 1), stored: s.pagesStored, failed: s.pagesFailed, facts: s.factsStored }));
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4], process.argv[5] ?? '');
  const nPages = Number(arg('--pages', '1000'));
  // A peer checkout (built: its dist/scripts/bench.js) whose whole pipeline runs interleaved with ours on the same
  // pages, so that "not slower than before" is measured in one run on one machine (`git worktree add ../base REV`).
  const compare = arg('--compare', '');
  const peerBench = compare ? path.resolve(compare, 'dist', 'scripts', 'bench.js') : null;
  if (peerBench && !existsSync(peerBench)) throw new Error(`--compare ${compare}: no dist/scripts/bench.js there (build that checkout first: npm ci && npm run build)`);
  const repeat = Math.max(1, Number(arg('--repeat', '3')));
  const memory = arg('--memory', '1000,2000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const out = path.resolve(arg('--out', path.join(root, 'dist', 'bench.json')));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-bench-'));
  try {
    const pages = sourcePages();
    console.log(`newsfacts bench: ${pages.length} shared pages, ${nPages} pages per stage, ${repeat} runs of Readability and the pipeline, memory runs at ${memory.join(', ')} pages; ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'})`);

    // One thread, in this process: the same decoded pages for every extractor.
    // Each shared page decoded once and visited in turn until nPages: the in-process stages keep nothing between
    // pages, and holding 1,000 decoded copies would make every garbage collection in this process (Readability's
    // above all) walk a heap ten times the size it has in real use.
    const distinct: Array<{ page: DecodedPage; bytes: number }> = [];
    for (const p of pages) {
      try {
        distinct.push({ page: decodePage({ source: p.name, bytes: p.bytes, format: 'html' }), bytes: p.bytes.length });
      } catch {
        /* binary or unreadable: not part of the comparison */
      }
    }
    const decoded: DecodedPage[] = [];
    let bytes = 0;
    for (let i = 0; i < nPages; i++) {
      const d = distinct[i % distinct.length];
      decoded.push(d.page);
      bytes += d.bytes;
    }
    const { Readability } = await import('@mozilla/readability');
    const { parseHTML } = await import('linkedom');
    // Warm-up, so that module loading and JIT are not in the first measured page.
    for (const p of decoded.slice(0, 5)) {
      cheerio.load(p.content, { xml: { xmlMode: false, decodeEntities: true } } as any);
      cleanPage(p);
      new Readability(parseHTML(p.content).document as any).parse();
    }
    const rows: Row[] = [];
    rows.push(timed('cheerio.load, htmlparser2 (floor)', decoded, bytes, (p) => cheerio.load(p.content, { xml: { xmlMode: false, decodeEntities: true } } as any)));
    rows.push(timed('cheerio.load, parse5', decoded, bytes, (p) => cheerio.load(p.content)));
    rows.push(timed('newsfacts clean stage alone', decoded, bytes, (p) => cleanPage(p)));

    // Readability and the whole pipeline into SQLite (as `newsfacts ingest` runs it), interleaved, `repeat` times.
    const speedDir = path.join(tmp, `pages-${nPages}`);
    const speedBytes = writeCorpus(speedDir, pages, nPages);
    const readability: Row[] = [];
    const pipeline: Record<1 | 2, Array<ReturnType<typeof childIngest>>> = { 1: [], 2: [] };
    const peer: Record<1 | 2, Array<ReturnType<typeof childIngest>>> = { 1: [], 2: [] };
    for (let r = 0; r < repeat; r++) {
      readability.push(timed('Readability on linkedom (boilerplate removal alone)', decoded, bytes, (p) => new Readability(parseHTML(p.content).document as any).parse()));
      for (const w of [1, 2] as const) {
        // The peer beside ours on the same pages, first in every other round: a shared machine's drift, and whatever
        // one run leaves behind for the next (its database still being written back to disk), fall on both alike.
        if (peerBench && r % 2 === 1) peer[w].push(childIngest(speedDir, w, peerBench));
        pipeline[w].push(childIngest(speedDir, w));
        if (peerBench && r % 2 === 0) peer[w].push(childIngest(speedDir, w, peerBench));
      }
    }
    const spread = (xs: number[]) => (repeat > 1 ? `runs ${xs.map((x) => x.toFixed(1)).join(', ')} s` : '');
    const readabilityMedian = median(readability, (r) => r.seconds);
    rows.push({ ...readabilityMedian, note: [readabilityMedian.note, spread(readability.map((r) => r.seconds))].filter(Boolean).join('; ') });
    for (const w of [1, 2] as const) {
      const r = median(pipeline[w], (x) => x.seconds);
      const note = [`${r.facts} facts, ${r.failed} failed, peak RSS ${r.maxRssMb} MB`, spread(pipeline[w].map((x) => x.seconds))].filter(Boolean).join("; ");
      rows.push(row(`whole pipeline into SQLite, ${w} worker${w === 1 ? '' : 's'} (wall, startup included)`, nPages, r.seconds, speedBytes, note));
    }
    const peerRows: Row[] = [];
    if (peerBench) {
      for (const w of [1, 2] as const) {
        const r = median(peer[w], (x) => x.seconds);
        const note = [`${r.facts} facts, ${r.failed} failed, peak RSS ${r.maxRssMb} MB`, spread(peer[w].map((x) => x.seconds))].filter(Boolean).join('; ');
        peerRows.push(row(`peer ${compare}: whole pipeline, ${w} worker${w === 1 ? '' : 's'}`, nPages, r.seconds, speedBytes, note));
      }
      rows.push(...peerRows);
    }

    const mem: Array<{ pages: number; maxRssMb: number; seconds: number; pagesPerSec: number }> = [];
    for (const n of memory) {
      const dir = path.join(tmp, `mem-${n}`);
      writeCorpus(dir, pages, n);
      const r = childIngest(dir, null);
      mem.push({ pages: n, maxRssMb: r.maxRssMb, seconds: round(r.seconds, 1), pagesPerSec: round(n / r.seconds, 1) });
      rmSync(dir, { recursive: true, force: true });
    }

    const byWhat = (s: string) => rows.find((r) => r.what.startsWith(s))!;
    const ratios = {
      cleanVsHtmlparser2: round(byWhat('newsfacts clean').msPerPage / byWhat('cheerio.load, htmlparser2').msPerPage, 2),
      pipeline2WorkersVsReadability: round(byWhat('whole pipeline into SQLite, 2').pagesPerSec / byWhat('Readability').pagesPerSec, 2),
      pipeline1WorkerVsReadability: round(byWhat('whole pipeline into SQLite, 1').pagesPerSec / byWhat('Readability').pagesPerSec, 2),
      scaling2vs1: round(byWhat('whole pipeline into SQLite, 2').pagesPerSec / byWhat('whole pipeline into SQLite, 1').pagesPerSec, 2),
      memoryGrowth: mem.length > 1 ? round(mem[mem.length - 1].maxRssMb / mem[0].maxRssMb, 2) : null,
    };
    const peerRatio = (w: 1 | 2) => {
      const ours = byWhat(`whole pipeline into SQLite, ${w}`).pagesPerSec;
      const theirs = peerRows.find((r) => r.what.includes(`, ${w} worker`));
      return theirs ? round(ours / theirs.pagesPerSec, 3) : null;
    };
    const result = {
      at: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model ?? null, loadavg: os.loadavg().map((x) => round(x, 2)), node: process.version },
      pages: nPages,
      rows,
      memory: mem,
      ratios,
      ...(peerBench ? { peer: { checkout: compare, vsPeer1Worker: peerRatio(1), vsPeer2Workers: peerRatio(2) } } : {}),
    };
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n');

    console.log('\n' + table(['stage', 'pages', 's', 'pages/s', 'MB/s', 'ms/page', 'note'], rows.map((r) => [r.what, r.pages, r.seconds, r.pagesPerSec, r.mbPerSec, r.msPerPage, r.note ?? ''])));
    console.log('\n' + table(['pages', 'peak RSS MB', 's', 'pages/s'], mem.map((m) => [m.pages, m.maxRssMb, m.seconds, m.pagesPerSec])));
    console.log(
      `\nclean stage / htmlparser2 parse: ${ratios.cleanVsHtmlparser2}× the time (target ≤ 2)` +
        `\nwhole pipeline, 2 workers, vs Readability alone in one thread: ${ratios.pipeline2WorkersVsReadability}× as fast (target ≥ 4); per core (1 worker): ${ratios.pipeline1WorkerVsReadability}×` +
        `\nscaling 1 → 2 workers: ${ratios.scaling2vs1}×` +
        (peerBench ? `\nwhole pipeline against the peer ${compare} (same pages, interleaved; ≥ 0.90 = not more than 10 % slower): 1 worker ${peerRatio(1)}×, 2 workers ${peerRatio(2)}×` : '') +
        (ratios.memoryGrowth !== null ? `\npeak memory ${mem[mem.length - 1].pages} vs ${mem[0].pages} pages: ${ratios.memoryGrowth}× (target ≤ 1.2, and < 300 MB)` : '') +
        `\nload average during the run: ${result.machine.loadavg.join(' ')} (other work on the machine slows every figure alike)` +
        `\nwritten to ${path.relative(process.cwd(), out) || out}`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (typeof rows[0]?.[i] === 'number' ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

main().catch((err) => {
  console.error(`bench: ${err?.stack ?? err}`);
  process.exitCode = 1;
});

