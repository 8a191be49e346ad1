/**
 * The work queue on Redis, through BullMQ: producers enqueue units (`ingest --queue`), workers on any number of
 * machines take them (`newsfacts worker`), `newsfacts status` reads the counts. Retries, backoff and the recovery of
 * units whose worker died (stalled jobs) are BullMQ's own.
 */
import { Queue, Worker, type Job } from 'bullmq';
import { loadRuleSet } from '../extract/rules.js';
import { pipelineVersions } from '../pipeline.js';
import type { Async } from '../store/async.js';
import type { IngestStore } from '../store/types.js';
import type { RunCounts } from '../store/types.js';
import { closeConnection, parseQueueUrl, redisConnection } from './connection.js';
import { addCounts, emptyCounts, processUnit } from './process.js';
import { describeUnit, planUnits, unitId, type WorkUnit } from './units.js';

/** How a failed unit is retried: 5 tries, 2 s, 4 s, 8 s, 16 s apart. */
export const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2000 },
  // Finished units are kept a week: their results feed `status`, and their ids keep a second producer of the same
  // inputs from enqueueing them again.
  removeOnComplete: { age: 7 * 24 * 3600 },
  removeOnFail: false,
} as const;

export interface EnqueueOptions {
  linesPerUnit?: number;
  onUnit?: (unit: WorkUnit) => void;
}

export interface EnqueueSummary {
  queue: string;
  units: number;
  /** Units not already in the queue (another producer, or an earlier run, may have added the others). */
  added: number;
}

/**
 * `ingest <inputs> --queue redis://…`: plans the units of the inputs and adds them to the queue, each under a job id
 * derived from the unit, so that overlapping producers add each unit once.
 */
export async function enqueueInputs(inputs: string[], queueUrl: string, opts: EnqueueOptions = {}): Promise<EnqueueSummary> {
  const where = parseQueueUrl(queueUrl);
  const connection = await redisConnection(where.redisUrl);
  const queue = new Queue(where.name, { connection });
  const s: EnqueueSummary = { queue: where.name, units: 0, added: 0 };
  try {
    let batch: Array<{ name: string; data: WorkUnit; opts: { jobId: string } & typeof JOB_OPTIONS }> = [];
    const flush = async () => {
      if (!batch.length) return;
      const ids = batch.map((b) => b.opts.jobId);
      const before = await Promise.all(ids.map((id) => queue.getJob(id)));
      await queue.addBulk(batch as any);
      s.added += before.filter((j) => !j).length;
      batch = [];
    };
    for await (const unit of planUnits(inputs, opts.linesPerUnit)) {
      s.units++;
      opts.onUnit?.(unit);
      batch.push({ name: unit.kind, data: unit, opts: { jobId: unitId(unit), ...JOB_OPTIONS } });
      if (batch.length >= 500) await flush();
    }
    await flush();
  } finally {
    await queue.close();
    await closeConnection(connection);
  }
  return s;
}

export interface WorkerOptions {
  /** Units processed at once by this process (default 1: run one worker process per core). */
  concurrency?: number;
  /** How long a unit's lock lasts without renewal; a dead worker's unit goes back to the queue after about this long. */
  lockMs?: number;
  pageDelayMs?: number;
  /** Stop when nothing is waiting, delayed or active any more. */
  exitWhenDrained?: boolean;
  log?: (line: string) => void;
}

export interface RunningWorker {
  runId: number;
  counts: RunCounts;
  /** Resolves when the worker has stopped (drained, or `stop()`). */
  done: Promise<void>;
  /** Finishes the units in hand, then stops. */
  stop: () => Promise<void>;
}

/** `newsfacts worker`: takes units from the queue and stores their pages, until stopped. */
export async function startWorker(queueUrl: string, store: Async<IngestStore>, opts: WorkerOptions = {}): Promise<RunningWorker> {
  const where = parseQueueUrl(queueUrl);
  const log = opts.log ?? (() => undefined);
  const ruleSet = loadRuleSet();
  const v = pipelineVersions(ruleSet);
  const runId = await store.startRun({
    command: `worker ${where.name}`,
    inputs: [`queue:${where.name}`],
    codeVersion: v.code,
    rulesetVersion: v.ruleset,
    dictVersions: v.dicts,
    pipelineVersion: v.pipeline,
  });
  const counts = emptyCounts();
  const lockDuration = opts.lockMs ?? 30_000;
  const connections = [await redisConnection(where.redisUrl), await redisConnection(where.redisUrl)];
  const queue = new Queue(where.name, { connection: connections[1] });
  const queueEmpty = async () => {
    const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
    return Object.values(c).every((n) => n === 0);
  };

  // Stories: ingest groups documents at the end of its run; the queue's run ends when its last unit is done, so the
  // worker that finishes it (sees nothing waiting, delayed or in progress anywhere) groups the whole store — after
  // each unit it finished, at most one grouping at a time in this process, and the store's own lock makes groupings
  // of several workers take turns. Until then `summary` says how many documents are not grouped yet.
  let finishedSinceGrouping = false;
  let grouping: Promise<void> | null = null;
  const groupIfDone = (): Promise<void> =>
    (grouping ??= (async () => {
      try {
        if (!finishedSinceGrouping || !(await queueEmpty())) return;
        finishedSinceGrouping = false;
        const s = await store.assignStories();
        log(`queue drained: stories grouped (${s.documents} documents, ${s.stories} stories of 2 or more, ${s.changed} changed)`);
        // A unit finished while this grouping ran: look again once it is over.
        if (finishedSinceGrouping && !stopping) setImmediate(() => void groupIfDone());
      } catch (err) {
        finishedSinceGrouping = true;
        log(`grouping stories failed: ${(err as Error).message} (run 'newsfacts stories --update')`);
      } finally {
        grouping = null;
      }
    })());

  const worker = new Worker(
    where.name,
    async (job: Job<WorkUnit>) => {
      log(`unit ${job.id} started: ${describeUnit(job.data)} (attempt ${job.attemptsMade + 1})`);
      const result = await processUnit(job.data, {
        store,
        runId,
        ruleSet,
        pipelineVersion: v.pipeline,
        pageDelayMs: opts.pageDelayMs,
        onPage: (n) => job.updateProgress(n),
      });
      addCounts(counts, result);
      log(`unit ${job.id} done: ${result.pagesRead} pages, ${result.pagesStored} stored, ${result.pagesFailed} failed`);
      return result;
    },
    {
      connection: connections[0],
      concurrency: opts.concurrency ?? 1,
      lockDuration,
      stalledInterval: Math.max(1000, Math.floor(lockDuration / 2)),
      maxStalledCount: 3,
      autorun: false,
    },
  );
  worker.on('failed', (job, err) => log(`unit ${job?.id} failed: ${err.message}`));
  worker.on('error', (err) => log(`queue error: ${err.message}`));
  worker.on('completed', () => {
    finishedSinceGrouping = true;
    void groupIfDone();
  });

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      await worker.close();
      await grouping;
      await groupIfDone();
      await store.finishRun(runId, counts, 'done');
      await queue.close();
      for (const c of connections) await closeConnection(c);
    })());

  if (opts.exitWhenDrained) {
    let checking = false;
    const check = async () => {
      if (checking || stopping) return;
      checking = true;
      try {
        if (await queueEmpty()) {
          clearInterval(timer);
          await stop();
        }
      } finally {
        checking = false;
      }
    };
    const timer = setInterval(() => void check().catch((err) => log(`status check failed: ${err.message}`)), 1000);
  }
  const done = worker.run().then(() => stopping ?? undefined);
  return { runId, counts, done: done.then(() => undefined), stop };
}

export interface QueueStatus {
  queue: string;
  waiting: number;
  active: number;
  delayed: number;
  done: number;
  failed: number;
  /** Pages in the units finished recently, per second of their span (first start to last finish). */
  pagesPerSecond: number | null;
  pagesDone: number;
  failedUnits: Array<{ id: string; unit: string; attempts: number; reason: string }>;
}

/** `newsfacts status`: the queue's counts, recent throughput, and the failed units with their reasons. */
export async function queueStatus(queueUrl: string, recent = 1000): Promise<QueueStatus> {
  const where = parseQueueUrl(queueUrl);
  const connection = await redisConnection(where.redisUrl);
  const queue = new Queue(where.name, { connection });
  try {
    const c = await queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed');
    const completed = await queue.getJobs(['completed'], 0, recent - 1);
    let pages = 0;
    let first = Infinity;
    let last = 0;
    for (const j of completed) {
      pages += Number((j.returnvalue as RunCounts | undefined)?.pagesRead ?? 0);
      if (j.processedOn) first = Math.min(first, j.processedOn);
      if (j.finishedOn) last = Math.max(last, j.finishedOn);
    }
    const failed = await queue.getJobs(['failed'], 0, 99);
    return {
      queue: where.name,
      waiting: (c.waiting ?? 0) + (c.prioritized ?? 0),
      active: c.active ?? 0,
      delayed: c.delayed ?? 0,
      done: c.completed ?? 0,
      failed: c.failed ?? 0,
      pagesDone: pages,
      pagesPerSecond: last > first ? pages / ((last - first) / 1000) : null,
      failedUnits: failed.map((j) => ({
        id: String(j.id),
        unit: describeUnit(j.data as WorkUnit),
        attempts: j.attemptsMade,
        reason: j.failedReason ?? '',
      })),
    };
  } finally {
    await queue.close();
    await closeConnection(connection);
  }
}

/** Removes a queue and all its jobs (tests, or starting a study over). */
export async function removeQueue(queueUrl: string): Promise<void> {
  const where = parseQueueUrl(queueUrl);
  const connection = await redisConnection(where.redisUrl);
  const queue = new Queue(where.name, { connection });
  try {
    await queue.obliterate({ force: true });
  } finally {
    await queue.close();
    await closeConnection(connection);
  }
}
