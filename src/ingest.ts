/**
 * Ingesting a corpus into a store, at scale: inputs stream in (sources/), read ahead with bounded concurrency; the CPU
 * stages run in a pool of worker threads sized to the cores (worker/); ONE writer — this thread — stores the results
 * in batched transactions. Memory stays flat: at most a read-ahead window, the pages in the workers and one batch are
 * held at any time.
 *
 * Crash safety: documents are keyed by content hash and every batch is one transaction, so a run killed at any moment
 * leaves whole documents with all their facts or nothing of them; the same command run again skips what was stored
 * (same bytes, same pipeline version) and does the rest, ending where an uninterrupted run ends.
 *
 * Bad input never stops a run: each unreadable file or record and each page that fails becomes one row in the errors
 * table with its source, record and reason. A page that could be read but arrived damaged (invalid bytes, a charset
 * claim its bytes contradict) is stored AND gets an errors row saying so.
 */
import { readPages } from './sources/read-pages.js';
import { measureInputs } from './sources/inputs.js';
import { pipelineVersions } from './versions.js';
import { loadRuleSet, type RuleSet } from './extract/rules.js';
import { PagePool, cores } from './worker/pool.js';
import type { PageOutcome } from './worker/outcome.js';
import type { IngestStore, RunCounts, WritableDocument } from './store/types.js';
import { originalBytes } from './store/rows.js';
import { takeItem, type Road } from './road.js';
import type { Fact, RawPage } from './types.js';

export interface IngestError {
  source: string;
  record: string | null;
  reason: string;
  /** True when the page was stored despite the problem (damaged text, a wrong charset claim). */
  stored: boolean;
}

export interface IngestSummary extends RunCounts {
  runId: number;
  factsByType: Record<string, number>;
  factsByLang: Record<string, number>;
  /** The first errors of the run (all of them are in the errors table); `errorCount` counts every one. */
  errors: IngestError[];
  errorCount: number;
  /** Pages stored with a problem noted (also counted in pagesStored and errorCount). */
  pagesWithWarnings: number;
  /**
   * Pages stored without article text because the cleaner judged them index or list pages (or too short): not
   * errors, but never silent — each is noted in the errors table and the first ones are listed here.
   */
  pagesWithoutArticle: number;
  withoutArticle: Array<{ source: string; record: string | null; reason: string }>;
  /** Files and records that are not pages (images in a folder, WARC redirects, non-page JSONL): passed over, not errors. */
  recordsSkipped: number;
  /** The same, counted by what they are (`file .jpg`, `WARC record`, `JSONL file`). */
  skippedByKind: Record<string, number>;
  workers: number;
  elapsedMs: number;
  bytesRead: number;
  /** Stories of more than one document in the database after the run (when the store groups stories). */
  stories?: number;
}

export interface IngestProgress {
  pagesRead: number;
  pagesStored: number;
  pagesUnchanged: number;
  pagesFailed: number;
  errorCount: number;
  factsStored: number;
  /** Input bytes consumed so far and in all (null until the inputs have been measured). */
  bytesRead: number;
  bytesTotal: number | null;
  elapsedMs: number;
  done: boolean;
}

export interface IngestOptions {
  ruleSet?: RuleSet;
  command?: string;
  /** Worker threads for the CPU stages; default: one per core; 0 runs them in this thread. */
  workers?: number;
  /** Documents per write transaction (default 64; a batch is also written when it holds 16 MB or is 1 s old). */
  batchSize?: number;
  maxPageBytes?: number;
  readAhead?: number;
  /** Per-page time limit in a worker (default 120 s). */
  pageTimeoutMs?: number;
  onPage?: (source: string, status: 'stored' | 'unchanged' | 'failed') => void;
  onProgress?: (p: IngestProgress) => void;
  progressIntervalMs?: number;
}

/** How many errors a summary keeps in memory; the errors table has them all. */
const ERRORS_KEPT = 200;
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_AGE_MS = 1000;
/** Pages handed to each worker ahead: it keeps working while this thread writes a batch (a few hundred ms). */
const PAGES_PER_WORKER = 8;

export async function ingest(store: IngestStore, inputs: string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const started = Date.now();
  const ruleSet = opts.ruleSet ?? loadRuleSet();
  const v = pipelineVersions(ruleSet);
  const workers = Math.max(0, Math.floor(opts.workers ?? cores()));
  const runId = store.startRun({
    command: opts.command ?? 'ingest',
    inputs,
    codeVersion: v.code,
    rulesetVersion: v.ruleset,
    dictVersions: v.dicts,
    pipelineVersion: v.pipeline,
  });
  store.recordRunRules(runId, ruleSet.rules.map((r) => ({ id: r.id, version: r.version })));
  const s: IngestSummary = {
    runId,
    pagesRead: 0,
    pagesStored: 0,
    pagesUnchanged: 0,
    pagesFailed: 0,
    factsStored: 0,
    factsByType: {},
    factsByLang: {},
    errors: [],
    errorCount: 0,
    pagesWithWarnings: 0,
    pagesWithoutArticle: 0,
    withoutArticle: [],
    recordsSkipped: 0,
    skippedByKind: {},
    workers,
    elapsedMs: 0,
    bytesRead: 0,
  };
  const bytes = { bytes: 0 };
  let bytesTotal: number | null = null;
  void measureInputs(inputs).then(
    (m) => (bytesTotal = m.bytes),
    () => undefined,
  );
  const progress = (done: boolean): IngestProgress => ({
    pagesRead: s.pagesRead,
    pagesStored: s.pagesStored,
    pagesUnchanged: s.pagesUnchanged,
    pagesFailed: s.pagesFailed,
    errorCount: s.errorCount,
    factsStored: s.factsStored,
    bytesRead: bytes.bytes,
    bytesTotal: done ? bytes.bytes : bytesTotal,
    elapsedMs: Date.now() - started,
    done,
  });
  const ticker = opts.onProgress ? setInterval(() => opts.onProgress!(progress(false)), opts.progressIntervalMs ?? 1000) : null;
  ticker?.unref();

  const pool = workers > 0 ? new PagePool({ size: workers, pipelineVersion: v.pipeline, ruleSet, timeoutMs: opts.pageTimeoutMs, perWorker: PAGES_PER_WORKER }) : null;
  // Enough pages in flight to keep every worker's queue full while this thread writes a batch.
  const maxInFlight = pool ? pool.size * (PAGES_PER_WORKER + 1) : 1;
  const inFlight = new Set<Promise<void>>();
  // Content hashes handed to a worker or waiting in the batch: a second copy of the same bytes in this run is
  // "unchanged" at once, so the first copy (in input order) is the one stored, in every run.
  const pendingHashes = new Set<string>();
  const batchSize = Math.max(1, opts.batchSize ?? 64);
  let batch: Array<{ doc: WritableDocument; facts: Fact[] }> = [];
  let batchBytes = 0;
  let unchanged: string[] = [];
  let unchangedSources: string[] = [];
  let lastFlush = Date.now();

  const recordError = (source: string, record: string | null, reason: string, stored: boolean) => {
    s.errorCount++;
    if (s.errors.length < ERRORS_KEPT) s.errors.push({ source, record, reason, stored });
    store.recordError(runId, source, reason, record);
  };

  const flush = () => {
    lastFlush = Date.now();
    if (!batch.length && !unchanged.length) return;
    const docs = batch;
    const touched = unchanged;
    const touchedSources = unchangedSources;
    batch = [];
    batchBytes = 0;
    unchanged = [];
    unchangedSources = [];
    const results = store.writeBatch(runId, { documents: docs, unchanged: touched });
    docs.forEach(({ doc, facts }, i) => {
      pendingHashes.delete(doc.contentHash);
      s.pagesStored++;
      s.factsStored += results[i].facts;
      for (const f of facts) {
        s.factsByType[f.type] = (s.factsByType[f.type] ?? 0) + 1;
        s.factsByLang[doc.lang] = (s.factsByLang[doc.lang] ?? 0) + 1;
      }
      opts.onPage?.(doc.source, 'stored');
    });
    for (const src of touchedSources) opts.onPage?.(src, 'unchanged');
  };

  // Ingest's road (road.ts): this thread's store answers synchronously, the page function runs on a worker thread.
  const runPage = async (page: RawPage, hash: string): Promise<PageOutcome> => {
    if (pool) return pool.run(page, hash);
    // Loaded here, not at the top: with worker threads this thread never runs the stages.
    const { processForStore } = await import('./page.js');
    return processForStore(page, ruleSet, v.pipeline, hash);
  };
  const road: Road = {
    pipelineVersion: v.pipeline,
    // A second copy of bytes already handed to a worker or waiting in the batch is unchanged at once, so the first
    // copy (in input order) is the one stored, in every run.
    storedVersion: (hash) => (pendingHashes.has(hash) ? v.pipeline : store.documentVersion(hash)),
    touch: (hash, page) => {
      s.pagesUnchanged++;
      if (pendingHashes.has(hash)) {
        opts.onPage?.(page.source, 'unchanged');
        return;
      }
      unchanged.push(hash);
      unchangedSources.push(page.source);
      if (unchanged.length >= batchSize * 4) flush();
    },
    process: (page, hash) => {
      pendingHashes.add(hash);
      return runPage(page, hash).then((outcome) => {
        if (!outcome.ok) pendingHashes.delete(hash);
        return outcome;
      });
    },
    recordError: (source, record, reason, note) => {
      if (!note) {
        s.pagesFailed++;
        recordError(source, record, reason, false);
        opts.onPage?.(source, 'failed');
      } else if (note.kind === 'warning') {
        s.pagesWithWarnings++;
        recordError(source, record, reason, true);
      } else {
        s.pagesWithoutArticle++;
        if (s.withoutArticle.length < ERRORS_KEPT) s.withoutArticle.push({ source, record, reason: note.said });
        store.recordError(runId, source, reason, record);
      }
    },
    store: (doc, facts) => {
      batch.push({ doc, facts });
      batchBytes += originalBytes(doc);
      if (batch.length >= batchSize || batchBytes >= BATCH_BYTES || Date.now() - lastFlush >= BATCH_AGE_MS) flush();
    },
  };

  let status: 'done' | 'failed' = 'done';
  try {
    for await (const item of readPages(inputs, { maxPageBytes: opts.maxPageBytes, readAhead: opts.readAhead, progress: bytes })) {
      if (item.kind === 'skipped') {
        s.recordsSkipped++;
        const what = item.what ?? 'record';
        s.skippedByKind[what] = (s.skippedByKind[what] ?? 0) + 1;
        continue;
      }
      s.pagesRead++;
      const task: Promise<void> = takeItem(item, road)
        .then(() => undefined)
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
      if (Date.now() - lastFlush >= BATCH_AGE_MS) flush();
    }
    await Promise.all(inFlight);
    flush();
    // Stories (reprints) are a property of the corpus, not of a page: grouped once the run's pages are stored.
    if (s.pagesStored) s.stories = store.assignStories().stories;
  } catch (err) {
    status = 'failed';
    throw err;
  } finally {
    if (ticker) clearInterval(ticker);
    await pool?.close();
    s.elapsedMs = Date.now() - started;
    s.bytesRead = bytes.bytes;
    store.finishRun(runId, s, status);
    opts.onProgress?.(progress(true));
  }
  return s;
}

/** A file-system error as a person would put it (kept for callers of the first version). */
export { fsReason as reason } from './sources/types.js';
