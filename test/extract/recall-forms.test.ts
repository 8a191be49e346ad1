/**
 * The number forms of issue 13 (pattern 8) read end to end as facts, not only as quantities
 * (test/quantities/news-forms.test.ts): grouped digits with a space, 千余 / 逾5千 / 300萬左右, mixed 3萬2517, vi
 * `ngàn`, `nghìn`, the abbreviation `LĐ`, and a range `từ … đến …` (its lower bound, with the upper one kept). Sentences
 * written for this test.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

function facts(text: string) {
  return extractFromText(text, ruleSet).map((f) => ({ type: f.type, value: f.value, valueMax: f.valueMax, unit: f.unit, qualifier: f.qualifier }));
}

const fact = (type: string, value: number, unit: string, qualifier = 'exact', valueMax: number | null = null) => ({ type, value, valueMax, unit, qualifier });

describe('issue 13 pattern 8: news number forms give facts', () => {
  test.each([
    ['今年全区新增城镇就业28 400人。', fact('headcount', 28400, 'person')],
    ['这家合作社吸纳就业千余名。', fact('headcount', 1000, 'person', 'more_than')],
    ['去年全市返鄉創業人員逾6千人。', fact('headcount', 6000, 'person', 'more_than')],
    ['全省带动就业400萬左右。', fact('headcount', 4000000, 'person', 'approx')],
    ['全年共培訓4萬1083人次。', fact('trainee_count', 41083, 'person_time')],
    ['Năm ngoái, thành phố đã đào tạo nghề cho 95 ngàn lượt người.', fact('trainee_count', 95000, 'person_time')],
    ['Dự án điện gió đã giải quyết việc làm cho 6 nghìn người.', fact('headcount', 6000, 'person')],
    ['Nhà máy hiện có 2.300 LĐ đang làm việc.', fact('headcount', 2300, 'person')],
    ['Mỗi năm, cụm công nghiệp thu hút từ 1.500 đến 2.500 lao động.', fact('headcount', 1500, 'person', 'range', 2500)],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual([expected]);
  });
});

describe('a bare 万 figure before workers named with what they are is a count', () => {
  test.each([
    ['贵州前三季度对52万贫困劳动力开展技能培训', fact('trainee_count', 520000, 'person')],
    ['全省今年转移2万农村劳动力就业。', fact('headcount', 20000, 'person')],
    ['該縣去年轉移3萬農村勞動力就業。', fact('headcount', 30000, 'person')],
    ['今年帶動1萬返鄉農民工就業。', fact('headcount', 10000, 'person')],
  ])('%s', (text, expected) => {
    expect(facts(text)).toEqual([expected]);
  });
  test('money before a verb and workers stays money', () => {
    expect(facts('全省投入500万扶持农村劳动力创业。')).toEqual([fact('funding_amount', 5000000, 'CNY')]);
  });
});
