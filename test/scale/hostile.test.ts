/**
 * A directory mixing good pages with every kind of hostile input the issue lists. The run goes through all of it:
 * each bad input is exactly one row in the errors table with a reason a person understands, the good pages (and the
 * damaged-but-readable ones) are stored with their facts. Runs the worker threads, so it needs the build (npm test).
 */
import path from 'node:path';
import { ingest, type IngestSummary } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { ErrorRow } from '../../src/store/types.js';
import { tempDir, writeHostileInputs } from './helpers.js';

let dir: string;
let store: SqliteStore;
let s: IngestSummary;
let errors: ErrorRow[];
const errorFor = (file: string) => errors.filter((e) => e.source.endsWith(file));

beforeAll(async () => {
  dir = tempDir('nf-hostile-');
  const pages = await writeHostileInputs(dir);
  store = new SqliteStore(path.join(dir, 'db.sqlite'));
  s = await ingest(store, [pages], { workers: 2 });
  errors = store.errors(s.runId);
}, 240_000);
afterAll(() => store?.close());

test('every hostile input is one error row with a plain reason; the run finished', () => {
  expect(store.runs().at(-1)).toMatchObject({ status: 'done' });
  expect(errorFor('empty.html')).toHaveLength(1);
  expect(errorFor('empty.html')[0].reason).toMatch(/empty file/);
  expect(errorFor('binary.html')).toHaveLength(1);
  expect(errorFor('binary.html')[0].reason).toMatch(/binary content \(PNG image\)/);
  expect(errorFor('truncated.html.gz')).toHaveLength(1);
  expect(errorFor('truncated.html.gz')[0].reason).toMatch(/truncated gzip/);
  expect(errorFor('invalid-utf8.html')).toHaveLength(1);
  expect(errorFor('invalid-utf8.html')[0].reason).toMatch(/invalid byte sequence.*page stored/);
  expect(errorFor('wrong-charset.html')).toHaveLength(1);
  expect(errorFor('wrong-charset.html')[0].reason).toMatch(/declares charset utf-8 but the bytes are not utf-8; read as gb18030/);
  expect(errorFor('huge.html')).toHaveLength(1);
  expect(errorFor('huge.html')[0].reason).toMatch(/page is 50\.\d MB, over the 16\.0 MB limit/);
  expect(errorFor('deep.html')).toHaveLength(1);
  expect(errorFor('deep.html')[0].reason).toMatch(/nests elements more than 1000 deep/);
  const warc = errors.filter((e) => e.reason.includes('crawl.warc'));
  expect(warc).toHaveLength(1);
  expect(warc[0].reason).toMatch(/record 3 .*corrupt record/);
  expect(warc[0].record).toMatch(/^<urn:uuid:/);
  expect(errors).toHaveLength(9 - 1); // eight hostile inputs, one row each
  expect(s.errorCount).toBe(8);
  expect(s.pagesWithWarnings).toBe(2);
  expect(s.pagesFailed).toBe(6);
});

test('the good pages, and the readable damaged ones, are stored with their facts', () => {
  const loans = store.facts({ type: 'loan_amount' }).map((f) => `${path.basename(f.doc)} ${f.value} ${f.unit}`);
  expect(loans).toEqual(
    expect.arrayContaining([
      'seed000.txt 2900000 CNY',
      'zh.html 2900000 CNY',
      'vi.htm 250000000 VND',
      'invalid-utf8.html 3100000 CNY',
      'wrong-charset.html 3500000 CNY',
      'good1 4200000 CNY',
      'good2 270000000 VND',
    ]),
  );
  expect(s.pagesStored).toBe(7);
  const trainees = store.facts({ type: 'trainee_count' }).filter((f) => f.doc.endsWith('zh.html'));
  expect(trainees.map((f) => [f.value, f.unit])).toEqual([[6039, 'person_time']]);
});
