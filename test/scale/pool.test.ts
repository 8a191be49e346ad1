import path from 'node:path';
import { PagePool } from '../../src/worker/pool.js';
import type { RawPage } from '../../src/types.js';

const workerFile = path.resolve(process.cwd(), 'test/fixtures/workers/scripted-worker.mjs');
const page = (source: string): RawPage => ({ source, bytes: Buffer.from(source), format: 'text' });
const reasons = (pool: PagePool, sources: string[]) =>
  Promise.all(sources.map((s) => pool.run(page(s)).then((o) => (o.ok ? 'ok' : o.reason))));

test('a worker that dies takes only the page in progress; the pages queued behind it are done by its successor', async () => {
  const pool = new PagePool({ size: 1, pipelineVersion: 'v', workerFile, perWorker: 8 });
  try {
    const out = await reasons(pool, ['a', 'crash', 'b', 'c', 'd']);
    expect(out[0]).toBe('done a');
    expect(out[1]).toMatch(/crashed its worker/);
    expect(out.slice(2)).toEqual(['done b', 'done c', 'done d']);
    expect(pool.restarts).toBe(1);
    expect(pool.pending).toBe(0);
  } finally {
    await pool.close();
  }
});

test('the time limit runs for the page in progress only: a hung page fails, the ones behind it do not', async () => {
  const pool = new PagePool({ size: 1, pipelineVersion: 'v', workerFile, perWorker: 8, timeoutMs: 1500 });
  try {
    const out = await reasons(pool, ['e', 'hang', 'f', 'g']);
    expect(out).toEqual(['done e', expect.stringMatching(/longer than 2 s|longer than 1 s|abandoned/), 'done f', 'done g']);
  } finally {
    await pool.close();
  }
});

test('pages spread over the workers', async () => {
  const pool = new PagePool({ size: 2, pipelineVersion: 'v', workerFile, perWorker: 4 });
  try {
    const sources = Array.from({ length: 20 }, (_, i) => `p${i}`);
    expect(await reasons(pool, sources)).toEqual(sources.map((s) => `done ${s}`));
  } finally {
    await pool.close();
  }
});
