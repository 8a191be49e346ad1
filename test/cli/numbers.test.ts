/** `newsfacts numbers` shows `range` for ranges and vague amounts, and a `kind` that tells money, counts, percentages, ordinals and words apart. */
import { quantityJson } from '../../src/cli/numbers.js';
import { parseQuantities } from '../../src/quantities/index.js';
import type { RuleLang } from '../../src/types.js';

const shown = (text: string, lang: RuleLang) => parseQuantities(text, lang).map(quantityJson);

test('range for a range and for a vague amount, null for an exact figure', () => {
  expect(shown('每户贷款3至5万元，带动上千人就业，培训1200人', 'zh')).toMatchObject([
    { text: '3至5万元', kind: 'money', qualifier: 'range', range: [30000, 50000] },
    { text: '上千人', kind: 'count', qualifier: 'more_than', range: [1000, 10000] },
    { text: '1200人', kind: 'count', range: null },
  ]);
  expect(shown('Làng nghề thu hút hàng nghìn lao động', 'vi')).toMatchObject([{ kind: 'count', range: [1000, 10000] }]);
});

test('kind: money, count, percent, ordinal, article, name word', () => {
  const kinds = shown('第三届展会上一家企业投资5亿元，招聘300人，占比20%，代表一致同意', 'zh').map((q) => [q.text, q.kind]);
  expect(kinds).toEqual([
    ['三届', 'ordinal'],
    ['一家', 'article'],
    ['5亿元', 'money'],
    ['300人', 'count'],
    ['20%', 'percent'],
    ['一致', 'name_word'],
  ]);
  expect(shown('Công ty TNHH Một thành viên nhận một học viên', 'vi').map((q) => q.kind)).toEqual(['name_word', 'article']);
});
