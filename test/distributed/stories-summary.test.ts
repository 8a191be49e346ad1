/**
 * Stories and summary with `--db postgres://…`, through the commands a researcher types (`ingest`, `stories`,
 * `summary`, `audit explain`), and on the queue road (`ingest --queue` + `worker`), which groups the stories when its
 * last unit is done. The corpus and its hand-checked total are test/resolve/story-corpus.ts's: Sichuan (51), 2017,
 * achieved, in period = 2.3亿 (Leshan) + 1.5亿 (Mianyang) = 380,000,000 CNY; the traditional-script copy of the Leshan
 * report is one story with it, and its figures are reprints.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import pg from 'pg';
import { main } from '../../src/cli/index.js';
import { enqueueInputs, removeQueue } from '../../src/queue/queue.js';
import { dropDatabase } from '../../src/store/postgres/store.js';
import { STORY_FILES } from '../resolve/story-corpus.js';
import { builtCli, need, pgTestUrl, postgresUp, redisUp, REDIS_URL, REPO } from './services.js';

function corpus(): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsfacts-stories-pg-')), 'corpus');
  mkdirSync(dir);
  for (const [name, text] of Object.entries(STORY_FILES)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Runs a command in this process; what it printed on stdout and stderr. */
async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  const error = jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array) => (out.push(String(chunk)), true)) as any);
  try {
    const code = await main(['node', 'newsfacts', ...args]);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    log.mockRestore();
    error.mockRestore();
    write.mockRestore();
  }
}

async function sql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

interface SummaryJson {
  rows: Array<{ keys: Record<string, string | null>; unit: string; kind: string; sum: number; stories: number; ids: number[] }>;
  leftOut: Array<{ reason: string; facts: number }>;
  ungrouped: number;
}

const sichuan = (s: SummaryJson, year: string, kind = 'in period') =>
  s.rows.find((r) => r.keys.province === '51 四川省' && r.keys.year === year && r.kind === kind && r.unit === 'CNY');

/** The checks both roads must pass: the copy is one story with its original, and the sums count it once. */
async function checkStoriesAndSums(db: string, dir: string) {
  const stories = await run('stories', '--db', db, '--format', 'json');
  expect(stories.code).toBe(0);
  // One story of the two Leshan copies. They carry one date, so the earlier stored (lower id) is the story's first.
  const listed = JSON.parse(stories.out) as Array<{ story: number; documents: string[] }>;
  expect(listed).toHaveLength(1);
  expect([...listed[0].documents].sort()).toEqual([path.join(dir, 'a_leshan.txt'), path.join(dir, 'b_leshan_copy.txt')]);
  const summary = await run('summary', '--db', db, '--type', 'loan_amount', '--by', 'province,year', '--format', 'json');
  expect(summary.code).toBe(0);
  expect(summary.err).toBe('');
  const s = JSON.parse(summary.out) as SummaryJson;
  expect(s.ungrouped).toBe(0);
  expect(sichuan(s, '2017')).toMatchObject({ sum: 380_000_000, stories: 2 });
  expect(sichuan(s, '2016')?.sum).toBe(180_000_000);
  expect(sichuan(s, '2017', 'running total')?.sum).toBe(1_200_000_000);
  expect(s.leftOut.find((l) => /^reprint/.test(l.reason))?.facts).toBe(4);
  const planned = JSON.parse((await run('summary', '--db', db, '--type', 'loan_amount', '--modality', 'planned', '--format', 'json')).out) as SummaryJson;
  expect(sichuan(planned, '2018')?.sum).toBe(300_000_000);
  return { summary: s, original: listed[0].documents[0], reprint: listed[0].documents[1] };
}

describe('stories and summary on PostgreSQL', () => {
  const dbs: string[] = [];
  const queues: string[] = [];
  afterAll(async () => {
    for (const q of queues) await removeQueue(q).catch(() => undefined);
    for (const db of dbs) await dropDatabase(db).catch(() => undefined);
  });

  test('ingest, stories, summary and audit explain with --db postgres://', async () => {
    if (!need(await postgresUp(), 'PostgreSQL on 127.0.0.1:5432') || !need(!!builtCli(), 'the build (npm run build)')) return;
    const dir = corpus();
    const db = pgTestUrl('stories');
    dbs.push(db);
    expect((await run('ingest', dir, '--db', db, '--workers', '0', '--quiet')).code).toBe(0);
    const { summary: s, original, reprint } = await checkStoriesAndSums(db, dir);
    expect(s.rows.length).toBeGreaterThan(2);

    // The reprinted figure's explanation names its story and the fact it reprints.
    const copyFact = JSON.parse((await run('facts', '--db', db, '--doc', reprint, '--type', 'loan_amount', '--format', 'json')).out)[0];
    const explained = await run('audit', 'explain', String(copyFact.id), '--db', db);
    const esc = (x: string) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    expect(explained.out).toMatch(new RegExp(`^story: \\d+, 2 documents; the earliest is ${esc(original)} \\(2018-01-15\\)`, 'm'));
    expect(explained.out).toMatch(new RegExp(`^reprint: the same figure \\(type, value, unit\\) is fact \\d+ in ${esc(original)}; a summary counts it there`, 'm'));

    // A document not grouped yet (as a queue run leaves it until its end): summary says so; stories --update groups it.
    await sql(db, `DELETE FROM document_stories WHERE document_id = (SELECT id FROM documents WHERE source = '${reprint}')`);
    const stale = await run('summary', '--db', db, '--type', 'loan_amount', '--format', 'json');
    expect(JSON.parse(stale.out).ungrouped).toBe(1);
    expect(stale.err).toContain('1 document is not grouped into stories yet');
    expect((await run('stories', '--db', db, '--update', '--format', 'json')).code).toBe(0);
    await checkStoriesAndSums(db, dir);
  }, 120_000);

  test('the queue road groups the stories when its last unit is done', async () => {
    const cli = builtCli();
    if (!need(await postgresUp(), 'PostgreSQL on 127.0.0.1:5432') || !need(await redisUp(), 'Redis on 127.0.0.1:6379 with the ioredis driver') || !need(!!cli, 'the build (npm run build)')) return;
    const dir = corpus();
    const db = pgTestUrl('stories_queue');
    const queue = `${REDIS_URL}?queue=newsfacts_test_stories_${process.pid}_${Date.now()}`;
    dbs.push(db);
    queues.push(queue);
    const s = await enqueueInputs([dir], queue);
    expect(s.units).toBe(4);
    // Two workers share the units; whichever finishes the last one groups the whole store.
    const workers = [0, 1].map(() => {
      const child = spawn(process.execPath, [cli!, 'worker', '--queue', queue, '--db', db, '--exit-when-drained'], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout!.on('data', (b) => (out += b));
      return new Promise<{ code: number | null; out: string }>((resolve) => child.once('exit', (code) => resolve({ code, out })));
    });
    const done = await Promise.all(workers);
    expect(done.map((w) => w.code)).toEqual([0, 0]);
    expect(done.map((w) => w.out).join('\n')).toMatch(/queue drained: stories grouped \(4 documents, 1 stories of 2 or more/);
    await checkStoriesAndSums(db, dir);
  }, 180_000);
});
