/**
 * A pool of worker threads for the CPU stages, sized to the cores. Each worker is handed a few pages ahead (its
 * message queue), so that it keeps working while the main thread is busy writing a batch; it works on them in order,
 * so the page at the head of its queue is the one in progress. A worker that dies (a page that exhausts its heap, a
 * native crash) or runs past the time limit takes exactly that page with it: the page fails with a reason, the pages
 * queued behind it go back to the pool, the worker is replaced, and the run goes on.
 *
 * Workers run compiled JavaScript (dist/src/worker/page-worker.js): under ts-jest the sources are TypeScript, so tests
 * that use workers need `tsc` first (`npm test` does it).
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../paths.js';
import type { RuleSet } from '../extract/rules.js';
import type { RawPage } from '../types.js';
import { reviveRecord, type PageOutcome } from './outcome.js';
import type { WorkerRequest } from './page-worker.js';

export interface PoolOptions {
  size: number;
  pipelineVersion: string;
  ruleSet?: RuleSet;
  /** A page still in a worker after this long is abandoned and its worker replaced. Default 120 s. */
  timeoutMs?: number;
  /** Heap limit of each worker; a page that needs more fails alone. Default 1536 MB. */
  maxHeapMb?: number;
  /** Pages handed to a worker at once (the one in progress and those queued behind it). Default 8. */
  perWorker?: number;
  workerFile?: string;
}

interface Task {
  id: number;
  page: RawPage;
  hash?: string;
  resolve: (o: PageOutcome) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Pages handed to this worker, in the order it works on them: the first is in progress. */
  tasks: Task[];
  /** The time limit of the page in progress. */
  timer: NodeJS.Timeout | null;
  /** Set when the pool ended this worker on purpose (time limit, close): its exit is not a crash. */
  retired: boolean;
}

/** The cores this process may use. */
export function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** The compiled worker script, or null when the package has not been built. */
export function compiledWorkerFile(): string | null {
  const file = path.join(packageRoot(), 'dist', 'src', 'worker', 'page-worker.js');
  return existsSync(file) ? file : null;
}

/** Young-generation size of each worker's heap (MB). */
const YOUNG_GENERATION_MB = 8;

export class PagePool {
  private slots: Slot[] = [];
  private waiting: Task[] = [];
  private nextId = 1;
  private closed = false;
  private fatal: Error | null = null;
  private readonly file: string;
  private readonly timeoutMs: number;
  /** Pages whose worker died or timed out, for the summary. */
  restarts = 0;

  constructor(private readonly opts: PoolOptions) {
    const file = opts.workerFile ?? compiledWorkerFile();
    if (!file) throw new Error('worker threads need the compiled code: run `npm run build` first (or use --workers 0)');
    this.file = file;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
    for (let i = 0; i < Math.max(1, opts.size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Pages handed to the pool and not yet answered. */
  get pending(): number {
    return this.waiting.length + this.slots.reduce((n, s) => n + s.tasks.length, 0);
  }

  run(page: RawPage, hash?: string): Promise<PageOutcome> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (this.closed) return Promise.reject(new Error('the worker pool is closed'));
    return new Promise((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, page, hash, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map((s) => {
        s.retired = true;
        if (s.timer) clearTimeout(s.timer);
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.file, {
      workerData: { pipelineVersion: this.opts.pipelineVersion, ruleSet: this.opts.ruleSet },
      // A small young generation: V8's default (up to 48 MB a thread) only buys fewer scavenges, and this work
      // allocates fast enough to fill it; measured here, 8 MB took ~130 MB off a run's peak at the same speed.
      resourceLimits: { maxOldGenerationSizeMb: this.opts.maxHeapMb ?? 1536, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    });
    const slot: Slot = { worker, ready: false, tasks: [], timer: null, retired: false };
    worker.on('message', (msg: any) => {
      if (msg?.ready) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const task = slot.tasks[0];
      if (!task || msg.id !== task.id) return;
      this.finish(slot, msg.outcome.ok ? { ...msg.outcome, record: reviveRecord(msg.outcome.record) } : msg.outcome);
    });
    worker.on('error', (err: any) => this.lost(slot, err));
    worker.on('exit', (code) => this.lost(slot, new Error(`the worker thread exited with status ${code}`)));
    return slot;
  }

  private dispatch(): void {
    const perWorker = Math.max(1, this.opts.perWorker ?? 8);
    // Round by round, so that the workers fill up evenly.
    for (let depth = 1; depth <= perWorker && this.waiting.length; depth++) {
      for (const slot of this.slots) {
        if (!this.waiting.length) return;
        if (!slot.ready || slot.retired || slot.tasks.length >= depth) continue;
        const task = this.waiting.shift()!;
        slot.tasks.push(task);
        if (slot.tasks.length === 1) this.startClock(slot);
        slot.worker.postMessage({ id: task.id, page: task.page, hash: task.hash } satisfies WorkerRequest);
      }
    }
  }

  /** The time limit runs for the page at the head of the worker's queue. */
  private startClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = slot.tasks.length ? setTimeout(() => this.timedOut(slot), this.timeoutMs) : null;
  }

  private finish(slot: Slot, outcome: PageOutcome): void {
    const task = slot.tasks.shift()!;
    this.startClock(slot);
    task.resolve(outcome);
    this.dispatch();
  }

  private timedOut(slot: Slot): void {
    if (!slot.tasks.length) return;
    slot.retired = true;
    void slot.worker.terminate();
    this.replace(slot, { ok: false, reason: `processing took longer than ${Math.round(this.timeoutMs / 1000)} s; the page was abandoned` });
  }

  /** A worker died: before it was ready, the pool cannot work at all; with a page, that page fails alone. */
  private lost(slot: Slot, err: any): void {
    if (slot.retired || this.closed) return;
    slot.retired = true;
    if (!slot.ready && !slot.tasks.length) {
      this.fatal = new Error(`worker threads cannot start: ${err?.message ?? err}`);
      for (const t of this.waiting.splice(0)) t.reject(this.fatal);
      return;
    }
    const reason =
      err?.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `processing the page ran out of memory (heap limit ${this.opts.maxHeapMb ?? 1536} MB per worker)`
        : `processing the page crashed its worker (${err?.message ?? err})`;
    this.replace(slot, slot.tasks.length ? { ok: false, reason } : null);
  }

  private replace(slot: Slot, outcome: PageOutcome | null): void {
    this.restarts++;
    const i = this.slots.indexOf(slot);
    const [task, ...behind] = slot.tasks;
    if (slot.timer) clearTimeout(slot.timer);
    slot.tasks = [];
    // The pages queued behind the failed one were never started: they go first to the next free worker.
    this.waiting.unshift(...behind);
    if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    if (task && outcome) task.resolve(outcome);
    this.dispatch();
  }
}
