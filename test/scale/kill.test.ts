/**
 * Crash safety with a real process and a real signal: the built CLI ingests a corpus into one database without
 * interruption, and into another where it is killed with SIGKILL mid-way and then run again. The two databases must
 * hold the same documents and facts, compared by content (row ids, timestamps and the runs table aside).
 * Runs against dist/ (npm test builds first).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { contentView, root, seedText, tempDir } from './helpers.js';

const cli = path.join(root, 'bin', 'newsfacts.js');
let dir: string;
let pages: string;

beforeAll(() => {
  dir = tempDir('nf-kill-');
  pages = path.join(dir, 'pages');
  mkdirSync(pages);
  // 5 seeds × 40 variants (a line of its own changes each hash), and two exact copies of 003-07 under later names:
  // in every run the first in input order is the one stored.
  for (const prefix of ['000', '001', '002', '003', '004']) {
    const { text } = seedText(prefix);
    for (let i = 0; i < 40; i++) writeFileSync(path.join(pages, `${prefix}-${String(i).padStart(2, '0')}.txt`), `${text}\n第${i}期\n`);
  }
  writeFileSync(path.join(pages, 'zz-copy-a.txt'), `${seedText('003').text}\n第7期\n`);
  writeFileSync(path.join(pages, 'zz-copy-b.txt'), `${seedText('003').text}\n第7期\n`);
});

function runToEnd(db: string) {
  const r = spawnSync(process.execPath, [cli, 'ingest', pages, '--db', db, '--workers', '2', '--batch-size', '4', '--no-progress'], {
    encoding: 'utf8',
    timeout: 280_000,
  });
  if (r.status !== 0) throw new Error(`ingest exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT COUNT(*) n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created or migrated yet
  }
}

/** Starts an ingest and SIGKILLs it once `atLeast` documents are committed; returns how many were. */
async function killMidway(db: string, atLeast: number): Promise<number> {
  const child = spawn(process.execPath, [cli, 'ingest', pages, '--db', db, '--workers', '2', '--batch-size', '4', '--no-progress'], {
    stdio: 'ignore',
  });
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if (child.exitCode !== null) break;
    if (count(db) >= atLeast) {
      child.kill('SIGKILL');
      break;
    }
  }
  expect(await exited).toBe('SIGKILL');
  return count(db);
}

test('killed with SIGKILL mid-way and run again: the same documents and facts as an uninterrupted run', async () => {
  const whole = path.join(dir, 'whole.sqlite');
  runToEnd(whole);
  const killed = path.join(dir, 'killed.sqlite');
  const first = await killMidway(killed, 30);
  expect(first).toBeGreaterThan(0);
  expect(first).toBeLessThan(200); // really mid-way: the run had not finished
  const second = await killMidway(killed, first + 40);
  expect(second).toBeGreaterThan(first);
  const out = runToEnd(killed);
  expect(out).toMatch(/skipped as unchanged [1-9]/);

  const a = new SqliteStore(whole, { readonly: true });
  const b = new SqliteStore(killed, { readonly: true });
  try {
    const va = contentView(a);
    const vb = contentView(b);
    expect(va.documents.length).toBe(200); // the copies are 003-07's bytes
    expect(b.query(`SELECT COUNT(*) n FROM documents WHERE source LIKE '%zz-copy%'`)[0].n).toBe(0);
    expect(vb.documents.length).toBe(va.documents.length);
    expect(vb.documents).toEqual(va.documents);
    expect(vb.facts.length).toBe(va.facts.length);
    expect(vb.facts).toEqual(va.facts);
    // No fact twice: a fact's figure is unique within its document.
    const dup = b.query(`SELECT COUNT(*) n FROM (SELECT document_id, type, start, "end" FROM facts GROUP BY 1, 2, 3, 4 HAVING COUNT(*) > 1)`);
    expect(dup[0].n).toBe(0);
    // The killed runs stay recorded as started and never finished.
    expect(b.runs().filter((r) => r.status === 'running')).toHaveLength(2);
  } finally {
    a.close();
    b.close();
  }
}, 600_000);
