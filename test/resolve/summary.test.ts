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
import * as OpenCC from 'opencc-js';
import { ingest } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { SUMMARY_FACTS_SQL, summarize, type SummaryFact } from '../../src/summary/summarize.js';
import { listStories } from '../../src/cli/stories.js';

const LESHAN = `乐山市创业担保贷款助力返乡创业
发布时间：2018-01-15 09:30
今年以来，乐山市人社局会同财政、银行等部门，简化贷款手续，把创业担保贷款送到创业者手中。
2017年，乐山市发放创业担保贷款2.3亿元，其中扶持返乡农民工创业贷款8000万元，直接带动就业5600人。
截至2017年底，全市累计发放创业担保贷款12亿元，扶持创业者2.1万人次。
市人社局负责人介绍，下一步将继续扩大贷款覆盖面，计划2018年发放创业担保贷款3亿元，重点支持返乡创业和大学生创业。
市人社局还组织了创业培训和项目推介活动，帮助创业者对接市场。`;

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const LESHAN_COPY = `四川新闻网 > 地方频道 > 乐山
${toTraditional(LESHAN)}
责任编辑：张华 版权所有 转载请注明出处`;

const MIANYANG = `绵阳市创业担保贷款稳步增长
发布时间：2018-02-01 10:00
2017年，绵阳市共发放创业担保贷款1.5亿元，带动就业3200人。
绵阳市就业局表示，贷款主要投向科技型小微企业和农村电商，平均每笔贷款办理时间缩短到7个工作日。`;

const LESHAN_2016 = `乐山市去年发放创业担保贷款1.8亿元
发布时间：2017-01-20 08:00
2016年，乐山市发放创业担保贷款1.8亿元，支持1500名创业者开办小微企业。`;

describe('stories and summary on a hand-checked corpus', () => {
  test('a reprint is one story with its original; the province-year total counts each figure once', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-stories-'));
    const files = { 'a_leshan.txt': LESHAN, 'b_leshan_copy.txt': LESHAN_COPY, 'c_mianyang.txt': MIANYANG, 'd_leshan_2016.txt': LESHAN_2016 };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
    const store = new SqliteStore(path.join(dir, 'db.sqlite'));
    try {
      const s = await ingest(store, [dir], { workers: 0 });
      expect(s.pagesStored).toBe(4);
      const docs = store.query('SELECT id, source, story, published FROM documents ORDER BY source') as any[];
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
