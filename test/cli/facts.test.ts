/**
 * `newsfacts facts` and `show` the way a researcher first uses them: a table that tells documents apart, shows ranges
 * whole and fits the terminal; `--doc` taking what a person has at hand (a file name, a path, an id); output piped
 * into `head`.
 */
import path from 'node:path';
import { displayWidth, newsfacts, newsfactsIntoClosedPipe, tempDir, TEXTS, writeFiles } from './helpers.js';

let dir: string;
const db = () => path.join(dir, 'facts.sqlite');
const run = (args: string[], env: Record<string, string> = {}) => newsfacts([...args, '--db', db()], { cwd: dir, env });

/** Table rows (header and rule line left out), split on runs of two or more spaces. */
function tableRows(stdout: string): string[][] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(2)
    .map((l) => l.split(/ {2,}/));
}

beforeAll(() => {
  dir = tempDir('nf-cli-facts-');
  writeFiles(dir, {
    ...TEXTS,
    // Two files of the same name in different folders.
    'news/a/tin.txt': 'Xã Đoàn Lập đã cho 12 hộ vay 600 triệu đồng để làm kinh tế vườn.\n',
    'news/b/tin.txt': 'Thị trấn Tiên Lãng đã giải quyết việc làm mới cho 420 lao động trong năm 2024.\n',
  });
  // The Chinese folder first: its facts get the first ids, though its path sorts after the Vietnamese ones.
  for (const input of ['news/zh', 'news']) {
    const r = run(['ingest', input, '--workers', '0', '--no-progress']);
    if (r.status !== 0) throw new Error(`ingest ${input} exited ${r.status}: ${r.stderr}`);
  }
});

describe('facts as a table', () => {
  test('short document labels, the id, ranges whole, rows in id order', () => {
    const r = run(['facts'], { COLUMNS: '200' });
    expect(r.status).toBe(0);
    const [header, ...rest] = r.stdout.split('\n');
    expect(header.split(/ {2,}/).slice(0, 4)).toEqual(['id', 'doc', 'type', 'value']);
    const rows = tableRows(r.stdout);
    const ids = rows.map((row) => Number(row[0]));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBe(1);
    // The path below the ingest argument, not the whole path: `news/zh/tw-001.txt` ingested as `news/zh`.
    expect(rows[0][1]).toBe('tw-001.txt');
    expect(rows.map((row) => row[1])).toEqual(expect.arrayContaining(['vi/vi-001.txt', 'vi/vi-002.txt', 'a/tin.txt']));
    // `vay 10-30 triệu đồng` is a range: both ends, digits grouped.
    const range = rows.find((row) => row[1] === 'vi/vi-001.txt' && row[2] === 'loan_amount')!;
    expect(range[3]).toBe('10,000,000–30,000,000');
    expect(rows.find((row) => row[1] === 'vi/vi-002.txt' && row[2] === 'loan_amount')![3]).toBe('45,000,000,000');
    expect(rest.length).toBeGreaterThan(6);
  });

  test.each([80, 100, 120])('fits a terminal %i columns wide and still tells the documents apart', (columns) => {
    const r = run(['facts'], { COLUMNS: String(columns) });
    expect(r.status).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(columns);
    const docs = tableRows(r.stdout).map((row) => row[1]);
    // Cut at the start, so the ends of the file names stay: vi-001 and vi-002 remain different.
    expect(docs.some((d) => d.endsWith('001.txt'))).toBe(true);
    expect(docs.some((d) => d.endsWith('002.txt'))).toBe(true);
    if (columns >= 100) expect(new Set(docs).size).toBe(5); // every document with facts has a label of its own
  });
});

describe('--doc and show name a document the way a person has it at hand', () => {
  const factDocs = (args: string[]) => {
    const r = run(['facts', '--format', 'jsonl', ...args]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.trim().split('\n').map((l) => JSON.parse(l).doc as string);
  };

  test.each([
    ['its file name', 'vi-001.txt'],
    ['its path as ingested', 'news/vi/vi-001.txt'],
    ['its path below the ingest argument', 'vi/vi-001.txt'],
    ['its full path', () => path.join(dir, 'news/vi/vi-001.txt')],
  ])('by %s', (_what, selector) => {
    const sel = typeof selector === 'function' ? selector() : selector;
    const docs = factDocs(['--doc', sel]);
    expect(docs.length).toBe(2);
    expect(new Set(docs)).toEqual(new Set(['news/vi/vi-001.txt']));
  });

  test('by id, as the table shows it', () => {
    const id = JSON.parse(run(['facts', '--format', 'jsonl', '--doc', 'vi-002.txt']).stdout.split('\n')[0]).id;
    const docId = JSON.parse(run(['sql', `SELECT document_id FROM facts WHERE id = ${id}`, '--format', 'json']).stdout)[0].document_id;
    expect(new Set(factDocs(['--doc', String(docId)]))).toEqual(new Set(['news/vi/vi-002.txt']));
  });

  test('a name that matches nothing is said, not answered with an empty table', () => {
    const r = run(['facts', '--doc', 'vi-009.txt']);
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no document matches 'vi-009\.txt'/);
    const show = run(['show', 'vi-009.txt']);
    expect(show.status).not.toBe(0);
    expect(show.stderr).toMatch(/no document matches 'vi-009\.txt'/);
  });

  test('a name two documents share is said to be ambiguous, with both listed', () => {
    for (const args of [['facts', '--doc', 'tin.txt'], ['show', 'tin.txt']]) {
      const r = run(args);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/'tin\.txt' names 2 documents/);
      expect(r.stderr).toContain('news/a/tin.txt');
      expect(r.stderr).toContain('news/b/tin.txt');
    }
    expect(new Set(factDocs(['--doc', 'b/tin.txt']))).toEqual(new Set(['news/b/tin.txt']));
  });

  test('show takes a file name too', () => {
    const r = run(['show', 'vi-002.txt']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('source: news/vi/vi-002.txt');
    expect(r.stdout).toContain('⟦45 tỷ đồng⟧{loan_amount 45000000000 VND');
  });
});

describe('output into a reader that stops early (| head)', () => {
  test.each(['table', 'csv', 'json', 'jsonl'])('facts --format %s stops quietly', async (format) => {
    const r = await newsfactsIntoClosedPipe(['facts', '--format', format, '--db', db()], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
