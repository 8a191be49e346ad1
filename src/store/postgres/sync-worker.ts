/** The thread behind sync.ts: runs each requested PostgresStore method and posts the result back, then wakes the caller. */
import { workerData, type MessagePort } from 'node:worker_threads';
import { PostgresStore } from './store.js';
import { fromWire, toWire } from './sync.js';

const { url, opts, signal, port } = workerData as { url: string; opts: any; signal: Int32Array; port: MessagePort };
let store: PostgresStore | null = null;

function reply(message: unknown): void {
  port.postMessage(message);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
}

port.on('message', async ({ method, args }: { method: string; args: unknown[] }) => {
  try {
    if (method === 'open') {
      store = await PostgresStore.open(url, opts);
      return reply({ ok: null });
    }
    if (!store) throw new Error('the PostgreSQL store is not open');
    const fn = (store as any)[method];
    if (typeof fn !== 'function') throw new Error(`the PostgreSQL store has no method '${method}'`);
    const result = await fn.apply(store, fromWire(args) as unknown[]);
    if (method === 'close') store = null;
    reply({ ok: toWire(result ?? null) });
  } catch (err: any) {
    reply({ error: { message: String(err?.message ?? err), code: err?.code } });
  }
});
