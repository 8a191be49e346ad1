import { parseQuantities } from '../../src/quantities/index.js';

// Budget figures in Vietnamese news stack multipliers: `nghìn tỷ` is a thousand billion.
test.each([
  ['Tổng kinh phí là trên 17,5 ngàn tỷ đồng.', 17500000000000, 'more_than'],
  ['Ngân sách bố trí gần 70 nghìn tỷ đồng cho chương trình.', 70000000000000, 'approx'],
  ['NHCSXH được giao hơn 4,3 nghìn tỷ đồng.', 4300000000000, 'more_than'],
])('%s', (text, value, qualifier) => {
  const [q] = parseQuantities(text, 'vi').filter((x) => x.kind === 'money');
  expect(q).toMatchObject({ value, unit: 'VND', qualifier });
});

test('a smaller group after a multiplier is still added, not stacked', () => {
  const [q] = parseQuantities('Doanh thu đạt 1 tỷ 200 triệu đồng.', 'vi');
  expect(q.value).toBe(1200000000);
});
