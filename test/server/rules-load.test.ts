/**
 * The server under load: `/rules` (overlaps and conflicts re-read every document) requested by many clients at once
 * must not stall the other pages. A bounded load test — loopback only, a fixed number of requests, no loop on a clock —
 * against `newsfacts serve` run as a user runs it (the built CLI in a process of its own), on a database of the seed
 * pages and variants of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { newsfacts, root, tempDir, writeFiles } from '../cli/helpers.js';

/** Clients asking for /rules at the same moment. */
const FLOOD = 40;

let dir: string;
let server: ChildProcess;
let base: string;

/** A GET on the loopback address; resolves with the status, the body and when it was answered. */
function get(pathAndQuery: string): Promise<{ status: number; body: string; at: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(base + pathAndQuery, { agent: false, timeout: 120_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, at: Date.now() }));
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to ${pathAndQuery}`)));
    req.on('error', reject);
  });
}

/** The facts and overlaps cells of one rule's row on /rules. */
function ruleRow(body: string, rule: string): string[] {
  const row = new RegExp(`<tr data-rule="${rule.replace(/\./g, '\\.')}">([\\s\\S]*?)</tr>`).exec(body);
  if (!row) throw new Error(`no row for ${rule}`);
  return [...row[1].matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((m) => m[1].replace(/<[^>]+>/g, '').trim());
}

beforeAll(async () => {
  dir = tempDir('nf-rules-load-');
  // The seed pages, each in a few variants (a line of its own changes the hash): more documents to re-read.
  const files: Record<string, string> = {};
  for (const name of ['000_49de3a17b471338a.txt', '001_5c8eec76a403d3b7.txt', '002_a8da5ba3a12a86a2.txt', '003_a6fa54038ad127e6.txt', '004_dfac991a4ffc1e1f.txt']) {
    const text = readFileSync(path.join(root, 'corpus', name), 'utf8');
    for (let i = 0; i < 4; i++) files[`pages/${i}-${name}`] = `${text}\n第${i + 1}期\n`;
  }
  writeFiles(dir, files);
  const r = newsfacts(['ingest', 'pages', '--db', 'load.sqlite', '--no-progress'], { cwd: dir });
  if (r.status !== 0) throw new Error(`ingest exited ${r.status}: ${r.stderr}`);
  server = spawn(process.execPath, [path.join(root, 'bin', 'newsfacts.js'), 'serve', '--db', 'load.sqlite', '--port', '0', '--host', '127.0.0.1'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
});

afterAll(() => {
  server?.kill('SIGTERM');
});

test(`every page keeps answering while ${FLOOD} clients hammer /rules, and /rules is computed from the current data`, async () => {
  const flood = Array.from({ length: FLOOD }, () => get('/rules'));
  let rulesAnswered = 0;
  for (const p of flood) void p.then(() => rulesAnswered++, () => undefined);

  // While the flood is in flight, a person uses the other pages one after another.
  const pages = ['/facts', '/facts?type=loan_amount', '/charts', '/search?q=%E8%B4%B7%E6%AC%BE', '/doc/1', '/rules/zh.loan_amount.lending'];
  const answered: Array<{ page: string; status: number; rulesAnsweredBefore: number }> = [];
  for (const page of pages) {
    const r = await get(page);
    answered.push({ page, status: r.status, rulesAnsweredBefore: rulesAnswered });
  }
  const rules = await Promise.all(flood);

  expect(answered.map((a) => [a.page, a.status])).toEqual(pages.map((p) => [p, 200]));
  // Each page answered while /rules requests were still waiting: none of them queued behind the whole flood.
  for (const a of answered) expect(a.rulesAnsweredBefore).toBeLessThan(FLOOD);
  expect(rules.every((r) => r.status === 200)).toBe(true);
  // Every client got the same page, with overlaps computed (not "—").
  expect(new Set(rules.map((r) => r.body)).size).toBe(1);
  const before = ruleRow(rules[0].body, 'zh.loan_amount.lending');
  expect(before[6]).toMatch(/^\d+$/);

  // A write (a new ingest run) makes the kept view stale: the next /rules shows the new data.
  writeFiles(dir, { 'more/extra.txt': '今年以来,长兴县农商银行发放创业贷款2600万元,扶持创业青年310人。\n' });
  const more = newsfacts(['ingest', 'more', '--db', 'load.sqlite', '--no-progress', '--workers', '0'], { cwd: dir });
  expect(more.status).toBe(0);
  const after = ruleRow((await get('/rules')).body, 'zh.loan_amount.lending');
  expect(Number(after[3].replace(/,/g, ''))).toBe(Number(before[3].replace(/,/g, '')) + 1); // facts
  expect(Number(after[4].replace(/,/g, ''))).toBe(Number(before[4].replace(/,/g, '')) + 1); // documents
});
