/**
 * Views that read the whole database — a rule's overlaps and conflicts (every document re-read with every rule) and
 * gold scores — take a second or more on a few hundred documents. Computed on the thread that serves pages, one
 * `/rules` request stalls every other page, and fifty stall them for a minute. So they are:
 *   - computed on a thread of their own (heavy-worker.ts), with its own read-only connection to the database;
 *   - computed once for any number of requests waiting for them at the same time;
 *   - kept until the data changes: a new or finished run (ingest, re-extraction) or a review from this server.
 * Without the compiled worker (tests on TypeScript sources) or without a database file, the same views are computed
 * on the calling thread, still once per change of the data.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { evaluate } from '../audit/eval.js';
import type { Counts } from '../audit/gold.js';
import { ruleStats, type RuleStats } from '../audit/stats.js';
import type { RuleSet } from '../extract/rules.js';
import { packageRoot } from '../paths.js';
import type { ReadStore } from '../store/types.js';

export type HeavyJob = { id: number; kind: 'ruleStats' } | { id: number; kind: 'goldScores'; goldFile: string };
export type HeavyReply = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

export interface HeavyViewsOptions {
  /** The SQLite file the server reads (null for a server database: the views are computed in this thread). */
  db: string | null;
  store: ReadStore;
  ruleSet: RuleSet;
  /** Changes whenever the data the views are made from may have changed. */
  stamp: () => string;
}

function compiledWorkerFile(): string | null {
  const file = path.join(packageRoot(), 'dist', 'src', 'server', 'heavy-worker.js');
  return existsSync(file) ? file : null;
}

export class HeavyViews {
  private readonly views = new Map<string, { stamp: string; value: Promise<unknown> }>();
  private worker: Worker | null = null;
  private readonly waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(private readonly opts: HeavyViewsOptions) {}

  /** Overlaps and conflicts per rule. */
  ruleStats(): Promise<RuleStats[]> {
    return this.view('ruleStats', { kind: 'ruleStats' }, () => ruleStats(this.opts.store, this.opts.ruleSet).rules) as Promise<RuleStats[]>;
  }

  /** Gold precision, recall and F1 per rule against a gold file. */
  goldScores(goldFile: string): Promise<Record<string, Counts>> {
    return this.view(`gold:${goldFile}`, { kind: 'goldScores', goldFile }, () => evaluate(this.opts.store, goldFile).byRule) as Promise<
      Record<string, Counts>
    >;
  }

  /** The view as of the data's current state: the one kept or being made, else a new one. */
  private view(key: string, job: { kind: 'ruleStats' } | { kind: 'goldScores'; goldFile: string }, inThread: () => unknown): Promise<unknown> {
    const stamp = this.opts.stamp();
    const kept = this.views.get(key);
    if (kept && kept.stamp === stamp) return kept.value;
    const value = this.compute(job, inThread);
    this.views.set(key, { stamp, value });
    // A failure is not kept: the next request tries again.
    value.catch(() => {
      if (this.views.get(key)?.value === value) this.views.delete(key);
    });
    return value;
  }

  private compute(job: { kind: 'ruleStats' } | { kind: 'goldScores'; goldFile: string }, inThread: () => unknown): Promise<unknown> {
    const worker = this.startWorker();
    if (!worker) {
      try {
        return Promise.resolve(inThread());
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ ...job, id } as HeavyJob);
    });
  }

  private startWorker(): Worker | null {
    if (this.worker) return this.worker;
    const file = compiledWorkerFile();
    if (!file || !this.opts.db) return null;
    const worker = new Worker(file, { workerData: { db: this.opts.db, ruleSet: this.opts.ruleSet } });
    worker.unref(); // an idle heavy-view thread does not keep the server's process alive
    worker.on('message', (reply: HeavyReply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (reply.ok) w.resolve(reply.result);
      else w.reject(new Error(reply.error));
    });
    const fail = (err: Error) => {
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
      if (this.worker === worker) this.worker = null; // the next request starts a new one
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the heavy-view thread stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }
}
