/** Every phrase of the issue-15 fixture (test/fixtures/numbers/news-kinds.jsonl) is read as its line says. */
import { parseQuantities } from '../../src/quantities/index.js';
import { loadNewsKinds, matchingQuantity } from '../../scripts/news-kinds.js';

const cases = loadNewsKinds(process.cwd());

test('the fixture covers every kind in at least two languages or scripts where the kind exists', () => {
  expect(cases.length).toBeGreaterThanOrEqual(150);
  expect(new Set(cases.map((c) => c.kind)).size).toBe(11);
});

test.each(cases.map((c) => [c.kind, c.text, c] as const))('%s: %s', (_kind, _text, c) => {
  const qs = parseQuantities(c.text, c.lang);
  const hit = matchingQuantity(qs, c);
  if (!hit) throw new Error(`${c.text}: expected ${JSON.stringify(c)}, got ${JSON.stringify(qs.map((q) => [q.text, q.value, q.unit, q.qualifier, q.range, q.vagueRange]))}`);
});
