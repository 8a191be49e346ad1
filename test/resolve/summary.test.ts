/**
 * Stories and sums on a small corpus written for this test: a Leshan report, a syndicated traditional-script copy of
 * it with another site's header and footer, a different report on the same topic (Mianyang), and a Leshan report of
 * the year before. The province-year total of start-up loans was worked out by hand:
 * 51 (Sichuan) 2017, achieved, in period = 2.3亿 (Leshan) + 1.5亿 (Mianyang) = 380,000,000 CNY — the copy's figures are
 * reprints, the 8000万 is part of the 2.3亿 (其中), the 3亿 is a plan and the 12亿 a running total (its own row).
 */
import { describe, expect, test } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { SUMMARY_FACTS_SQL, summarize, type SummaryFact } from '../../src/summary/summarize.js';
import { listStories } from '../../src/cli/stories.js';
import { STORY_FILES } from './story-corpus.js';
import { explainFact, formatExplanation } from '../../src/audit/explain.js';
import { loadRuleSet } from '../../src/extract/rules.js';
import { reextract } from '../../src/audit/reextract.js';

describe('stories and summary on a hand-checked corpus', () => {
  test('a reprint is one story with its original; the province-year total counts each figure once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-stories-'));
    for (const [name, text] of Object.entries(STORY_FILES)) writeFileSync(path.join(dir, name), text);
    const store = new SqliteStore(path.join(dir, 'db.sqlite'));
    try {
      const s = await ingest(store, [dir], { workers: 0 });
      expect(s.pagesStored).toBe(4);
      const docs = store.query('SELECT d.id, d.source, s.story, d.published FROM documents d LEFT JOIN document_stories s ON s.document_id = d.id ORDER BY d.source') as any[];
      const bySource = (n: string) => docs.find((d) => d.source.endsWith(n));
      expect(bySource('b_leshan_copy.txt').story).toBe(bySource('a_leshan.txt').id);
      expect(bySource('c_mianyang.txt').story).toBe(bySource('c_mianyang.txt').id);
      expect(bySource('d_leshan_2016.txt').story).toBe(bySource('d_leshan_2016.txt').id);
      const stories = listStories(docs, 2);
      expect(stories).toHaveLength(1);
      expect(stories[0].documents[0]).toMatch(/a_leshan\.txt$/);

      // Every figure of the copy points at the same figure of the original.
      const copyFacts = store.facts({ doc: bySource('b_leshan_copy.txt').source });
      expect(copyFacts.length).toBeGreaterThan(2);
      for (const f of copyFacts) {
        const orig = store.fact(f.duplicate_of!);
        expect(orig?.document_id).toBe(bySource('a_leshan.txt').id);
        expect([orig?.type, orig?.value, orig?.unit]).toEqual([f.type, f.value, f.unit]);
      }

      // Re-extraction writes new fact rows: the reprints are marked again, against the original's new rows.
      reextract(store, loadRuleSet(), 'all', { command: 'test' });
      const copyAgain = store.facts({ doc: bySource('b_leshan_copy.txt').source });
      expect(copyAgain.map((f) => f.duplicate_of)).not.toContain(null);
      for (const f of copyAgain) expect(store.fact(f.duplicate_of!)?.document_id).toBe(bySource('a_leshan.txt').id);
      copyFacts.splice(0, copyFacts.length, ...copyAgain);

      // audit explain says how the story was decided: the copy's figure is a reprint of the original's.
      const copied = copyFacts.find((f) => f.value === 230_000_000)!;
      const told = formatExplanation(explainFact(store, copied.id, loadRuleSet())).split('\n');
      expect(told).toContainEqual(expect.stringMatching(/^story: \d+, 2 documents; the earliest is .*a_leshan\.txt \(2018-01-15\); documents join at ≥ 0\.45/));
      expect(told).toContainEqual(expect.stringMatching(/a_leshan\.txt \(2018-01-15\): 1\d\d\/126 MinHash values shared/));
      expect(told).toContainEqual(`reprint: the same figure (type, value, unit) is fact ${copied.duplicate_of} in ${bySource('a_leshan.txt').source}; a summary counts it there, not here`);
      const mianyang = store.facts({ doc: bySource('c_mianyang.txt').source, type: 'loan_amount' })[0];
      const alone = formatExplanation(explainFact(store, mianyang.id, loadRuleSet()));
      expect(alone).toContain(`story: ${bySource('c_mianyang.txt').id}, a story of its own`);
      expect(alone).toContain('not a reprint: the story states this figure here first');

      const facts = store.query(SUMMARY_FACTS_SQL, ['loan_amount']) as unknown as SummaryFact[];
      const sum = summarize(facts, ['province', 'year'], 'achieved');
      const row = (year: string, kind: string) => sum.rows.find((r) => r.keys.province === '51 四川省' && r.keys.year === year && r.kind === kind && r.unit === 'CNY');
      expect(row('2017', 'in period')?.sum).toBe(380_000_000);
      expect(row('2017', 'in period')?.stories).toBe(2);
      expect(row('2016', 'in period')?.sum).toBe(180_000_000);
      expect(row('2017', 'running total')?.sum).toBe(1_200_000_000);
      const reasons = sum.leftOut.map((l) => l.reason).join(' | ');
      expect(reasons).toMatch(/reprint/);
      expect(reasons).toMatch(/plan/);
      expect(reasons).toMatch(/part of a total/);
      const planned = summarize(facts, ['province', 'year'], 'planned');
      expect(planned.rows.find((r) => r.keys.year === '2018')?.sum).toBe(300_000_000);
    } finally {
      store.close();
    }
  });
});

describe('parts of a total', () => {
  test('a sentence opening with 其中 lists parts of the total before it: summed once, as the total', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-parts-'));
    // Written for this test: a 2019 total of start-up loans in Yibin, then a sentence of its two parts.
    writeFileSync(
      path.join(dir, 'yibin.txt'),
      '宜宾市创业担保贷款\n发布时间：2020-01-10\n2019年，宜宾市发放创业担保贷款5000万元，扶持创业者800人。\n其中，个人创业担保贷款3200万元，小微企业创业担保贷款1800万元。\n',
    );
    const store = new SqliteStore(path.join(dir, 'db.sqlite'));
    try {
      await ingest(store, [dir], { workers: 0 });
      const loans = store.facts({ type: 'loan_amount' }).map((f) => f.value);
      expect(loans.sort((a, b) => a - b)).toEqual([18_000_000, 32_000_000, 50_000_000]);
      const facts = store.query(SUMMARY_FACTS_SQL, ['loan_amount']) as unknown as SummaryFact[];
      const s = summarize(facts, ['province', 'year'], 'achieved');
      expect(s.rows.map((r) => [r.keys.province, r.keys.year, r.sum, r.facts])).toEqual([['51 四川省', '2019', 50_000_000, 1]]);
      expect(s.leftOut.find((l) => /^part of a total/.test(l.reason))?.facts).toBe(2);
      // The 800 persons stand before the 其中 sentence but are no part of it (another unit).
      const heads = summarize(store.query(SUMMARY_FACTS_SQL, ['headcount']) as unknown as SummaryFact[], ['year'], 'achieved');
      expect(heads.rows.map((r) => r.sum)).toEqual([800]);
    } finally {
      store.close();
    }
  });
});
