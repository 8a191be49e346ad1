/**
 * `summary` on the dev set reproduces a province-year total checked by hand (issue 14). The texts and the gold are
 * read where they lie (../shared/eval beside the repository, or NEWSFACTS_EVAL), never copied: ingested into a
 * temporary database here; the test is skipped, saying so, when they are absent.
 *
 * The group: funding_amount, province 51 (Sichuan), year 2021, CNY, running totals, achieved. Checked by hand against
 * facts/articles/px15.txt (a city report of Nanchong, dated 2021-12-27 in its header) and gold.jsonl (doc px15):
 * - the paragraph opening at original offset 127 has a sentence (offsets 200–325) stating, over the past three years
 *   (up to the report's date: running totals as of 2021-12-27), two subsidies paid out city-wide: start-up subsidies of
 *   "more than 32 million" yuan (figure at offsets 245–252) = 32,000,000 and training subsidies of "more than 26
 *   million" (259–266) = 26,000,000; the start-up loans beside them (275–281) are loan_amount, not funding. The gold
 *   has exactly these two funding facts, with cumulative true, period_end 2021-12-27 and province_code 51.
 * - the text's only other funding figure (3 million yuan at 401–406) is a yearly appropriation quoted from a policy
 *   list (gold: planned, no period): it has no period, so it falls in no year and is listed as left out.
 * - no other dev text has a Sichuan funding figure of 2021 (gold or pipeline).
 * Both running totals span the same three years to the same date, so their sum is meaningful: 32,000,000 +
 * 26,000,000 = 58,000,000 CNY, 2 facts, 1 document, 1 story.
 *
 * Groups checked by hand that the pipeline does not reproduce (at main 3a8acff), and why:
 * - loan_amount 23 (Heilongjiang) 2016, px07: the hand total is the 23-million-yuan quota of 2016 (figure at 131–137),
 *   lent in full; the two loan kinds of the sentence that opens with "of which" (figures at 176–182 and 193–198) are
 *   its parts, a 0.3 million after a second "of which" is a part of the second, and a borrower's 0.1 million in the
 *   next paragraph (223–227) is an example. The pipeline summed all but the 0.3 million (46,100,000) until a sentence
 *   opening with 其中 was read as parts of the total before it; it now sums 23,100,000: the example loan is summed.
 * - loan_amount 48 (Đà Nẵng) 2016: a fisherman's own loan in vi-039 (figure at 2123–2133), dated by a vague "early 2016"
 *   that the gold leaves undated, is given the whole of 2016 and summed with the city's lending figures of vi-002.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ingest } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { summaryOf } from '../../src/summary/summarize.js';

const candidates = [process.env.NEWSFACTS_EVAL, path.resolve('../shared/eval'), path.resolve('../../shared/eval')].filter(Boolean) as string[];
const EVAL = candidates.find((d) => existsSync(path.join(d, 'facts/articles')));
if (!EVAL) console.warn('skipping summary on the dev set: ../shared/eval/facts is not here (set NEWSFACTS_EVAL to its parent)');

(EVAL ? describe : describe.skip)('summary on the dev set', () => {
  test('reproduces the hand-checked total: Sichuan 2021 funding, running totals, 58,000,000 CNY', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-summary-dev-'));
    const store = new SqliteStore(path.join(dir, 'dev.sqlite'));
    try {
      await ingest(store, [path.join(EVAL!, 'facts')], { workers: 0 });
      const s = summaryOf(store, 'funding_amount', ['province', 'year'], 'achieved');
      const sichuan = s.rows.filter((r) => r.keys.province === '51 四川省' && r.keys.year === '2021');
      expect(sichuan.map((r) => [r.unit, r.kind, r.sum, r.facts, r.documents, r.stories])).toEqual([['CNY', 'running total', 58_000_000, 2, 1, 1]]);
      // The two facts are px15's figures at the offsets above.
      const facts = sichuan[0].ids.map((id) => store.fact(id)!);
      expect(facts.map((f) => [path.basename(f.doc), f.start, f.end, f.value]).sort()).toEqual([
        ['px15.txt', 245, 252, 32_000_000],
        ['px15.txt', 259, 266, 26_000_000],
      ]);
      // The yearly appropriation has no year: left out, with its reason.
      const px15 = store.facts({ doc: facts[0].doc, type: 'funding_amount' });
      const yearly = px15.find((f) => f.value === 3_000_000)!;
      expect(s.leftOut.find((l) => l.ids.includes(yearly.id))?.reason).toMatch(/^no year|plan/);
    } finally {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
