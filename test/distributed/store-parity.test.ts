/**
 * The same storage suite against both implementations, through the Promise form of the interface: SQLite (wrapped)
 * and PostgreSQL (a fresh database per run, dropped afterwards).
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openAsyncStore, openStore, type AsyncStore } from '../../src/store/open.js';
import { dropDatabase } from '../../src/store/postgres/store.js';
import { TrackedText, TextBuilder } from '../../src/offsets.js';
import type { DocumentRecord, RunInfo } from '../../src/store/types.js';
import type { Fact } from '../../src/types.js';
import { builtCli, need, pgTestUrl, postgresUp } from './services.js';

const original = '蘇州：發放小額貸款共計2億元，培訓3000人次。';
function record(hash = 'h1', version = 'v1', source = 'test/doc.txt'): DocumentRecord {
  const t = TrackedText.fromOriginal(original);
  const norm = new TextBuilder(t).replace(0, 2, '苏州').copy(2, 4).replace(4, 10, '小额贷款共计').copy(10, original.length).build();
  return {
    contentHash: hash, source, format: 'text', encoding: 'utf-8', lang: 'zh-Hant',
    meta: { title: '標題', date: '2015-12-17', source: '蘇州日報', author: null }, original, clean: t, normalized: norm,
    messages: [], pipelineVersion: version,
  };
}
const loan: Fact = {
  type: 'loan_amount', value: 200000000, valueMax: null, unit: 'CNY', qualifier: 'exact', rule: 'zh.loan_amount.lending',
  ruleVersion: 'abc', normStart: 11, normEnd: 14, start: 11, end: 14, evidenceNormStart: 6, evidenceNormEnd: 14,
  evidenceStart: 6, evidenceEnd: 14, evidence: '貸款共計2億元', trigger: '贷款', sentence: original, period: null, place: '苏州市',
};
const trainees: Fact = {
  ...loan, type: 'trainee_count', value: 3000, unit: 'person_time', rule: 'zh.trainee_count.trained', start: 17, end: 23,
  normStart: 17, normEnd: 23, evidenceStart: 15, evidenceEnd: 23, evidenceNormStart: 15, evidenceNormEnd: 23,
  evidence: '培訓3000人次', trigger: '培训',
};
const RUN: RunInfo = { command: 't', inputs: [], codeVersion: '0', rulesetVersion: 'r', dictVersions: {}, pipelineVersion: 'v1' };

interface Backend {
  name: string;
  available: () => Promise<boolean>;
  /** A fresh, empty store location, and how to remove it. */
  location: () => { url: string; drop: () => Promise<void> };
}
const backends: Backend[] = [
  {
    name: 'sqlite',
    available: async () => true,
    location: () => ({ url: path.join(mkdtempSync(path.join(os.tmpdir(), 'newsfacts-parity-')), 'db.sqlite'), drop: async () => undefined }),
  },
  {
    name: 'postgres',
    available: async () => need(await postgresUp(), 'PostgreSQL on 127.0.0.1:5432'),
    location: () => {
      const url = pgTestUrl('parity');
      return { url, drop: () => dropDatabase(url) };
    },
  },
];

describe.each(backends)('store parity: $name', (backend) => {
  let up = false;
  const opened: Array<{ store: AsyncStore; drop: () => Promise<void> }> = [];
  async function fresh(): Promise<AsyncStore> {
    const where = backend.location();
    const store = await openAsyncStore(where.url);
    opened.push({ store, drop: where.drop });
    return store;
  }
  beforeAll(async () => {
    up = await backend.available();
  });
  afterAll(async () => {
    for (const o of opened) {
      await o.store.close();
      await o.drop();
    }
  });

  test('a document and its facts round-trip, maps included', async () => {
    if (!up) return;
    const s = await fresh();
    const run = await s.startRun(RUN);
    const put = await s.putDocument(run, record(), [loan, trainees]);
    expect(put.facts).toBe(2);
    const d = (await s.document('test/doc.txt'))!;
    expect(d.contentHash).toBe('h1');
    expect(d.normalized.text).toBe(record().normalized.text);
    expect(d.normalized.toOriginal(11, 14)).toEqual([11, 14]);
    expect(d.title).toBe('標題');
    const rows = await s.facts({ type: 'loan_amount' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ doc: 'test/doc.txt', value: 200000000, unit: 'CNY', start: 11, end: 14, rule: 'zh.loan_amount.lending', lang: 'zh-Hant', run_id: run });
    expect(typeof rows[0].id).toBe('number');
    expect((await s.fact(rows[0].id))!.evidence).toBe('貸款共計2億元');
    expect((await s.facts({ lang: 'zh' })).map((f) => f.type)).toEqual(['loan_amount', 'trainee_count']);
    expect(await s.documents()).toEqual([{ id: d.id, source: 'test/doc.txt', lang: 'zh-Hant', title: '標題' }]);
  });

  test('storing the same content hash again replaces, never duplicates', async () => {
    const s = up ? await fresh() : null;
    if (!s) return;
    const run = await s.startRun(RUN);
    await s.putDocument(run, record(), [loan]);
    await s.putDocument(run, record('h1', 'v2'), [loan, loan, trainees]);
    expect(await s.query('SELECT COUNT(*) AS n FROM documents')).toEqual([{ n: 1 }]);
    expect(await s.query('SELECT COUNT(*) AS n FROM facts')).toEqual([{ n: 2 }]);
    expect(await s.documentVersion('h1')).toBe('v2');
    expect(await s.documentVersion('nope')).toBeNull();
  });

  test('a failing write leaves no half document', async () => {
    const s = up ? await fresh() : null;
    if (!s) return;
    const run = await s.startRun(RUN);
    // A value no column can take: the fact insert fails after the document row was written, and both must go.
    const bad = { ...loan, value: {} as unknown as number };
    await expect(s.putDocument(run, record('h2'), [bad])).rejects.toThrow();
    expect(await s.query('SELECT COUNT(*) AS n FROM documents')).toEqual([{ n: 0 }]);
  });

  test('a fact below zero is never stored', async () => {
    const s = up ? await fresh() : null;
    if (!s) return;
    const run = await s.startRun(RUN);
    await s.putDocument(run, record('h3'), [{ ...loan, value: -loan.value }, trainees]);
    expect(await s.query('SELECT COUNT(*) AS n FROM facts WHERE value < 0')).toEqual([{ n: 0 }]);
    expect(await s.query('SELECT COUNT(*) AS n FROM facts')).toEqual([{ n: 1 }]);
  });

  test('many writers of the same page at once: one document, its facts once', async () => {
    const s = up ? await fresh() : null;
    if (!s) return;
    const runs = await Promise.all([1, 2, 3].map(() => s.startRun(RUN)));
    await Promise.all(Array.from({ length: 12 }, (_, i) => s.putDocument(runs[i % 3], record('same', 'v1', `copy${i}.txt`), [loan, trainees])));
    expect(await s.query('SELECT COUNT(*) AS n FROM documents')).toEqual([{ n: 1 }]);
    expect(await s.query('SELECT COUNT(*) AS n FROM facts')).toEqual([{ n: 2 }]);
  });

  test('runs, errors, touch and the audit history', async () => {
    const s = up ? await fresh() : null;
    if (!s) return;
    const r1 = await s.startRun(RUN);
    const { documentId } = await s.putDocument(r1, record(), [loan, trainees]);
    await s.recordError(r1, 'bad.txt', 'binary file', null);
    await s.finishRun(r1, { pagesRead: 2, pagesStored: 1, pagesUnchanged: 0, pagesFailed: 1, factsStored: 2 }, 'done');
    const r2 = await s.startRun(RUN);
    await s.touchDocument(r2, 'h1');
    expect(await s.replaceFacts(r2, documentId, [loan], 'v3')).toBe(1);
    await s.recordRunRules(r2, [{ id: 'zh.loan_amount.lending', version: 'abc' }]);
    await s.putReview({ documentId, type: 'loan_amount', value: 200000000, unit: 'CNY', start: 11, end: 14, verdict: 'wrong' });
    await s.putReview({ documentId, type: 'loan_amount', value: 200000000, unit: 'CNY', start: 11, end: 14, verdict: 'correct', note: 'n' });

    const runs = await s.runs();
    expect(runs.map((r) => [r.id, r.status, r.pages_failed])).toEqual([[r1, 'done', 1], [r2, 'running', 0]]);
    expect((await s.errors(r1)).map((e) => [e.source, e.reason])).toEqual([['bad.txt', 'binary file']]);
    expect(await s.documentVersion('h1')).toBe('v3');
    expect((await s.factsAtRun(r1)).map((f) => f.type)).toEqual(['loan_amount', 'trainee_count']);
    expect((await s.factsAtRun(r2)).map((f) => f.type)).toEqual(['loan_amount']);
    expect(await s.runRules(r2)).toEqual([{ id: 'zh.loan_amount.lending', version: 'abc' }]);
    expect(await s.runRules(r1)).toBeNull();
    expect((await s.reviews()).map((r) => [r.doc, r.verdict, r.note])).toEqual([['test/doc.txt', 'correct', 'n']]);
  });

  test('a batch of documents in one transaction (the ingest write path)', async () => {
    const s = up ? await fresh() : null;
    if (!s?.writeBatch) return;
    const run = await s.startRun(RUN);
    await s.putDocument(run, record('old'), [loan]);
    const run2 = await s.startRun(RUN);
    const out = await s.writeBatch(run2, { documents: [{ doc: record('b', 'v1', 'b.txt'), facts: [loan, trainees] }, { doc: record('a', 'v1', 'a.txt'), facts: [] }], unchanged: ['old'] });
    expect(out.map((r) => r.facts)).toEqual([2, 0]);
    expect(await s.query('SELECT source, last_run FROM documents ORDER BY source')).toEqual([
      { source: 'a.txt', last_run: run2 }, { source: 'b.txt', last_run: run2 }, { source: 'test/doc.txt', last_run: run2 },
    ]);
  });

  test('read-only SQL reads and cannot write', async () => {
    const s = up ? await fresh() : null;
    if (!s) return;
    const run = await s.startRun(RUN);
    await s.putDocument(run, record(), [loan]);
    expect(await s.query('SELECT type, value FROM facts WHERE unit = ?', ['CNY'])).toEqual([{ type: 'loan_amount', value: 200000000 }]);
    await expect(s.query('DELETE FROM facts')).rejects.toThrow();
    expect(await s.query('SELECT COUNT(*) AS n FROM facts')).toEqual([{ n: 1 }]);
  });

  test('the synchronous door (openStore) reads the same store, as the read commands use it', async () => {
    if (!up || !builtCli()) return; // the PostgreSQL bridge runs compiled JavaScript in a worker thread
    const where = backend.location();
    const w = await openAsyncStore(where.url);
    const run = await w.startRun(RUN);
    await w.putDocument(run, record(), [loan, trainees]);
    await w.close();
    const r = openStore(where.url, { readonly: true });
    try {
      expect(r.facts({ type: 'trainee_count' }).map((f) => [f.doc, f.value])).toEqual([['test/doc.txt', 3000]]);
      const d = r.document('h1')!;
      expect(d.clean).toBeInstanceOf(TrackedText);
      expect(d.normalized.toOriginal(11, 14)).toEqual([11, 14]);
      expect(() => r.query('DELETE FROM facts')).toThrow();
    } finally {
      r.close();
      await where.drop();
    }
  });
});
