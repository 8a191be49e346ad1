import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { TrackedText, TextBuilder } from '../../src/offsets.js';
import type { DocumentRecord } from '../../src/store/types.js';
import type { Fact } from '../../src/types.js';

const original = '蘇州：發放小額貸款共計2億元。';
function record(hash = 'h1', version = 'v1'): DocumentRecord {
  const t = TrackedText.fromOriginal(original);
  const norm = new TextBuilder(t).replace(0, 2, '苏州').copy(2, 5).replace(5, 11, '小额贷款共计').copy(11, original.length).build();
  return {
    contentHash: hash, source: 'test/doc.txt', format: 'text', encoding: 'utf-8', lang: 'zh-Hant',
    meta: { title: '標題', date: '2015-12-17', source: '蘇州日報', author: null }, original, clean: t, normalized: norm,
    messages: [], pipelineVersion: version,
  };
}
const fact: Fact = {
  type: 'loan_amount', value: 200000000, valueMax: null, unit: 'CNY', qualifier: 'exact', rule: 'zh.loan_amount.lending',
  ruleVersion: 'abc', normStart: 11, normEnd: 14, start: 11, end: 14, evidenceNormStart: 6, evidenceNormEnd: 14,
  evidenceStart: 6, evidenceEnd: 14, evidence: '貸款共計2億元', trigger: '贷款', sentence: original, period: null, place: '苏州市',
};

function fresh(): SqliteStore {
  return new SqliteStore(path.join(mkdtempSync(path.join(os.tmpdir(), 'newsfacts-store-')), 'db.sqlite'));
}

test('a document and its facts round-trip, maps included', () => {
  const s = fresh();
  const run = s.startRun({ command: 't', inputs: [], codeVersion: '0', rulesetVersion: 'r', dictVersions: {}, pipelineVersion: 'v1' });
  s.putDocument(run, record(), [fact]);
  const d = s.document('test/doc.txt')!;
  // The normalized text and its map come back as stored: 苏州 from 蘇州 one to one, 小额贷款共计 from its six characters.
  expect(d.normalized.text).toBe('苏州：發放小额贷款共计2億元。');
  expect(d.normalized.toOriginal(0, 2)).toEqual([0, 2]);
  expect(d.normalized.toOriginal(5, 11)).toEqual([5, 11]);
  expect(d.normalized.toOriginal(11, 14)).toEqual([11, 14]);
  const rows = s.facts({ type: 'loan_amount' });
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ doc: 'test/doc.txt', value: 200000000, unit: 'CNY', start: 11, end: 14, rule: 'zh.loan_amount.lending', lang: 'zh-Hant' });
  s.close();
});

test('storing the same content hash again replaces, never duplicates', () => {
  const s = fresh();
  const run = s.startRun({ command: 't', inputs: [], codeVersion: '0', rulesetVersion: 'r', dictVersions: {}, pipelineVersion: 'v1' });
  s.putDocument(run, record(), [fact]);
  s.putDocument(run, record('h1', 'v2'), [fact, fact]);
  expect(s.query('SELECT COUNT(*) n FROM documents')[0].n).toBe(1);
  expect(s.query('SELECT COUNT(*) n FROM facts')[0].n).toBe(1);
  expect(s.documentVersion('h1')).toBe('v2');
  s.close();
});

test('a failing write leaves no half document', () => {
  const s = fresh();
  const run = s.startRun({ command: 't', inputs: [], codeVersion: '0', rulesetVersion: 'r', dictVersions: {}, pipelineVersion: 'v1' });
  // A fact whose value cannot be bound (an object) makes the insert throw after the document row was written.
  const bad = { ...fact, value: {} as unknown as number };
  expect(() => s.putDocument(run, record('h2'), [bad])).toThrow();
  expect(s.query('SELECT COUNT(*) n FROM documents')[0].n).toBe(0);
  s.close();
});

test('read-only connections refuse writes', () => {
  const s = fresh();
  s.close();
  const ro = new SqliteStore(s.file, { readonly: true });
  expect(() => ro.query('DELETE FROM facts')).toThrow();
  expect(() => ro.query('SELECT 1 AS one')).not.toThrow();
  ro.close();
});

test('the full-text index catches up when asked, and follows a re-processed text', () => {
  const s = fresh();
  const run = s.startRun({ command: 't', inputs: [], codeVersion: '0', rulesetVersion: 'r', dictVersions: {}, pipelineVersion: 'v1' });
  s.putDocument(run, record(), [fact]);
  // Ingest does not index page by page: the document waits in search_pending.
  expect(s.searchDocuments(['小额贷款'], 10, 0).total).toBe(0);
  expect(s.updateSearchIndex()).toBe(1);
  expect(s.searchDocuments(['小额贷款'], 10, 0).hits.map((h) => h.source)).toEqual(['test/doc.txt']);
  expect(s.updateSearchIndex()).toBe(0); // nothing new

  // Re-processed with another text: the old entry goes at once, the new one comes with the next catch-up.
  const other = TrackedText.fromOriginal('苏州：发放创业担保贷款。');
  s.putDocument(run, { ...record('h1', 'v2'), normalized: other }, []);
  expect(s.searchDocuments(['小额贷款'], 10, 0).total).toBe(0);
  expect(s.updateSearchIndex()).toBe(1);
  expect(s.searchDocuments(['创业担保'], 10, 0).total).toBe(1);
  expect(s.searchDocuments(['小额贷款'], 10, 0).total).toBe(0);
  // The index agrees with its content table (FTS5's own consistency check).
  expect(() => s.db.exec("INSERT INTO documents_fts (documents_fts) VALUES ('integrity-check')")).not.toThrow();
  s.close();
});

test('offset maps are stored compressed and read back exactly; maps in the first format still read', async () => {
  const { encodeMap, decodeMap } = await import('../../src/offset-codec.js');
  const { processPage } = await import('../../src/pipeline.js');
  const { loadRuleSet } = await import('../../src/extract/rules.js');
  const { readFileSync, readdirSync } = await import('node:fs');
  const dir = path.resolve(process.cwd(), 'corpus');
  const file = readdirSync(dir).find((f) => f.startsWith('003'))!;
  const done = processPage({ source: file, bytes: readFileSync(path.join(dir, file)), format: 'text' }, loadRuleSet());
  const norm = done.norm.text; // pinyin stripped, OpenCC converted: far from one to one
  const blob = encodeMap(norm);
  expect(blob.length).toBeLessThan((norm.length * 8) / 10); // the first format took 8 bytes a character
  const back = decodeMap(norm.text, blob);
  expect(Array.from(back.starts)).toEqual(Array.from(norm.starts));
  expect(Array.from(back.ends)).toEqual(Array.from(norm.ends));
  // The first format: all starts, then all ends, Int32.
  const old = Buffer.from(new Int32Array([...norm.starts, ...norm.ends]).buffer);
  expect(Array.from(decodeMap(norm.text, old).ends)).toEqual(Array.from(norm.ends));
});
