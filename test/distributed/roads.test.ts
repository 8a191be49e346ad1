/**
 * One road for a page: the same directory of hostile and good inputs gives the same documents, facts, warnings and
 * error rows through `ingest` (worker threads, SQLite) and through `ingest --queue` + `worker` (BullMQ, PostgreSQL),
 * and `clean` prints the very text both stored. Run again, both roads find every page unchanged and add nothing but
 * the new run's failures. Needs the build (worker threads and the worker process run dist/).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { jest } from '@jest/globals';
import { main } from '../../src/cli/index.js';
import { ingest } from '../../src/ingest.js';
import { enqueueInputs, removeQueue } from '../../src/queue/queue.js';
import { openAsyncStore, SqliteStore } from '../../src/store/open.js';
import { dropDatabase } from '../../src/store/postgres/store.js';
import { tempDir, writeHostileInputs } from '../scale/helpers.js';
import { builtCli, need, pgTestUrl, postgresUp, redisUp, REDIS_URL, REPO } from './services.js';

/** What a road leaves in a store, by content: no ids, runs or times. */
async function contents(location: string) {
  const s = await openAsyncStore(location, { readonly: true });
  try {
    const docs = await s.query(
      `SELECT content_hash, source, url, format, encoding, decode_issues, lang, title, published, source_name, author,
       empty_reason, clean_text, normalized_text, flags, pipeline_version FROM documents`,
    );
    const facts = await s.query(
      `SELECT d.content_hash, f.type, f.value, f.unit, f.qualifier, f.start, f."end", f.rule_id, f.evidence, f.period, f.place
       FROM facts f JOIN documents d ON d.id = f.document_id`,
    );
    const errors = await s.query('SELECT source, record, reason FROM errors WHERE run_id = (SELECT MIN(id) FROM runs)');
    const rerunErrors = await s.query('SELECT source, record, reason FROM errors WHERE run_id > (SELECT MIN(id) FROM runs)');
    const runs = await s.query('SELECT pages_read, pages_stored, pages_unchanged, pages_failed, facts_stored FROM runs ORDER BY id');
    const key = (r: Record<string, unknown>) => JSON.stringify(Object.values(r));
    return {
      docs: docs.map(key).sort(),
      facts: facts.map(key).sort(),
      errors: errors.map(key).sort(),
      rerunErrors: rerunErrors.map(key).sort(),
      runs: runs.map((r) => Object.values(r).map(Number)),
      rows: docs,
    };
  } finally {
    await s.close();
  }
}

test('ingest, the queue and clean give one page the same document, warnings and errors', async () => {
  const cli = builtCli();
  if (!need(await postgresUp(), 'PostgreSQL on 127.0.0.1:5432') || !need(await redisUp(), 'Redis on 127.0.0.1:6379 with the ioredis driver') || !need(!!cli, 'the build (npm run build)')) return;
  const dir = tempDir('nf-roads-');
  const pages = await writeHostileInputs(dir);
  const queue = `${REDIS_URL}?queue=newsfacts_test_roads_${process.pid}_${Date.now()}`;
  const queue2 = `${queue}_again`;
  const pg = pgTestUrl('roads');
  try {
    // Road 1: ingest, with a worker thread.
    const sqlite = path.join(dir, 'ingest.sqlite');
    const store = new SqliteStore(sqlite);
    await ingest(store, [pages], { workers: 1 });
    store.close();

    // Road 2: the same directory as queue units, run by a worker process into PostgreSQL.
    const runWorker = async (queueUrl: string) => {
      await enqueueInputs([pages], queueUrl);
      const worker = spawn(process.execPath, [cli!, 'worker', '--queue', queueUrl, '--db', pg, '--exit-when-drained'], { cwd: REPO, stdio: 'ignore' });
      return new Promise<number | null>((resolve) => worker.once('exit', resolve));
    };
    expect(await runWorker(queue)).toBe(0);

    const viaIngest = await contents(sqlite);
    const viaQueue = await contents(pg);
    expect(viaIngest.docs.length).toBe(7);
    expect(viaQueue.docs).toEqual(viaIngest.docs);
    expect(viaIngest.facts.length).toBeGreaterThan(10);
    expect(viaQueue.facts).toEqual(viaIngest.facts);
    // Six inputs that cannot be read and two pages stored with a warning, worded alike on both roads.
    expect(viaIngest.errors).toHaveLength(8);
    expect(viaQueue.errors).toEqual(viaIngest.errors);

    // Both roads again over the same stores (the queue's producer on a fresh queue, as a later day's run would be):
    // every page is unchanged, found by the one check both roads make (road.ts); nothing is stored, noted or counted
    // twice, and the second run's only rows are its own failures (the six inputs that cannot be read).
    const again = new SqliteStore(sqlite);
    const rerun = await ingest(again, [pages], { workers: 1 });
    again.close();
    expect([rerun.pagesStored, rerun.pagesUnchanged, rerun.pagesFailed, rerun.factsStored, rerun.pagesWithWarnings]).toEqual([0, 7, 6, 0, 0]);
    expect(await runWorker(queue2)).toBe(0);
    const ingestAgain = await contents(sqlite);
    const queueAgain = await contents(pg);
    for (const after of [ingestAgain, queueAgain]) {
      expect(after.docs).toEqual(viaIngest.docs);
      expect(after.facts).toEqual(viaIngest.facts);
      expect(after.errors).toEqual(viaIngest.errors);
      expect(after.rerunErrors).toEqual(viaIngest.errors.filter((e) => !/\(page stored\)|stored without article text/.test(e)));
      expect(after.rerunErrors).toHaveLength(6);
    }
    // Runs: read, stored, unchanged, failed, facts — the first stores 7 pages, the second finds the same 7 unchanged.
    expect(queueAgain.runs).toEqual(ingestAgain.runs);
    expect(ingestAgain.runs[1]).toEqual([13, 0, 7, 6, 0]);

    // Road 3: `clean` on each stored page file prints the text that was stored.
    const printed: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
    try {
      const files = viaIngest.rows.filter((r) => !String(r.source).startsWith('http'));
      expect(files.length).toBe(5);
      for (const row of files) {
        printed.length = 0;
        expect(await main(['node', 'newsfacts', 'clean', String(row.source), '--format', 'json'])).toBe(0);
        const out = JSON.parse(printed.join('\n'));
        expect([out.text, out.lang, out.encoding]).toEqual([row.clean_text, row.lang, row.encoding]);
      }
    } finally {
      log.mockRestore();
    }
  } finally {
    await removeQueue(queue).catch(() => undefined);
    await removeQueue(queue2).catch(() => undefined);
    await dropDatabase(pg).catch(() => undefined);
  }
}, 240_000);
