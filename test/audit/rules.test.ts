/** `newsfacts rules list|test` and the loader's refusal of malformed rule files. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet, RuleLoadError } from '../../src/extract/rules.js';
import { testRules } from '../../src/audit/ruletests.js';
import { cli, copyExtractors, editRule } from './helpers.js';

test('rules test runs every example of every rule', () => {
  const set = loadRuleSet();
  const results = testRules(set);
  expect(results.map((r) => r.rule)).toEqual(set.rules.map((r) => r.id));
  for (const r of results) expect(r.examples).toBe(set.rules.find((x) => x.id === r.rule)!.examples.valid.length + set.rules.find((x) => x.id === r.rule)!.examples.invalid.length);
  const failing = results.filter((r) => r.failures.length).map((r) => `${r.rule}: ${JSON.stringify(r.failures)}`);
  expect(failing).toEqual([]);
});

test('a wrong example fails its rule, with what was expected and what came out; the CLI exits 1', async () => {
  const dir = copyExtractors();
  editRule(dir, 'zh.loan_amount.lending', (r) => {
    r.examples.valid.push({ text: '已发放创业贷款300万元。', facts: [{ value: 4000000, unit: 'CNY' }] });
    r.examples.invalid.push({ text: '已发放创业贷款500万元。' });
  });
  const [r] = testRules(loadRuleSet(dir, { fresh: true }), 'zh.loan_amount.lending');
  expect(r.failures).toEqual([
    expect.objectContaining({ kind: 'valid', expected: ['loan_amount 4000000 CNY'], got: ['loan_amount 3000000 CNY exact'] }),
    expect.objectContaining({ kind: 'invalid', got: ['loan_amount 5000000 CNY exact'] }),
  ]);
  const run = await cli('rules', 'test', '--rule', 'zh.loan_amount.lending', '--extractors', dir);
  expect(run.code).toBe(1);
  expect(run.out).toMatch(/^FAIL {2}zh\.loan_amount\.lending/m);
  const ok = await cli('rules', 'test', '--rule', 'vi.loan_amount.lending', '--extractors', dir);
  if (loadRuleSet(dir, { fresh: true }).rules.some((x) => x.id === 'vi.loan_amount.lending')) expect(ok.code).toBe(0);
  expect((await cli('rules', 'test', '--rule', 'zh.nothing.here')).code).toBe(2);
});

test('rules list prints every rule with its version and file', async () => {
  const set = loadRuleSet();
  const { code, out } = await cli('rules', 'list', '--format', 'json');
  expect(code).toBe(0);
  const listed = JSON.parse(out);
  expect(listed.version).toBe(set.version);
  expect(listed.rules).toHaveLength(set.rules.length);
  expect(listed.rules[0]).toMatchObject({ id: set.rules[0].id, version: set.rules[0].version, file: expect.stringMatching(/\.yaml:\d+$/) });
});

test('a rule edit makes a new version of that rule only', () => {
  const dir = copyExtractors();
  const before = loadRuleSet(dir, { fresh: true });
  editRule(dir, 'zh.loan_amount.lending', (r) => r.triggers.push('贷款投向'));
  const after = loadRuleSet(dir, { fresh: true });
  for (const r of after.rules) {
    const old = before.rules.find((x) => x.id === r.id)!;
    if (r.id === 'zh.loan_amount.lending') expect(r.version).not.toBe(old.version);
    else expect(r.version).toBe(old.version);
  }
  expect(after.version).not.toBe(before.version);
});

describe('malformed rule files are rejected with the file and the line', () => {
  test('a value the schema does not allow', async () => {
    const dir = copyExtractors();
    const file = path.join(dir, 'zh', 'loan_amount.yaml');
    const src = readFileSync(file, 'utf8');
    writeFileSync(file, src.replace('kinds: [money]', 'kinds: [cash]'));
    const ruleLine = src.split('\n').findIndex((l) => l.includes('id: zh.loan_amount.lending')) + 1;
    let err: unknown;
    try {
      loadRuleSet(dir, { fresh: true });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RuleLoadError);
    const e = err as RuleLoadError;
    expect(e.file).toMatch(/zh[\\/]loan_amount\.yaml$/);
    expect(e.line).toBe(ruleLine);
    expect(e.message).toMatch(new RegExp(`loan_amount\\.yaml:${ruleLine}: .*kinds`));
    const run = await cli('rules', 'list', '--extractors', dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/loan_amount\.yaml:\d+/);
  });

  test('broken YAML', () => {
    const dir = copyExtractors();
    const file = path.join(dir, 'vi', 'headcount.yaml');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.splice(4, 0, '   : [unclosed');
    writeFileSync(file, lines.join('\n'));
    expect(() => loadRuleSet(dir, { fresh: true })).toThrow(/vi[\\/]headcount\.yaml:\d+: not valid YAML/);
  });
});
