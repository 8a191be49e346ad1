/**
 * The whole pipeline on the seed corpus, end to end into SQLite: the figures the pipeline issue names, their offsets
 * in the original files, no facts from boilerplate, idempotent re-ingest, and the hand-written gold.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { readGold, score } from '../../src/audit/gold.js';
import type { FactRow } from '../../src/store/types.js';

const root = process.cwd(); // jest runs from the repo root
const corpus = 'corpus';
let store: SqliteStore;
let facts: FactRow[];
const cwd = process.cwd();

beforeAll(async () => {
  process.chdir(root);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-seeds-'));
  store = new SqliteStore(path.join(dir, 'test.sqlite'));
  await ingest(store, [corpus]);
  facts = store.facts();
});
afterAll(() => {
  store.close();
  process.chdir(cwd);
});

const original = (doc: string) => readFileSync(path.join(root, doc), 'utf8').replace(/^\uFEFF/, '');

function find(docPrefix: string, type: string, value: number, unit: string): FactRow {
  const f = facts.find((x) => x.doc.startsWith(`corpus/${docPrefix}`) && x.type === type && x.value === value && x.unit === unit);
  if (!f) throw new Error(`missing ${type} ${value} ${unit} in ${docPrefix}: have ${JSON.stringify(facts.filter((x) => x.doc.startsWith(`corpus/${docPrefix}`)).map((x) => [x.type, x.value, x.unit]))}`);
  return f;
}

test.each([
  ['000', 'loan_amount', 2900000, 'CNY', '290万元', 'exact'],
  ['000', 'trainee_count', 6039, 'person_time', '6039人次', 'exact'],
  ['003', 'headcount', 20300, 'person', '2.03萬余名', 'more_than'],
  ['003', 'loan_amount', 4600000, 'CNY', '460萬元', 'exact'],
  ['002', 'loan_amount', 200000000, 'CNY', '2億元', 'exact'],
  ['002', 'loan_amount', 23280000, 'CNY', '2328萬元', 'exact'],
  ['004', 'funding_amount', 250000000, 'VND', '250 triệu đồng', 'exact'],
])('seed %s has %s %d %s at the exact characters %s', (doc, type, value, unit, figure, qualifier) => {
  const f = find(doc, type, value, unit);
  expect(f.qualifier).toBe(qualifier);
  expect(original(f.doc).slice(f.start, f.end)).toBe(figure);
  const ev = original(f.doc).slice(f.evidence_start, f.evidence_end);
  expect(ev).toBe(f.evidence);
  expect(ev).toContain(figure);
});

test('loan balance (余额) is exact, not more_than', () => {
  const f = find('002', 'loan_amount', 2118000000, 'CNY');
  expect(f.qualifier).toBe('exact');
});

test('period and place context are attached', () => {
  const f = find('003', 'headcount', 20300, 'person');
  expect(f.period).toBe('截至今年9月末');
  expect(f.place).toBe('乐山市');
  const g = find('000', 'loan_amount', 2900000, 'CNY');
  expect(g.period).toBe('今年以来');
  expect(g.place).toBe('长兴县');
});

test('every fact maps back to its figure in the original file', () => {
  for (const f of facts) {
    const text = original(f.doc);
    expect(f.end).toBeGreaterThan(f.start);
    expect(text.slice(f.evidence_start, f.evidence_end)).toBe(f.evidence);
    expect(f.evidence_start).toBeLessThanOrEqual(f.start);
    expect(f.evidence_end).toBeGreaterThanOrEqual(f.end);
    expect(text.slice(f.start, f.end)).toMatch(/[0-9０-９一二三四五六七八九十百千万萬亿億两兩零]/);
  }
});

test('no fact from navigation, footers, phone or document numbers', () => {
  for (const f of facts) {
    const text = original(f.doc);
    const line = text.slice(text.lastIndexOf('\n', f.start) + 1, text.indexOf('\n', f.end) < 0 ? undefined : text.indexOf('\n', f.end));
    expect(line).not.toMatch(/ICP|版权|电话|地址|网站首页/);
  }
  const values = new Set(facts.map((f) => f.value));
  for (const bad of [88118696, 6047663, 20016797, 134, 341, 2006, 2004, 578]) expect(values.has(bad)).toBe(false);
});

test('ingesting the corpus again adds nothing (only a run)', async () => {
  const before = store.query('SELECT (SELECT COUNT(*) FROM documents) d, (SELECT COUNT(*) FROM facts) f, (SELECT COUNT(*) FROM runs) r')[0];
  const s = await ingest(store, [corpus]);
  expect(s.pagesUnchanged).toBe(5);
  expect(s.pagesStored).toBe(0);
  const after = store.query('SELECT (SELECT COUNT(*) FROM documents) d, (SELECT COUNT(*) FROM facts) f, (SELECT COUNT(*) FROM runs) r')[0];
  expect(after.d).toBe(before.d);
  expect(after.f).toBe(before.f);
  expect(after.r).toBe(Number(before.r) + 1);
});

test('extraction meets precision 0.95 and recall 0.90 against corpus/gold.jsonl', () => {
  const gold = readGold(path.join(root, 'corpus/gold.jsonl'));
  const result = score(facts as any, gold);
  const show = (xs: any[]) => xs.map((x) => `${x.doc.slice(7, 10)} ${x.type} ${x.value} ${x.unit} ${x.evidence}`).join('\n');
  if (result.overall.precision < 0.95 || result.overall.recall < 0.9) {
    console.log(`P=${result.overall.precision.toFixed(3)} R=${result.overall.recall.toFixed(3)}\nFalse positives:\n${show(result.falsePositives)}\nFalse negatives:\n${show(result.falseNegatives)}`);
  }
  expect(result.overall.precision).toBeGreaterThanOrEqual(0.95);
  expect(result.overall.recall).toBeGreaterThanOrEqual(0.9);
});
