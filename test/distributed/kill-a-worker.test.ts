/**
 * The queue for real: two producers enqueue overlapping inputs into one Redis queue, three worker processes of the
 * built CLI take the units and write to one PostgreSQL database, and one worker is killed with SIGKILL in the middle of
 * a unit. BullMQ's stalled-job check hands that unit to another worker; the final database must equal a
 * single-process SQLite run over the same inputs, by content: same documents, same facts, none twice.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { enqueueInputs, queueStatus, removeQueue } from '../../src/queue/queue.js';
import { planUnits } from '../../src/queue/units.js';
import { processUnit } from '../../src/queue/process.js';
import { loadRuleSet } from '../../src/extract/rules.js';
import { pipelineVersions } from '../../src/pipeline.js';
import { asyncStore, openAsyncStore, SqliteStore } from '../../src/store/open.js';
import { dropDatabase } from '../../src/store/postgres/store.js';
import { builtCli, need, pgTestUrl, postgresUp, redisUp, REDIS_URL, REPO } from './services.js';



/** Inputs made from the seed pages: page files, and a JSONL file of variants (distinct content hashes). */
function makeInputs(): { dir: string; jsonl: string; pages: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-queue-'));
  const pages = path.join(root, 'pages');
  mkdirSync(pages);
  const seeds = readdirSync(path.join(REPO, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
  const texts = seeds.map((f) => readFileSync(path.join(REPO, 'corpus', f), 'utf8'));
  seeds.forEach((f, i) => writeFileSync(path.join(pages, f), texts[i]));
  const lines: string[] = [];
  for (let i = 0; i < 36; i++) {
    lines.push(JSON.stringify({ url: `https://news.example/${i}`, text: `${texts[i % texts.length]}\n（第${i}期）` }));
  }
  lines.splice(7, 0, '{not json');
  const jsonl = path.join(root, 'pages.jsonl');
  writeFileSync(jsonl, lines.join('\n') + '\n');
  return { dir: pages, jsonl, pages: root };
}

/** Documents and facts by content, without ids, runs or times. */
async function contents(location: string) {
  const s = await openAsyncStore(location, { readonly: true });
  try {
    const docs = await s.query(
      `SELECT content_hash, source, lang, title, normalized_text, pipeline_version FROM documents ORDER BY content_hash`,
    );
    const facts = await s.query(
      `SELECT d.content_hash, f.type, f.value, f.unit, f.qualifier, f.start, f."end", f.rule_id, f.evidence, f.period, f.place
       FROM facts f JOIN documents d ON d.id = f.document_id`,
    );
    const key = (r: Record<string, unknown>) => JSON.stringify(Object.values(r));
    return { docs, facts: facts.map(key).sort() };
  } finally {
    await s.close();
  }
}

function startWorker(cli: string, queue: string, db: string): { child: ChildProcess; out: string[] } {
  const child = spawn(
    process.execPath,
    [cli, 'worker', '--queue', queue, '--db', db, '--lock-ms', '3000', '--page-delay-ms', '60', '--exit-when-drained'],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const out: string[] = [];
  child.stdout!.on('data', (b) => out.push(...String(b).split('\n').filter(Boolean)));
  child.stderr!.on('data', (b) => out.push(...String(b).split('\n').filter(Boolean)));
  return { child, out };
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => (child.exitCode !== null || child.signalCode ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

test('three workers, one killed mid-unit: PostgreSQL ends equal to a single-process SQLite run', async () => {
  const cli = builtCli();
  if (!need(await postgresUp(), 'PostgreSQL on 127.0.0.1:5432') || !need(await redisUp(), 'Redis on 127.0.0.1:6379 with the ioredis driver') || !need(!!cli, 'the build (npm run build)')) return;
  const { dir, jsonl } = makeInputs();
  const queue = `${REDIS_URL}?queue=newsfacts_test_${process.pid}_${Date.now()}`;
  const pg = pgTestUrl('queue');
  const reference = path.join(mkdtempSync(path.join(os.tmpdir(), 'newsfacts-ref-')), 'ref.sqlite');
  const workers: Array<{ child: ChildProcess; out: string[] }> = [];
  try {
    // The reference: the same units, one process, SQLite, no queue.
    const ref = asyncStore(new SqliteStore(reference));
    const ruleSet = loadRuleSet();
    const v = pipelineVersions(ruleSet);
    const runId = await ref.startRun({ command: 'reference', inputs: [], codeVersion: v.code, rulesetVersion: v.ruleset, dictVersions: v.dicts, pipelineVersion: v.pipeline });
    let units = 0;
    for await (const unit of planUnits([dir, jsonl], 6)) {
      units++;
      await processUnit(unit, { store: ref, runId, ruleSet, pipelineVersion: v.pipeline });
    }
    await ref.close();

    // Two producers over overlapping inputs: every unit is queued once.
    const [a, b] = await Promise.all([
      enqueueInputs([dir, jsonl], queue, { linesPerUnit: 6 }),
      enqueueInputs([path.join(dir, readdirSync(dir)[0]), jsonl], queue, { linesPerUnit: 6 }),
    ]);
    expect(a.units).toBe(units);
    const before = await queueStatus(queue);
    expect(before.waiting).toBe(units);

    for (let i = 0; i < 3; i++) workers.push(startWorker(cli!, queue, pg));
    // Kill the first worker once it is inside a JSONL unit (several pages, a pause after each) and has stored some.
    const victim = workers[0];
    const deadline = Date.now() + 60_000;
    while (!victim.out.some((l) => /started: .*pages\.jsonl lines/.test(l))) {
      if (Date.now() > deadline) throw new Error('worker never started a unit:\n' + victim.out.join('\n'));
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 150));
    victim.child.kill('SIGKILL');
    expect(victim.out.some((l) => /unit .* done/.test(l) && l.includes('pages.jsonl'))).toBe(false);

    const codes = await Promise.all(workers.slice(1).map((w) => exited(w.child)));
    expect(codes).toEqual([0, 0]);
    const after = await queueStatus(queue);
    expect(after).toMatchObject({ waiting: 0, active: 0, done: units, failed: 0 });
    // The killed worker's unit was run again by another worker.
    const killedUnit = victim.out.find((l) => /started: .*pages\.jsonl/.test(l))!.match(/unit (\S+) started/)![1];
    expect(workers.slice(1).some((w) => w.out.some((l) => l.includes(`unit ${killedUnit} done`)))).toBe(true);

    const want = await contents(reference);
    const got = await contents(pg);
    expect(got.docs.length).toBe(5 + 36);
    expect(got.docs).toEqual(want.docs);
    expect(got.facts.length).toBeGreaterThan(100);
    expect(got.facts).toEqual(want.facts);
    expect(new Set(got.facts).size).toBe(got.facts.length);
  } finally {
    for (const w of workers) if (w.child.exitCode === null && !w.child.signalCode) w.child.kill('SIGKILL');
    await removeQueue(queue).catch(() => undefined);
    await dropDatabase(pg).catch(() => undefined);
  }
}, 180_000);
