import { currencyMentions } from '../../src/quantities/mentions.js';

test('currency names standing without a figure are mentions; a currency beside a figure is not', () => {
  expect(currencyMentions('人民币 美元', 'zh').map((m) => [m.text, m.unit])).toEqual([
    ['人民币', 'CNY'],
    ['美元', 'USD'],
  ]);
  expect(currencyMentions('贷款1亿美元，以人民币结算', 'zh').map((m) => m.text)).toEqual(['人民币']);
  expect(currencyMentions('Khoản vay bằng đô la Mỹ', 'vi').map((m) => m.unit)).toEqual(['USD']);
});
