/**
 * The PostgreSQL store behind the synchronous `Store` interface, so that every existing command (`facts`, `show`,
 * `sql`, `audit …`, `serve`) works with `--db postgres://…` without being rewritten: the async pg client runs in a
 * worker thread (sync-worker.ts) and each call blocks this thread on Atomics.wait until the answer is posted back.
 * Meant for commands that read; the bulk write path (queue workers) uses the async store directly.
 *
 * The worker thread runs compiled JavaScript, so this needs `npm run build` (dist/) as the other worker threads do.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { packageRoot } from '../../paths.js';
import { TrackedText } from '../../offsets.js';
import type { Store } from '../types.js';
import type { PostgresOptions } from './store.js';

/** Longest a single call may take before the caller gives up (a query over a very large database can be slow). */
const CALL_TIMEOUT_MS = 30 * 60_000;

export function openPostgresSync(url: string, opts: PostgresOptions = {}): Store {
  const script = path.join(packageRoot(), 'dist', 'src', 'store', 'postgres', 'sync-worker.js');
  if (!existsSync(script)) throw new Error(`PostgreSQL access needs the build: run 'npm run build' (missing ${script})`);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(script, { workerData: { url, opts, signal, port: port2 }, transferList: [port2] });
  worker.unref();
  let closed = false;

  function call(method: keyof Store | 'open', args: unknown[]): any {
    if (closed) throw new Error('the PostgreSQL store is closed');
    Atomics.store(signal, 0, 0);
    port1.postMessage({ method, args: toWire(args) });
    if (Atomics.wait(signal, 0, 0, CALL_TIMEOUT_MS) === 'timed-out') throw new Error(`PostgreSQL call ${method} timed out`);
    const reply = receiveMessageOnPort(port1)?.message as { ok?: unknown; error?: { message: string; code?: string } } | undefined;
    if (!reply) throw new Error(`PostgreSQL call ${method}: no answer from the store thread`);
    if (reply.error) throw Object.assign(new Error(reply.error.message), { code: reply.error.code });
    return fromWire(reply.ok);
  }

  call('open', []);
  return new PostgresSyncStore(call, () => {
    if (closed) return;
    try {
      call('close', []);
    } finally {
      closed = true;
      port1.close();
      void worker.terminate();
    }
  });
}

type Call = (method: keyof Store, args: unknown[]) => any;

/** Every method of the contract, each one call to the store thread; the compiler checks that none is missing. */
class PostgresSyncStore implements Store {
  constructor(
    private readonly call: Call,
    readonly close: () => void,
  ) {}
  startRun(...a: Parameters<Store['startRun']>) { return this.call('startRun', a); }
  finishRun(...a: Parameters<Store['finishRun']>) { return this.call('finishRun', a); }
  recordRunRules(...a: Parameters<Store['recordRunRules']>) { return this.call('recordRunRules', a); }
  documentVersion(...a: Parameters<Store['documentVersion']>) { return this.call('documentVersion', a); }
  touchDocument(...a: Parameters<Store['touchDocument']>) { return this.call('touchDocument', a); }
  putDocument(...a: Parameters<Store['putDocument']>) { return this.call('putDocument', a); }
  writeBatch(...a: Parameters<Store['writeBatch']>) { return this.call('writeBatch', a); }
  assignStories(...a: Parameters<Store['assignStories']>) { return this.call('assignStories', a); }
  recordError(...a: Parameters<Store['recordError']>) { return this.call('recordError', a); }
  facts(...a: Parameters<Store['facts']>) { return this.call('facts', a); }
  fact(...a: Parameters<Store['fact']>) { return this.call('fact', a); }
  document(...a: Parameters<Store['document']>) { return this.call('document', a); }
  documents(...a: Parameters<Store['documents']>) { return this.call('documents', a); }
  errors(...a: Parameters<Store['errors']>) { return this.call('errors', a); }
  runs(...a: Parameters<Store['runs']>) { return this.call('runs', a); }
  factsAtRun(...a: Parameters<Store['factsAtRun']>) { return this.call('factsAtRun', a); }
  runRules(...a: Parameters<Store['runRules']>) { return this.call('runRules', a); }
  reviews(...a: Parameters<Store['reviews']>) { return this.call('reviews', a); }
  query(...a: Parameters<Store['query']>) { return this.call('query', a); }
  replaceFacts(...a: Parameters<Store['replaceFacts']>) { return this.call('replaceFacts', a); }
  putReview(...a: Parameters<Store['putReview']>) { return this.call('putReview', a); }
  browseFacts(...a: Parameters<Store['browseFacts']>) { return this.call('browseFacts', a); }
  countFacts(...a: Parameters<Store['countFacts']>) { return this.call('countFacts', a); }
  countFactsBy(...a: Parameters<Store['countFactsBy']>) { return this.call('countFactsBy', a); }
  ruleSummaries(...a: Parameters<Store['ruleSummaries']>) { return this.call('ruleSummaries', a); }
  sampleFacts(...a: Parameters<Store['sampleFacts']>) { return this.call('sampleFacts', a); }
  summarize(...a: Parameters<Store['summarize']>) { return this.call('summarize', a); }
  searchDocuments(...a: Parameters<Store['searchDocuments']>) { return this.call('searchDocuments', a); }
  updateSearchIndex() { return this.call('updateSearchIndex', []); }
}

/** TrackedText is a class: it crosses the thread boundary as its three parts and is rebuilt on the other side. */
export function toWire(v: unknown): unknown {
  if (v instanceof TrackedText) return { __tracked: [v.text, v.starts, v.ends] };
  if (Array.isArray(v)) return v.map(toWire);
  if (isPlainObject(v)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toWire(x)]));
  }
  return v;
}

export function fromWire(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromWire);
  if (isPlainObject(v)) {
    const t = (v as { __tracked?: [string, Int32Array, Int32Array] }).__tracked;
    if (t) return new TrackedText(t[0], t[1], t[2]);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fromWire(x)]));
  }
  return v;
}

/** By tag, not prototype: objects received from another thread (or a test's vm realm) have another Object.prototype. */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && Object.prototype.toString.call(v) === '[object Object]' && !(v instanceof TrackedText);
}
