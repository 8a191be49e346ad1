/**
 * `audit explain --figure <doc>:<offset>`: for a number that produced no fact, the decision that passed it over and its
 * decisive words; for one that did, the rule and the word that decided. Built on pages written for this test.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildDb, cli, tempDir, type AuditDb } from './helpers.js';
import { explainFigure } from '../../src/audit/explain.js';

const ZH = '今年以来，该县新增城镇就业5200人。本届人才交流会与会代表300余人。截至9月末，全县各项存款余额达120亿元。\n';
const VI = 'Năm 2016, Ngân hàng Chính sách xã hội huyện đã giải ngân 86 tỷ đồng. Công ty TNHH Một thành viên Thủy lợi vừa ký hợp đồng.\n';

let db: AuditDb;
let dir: string;
beforeAll(async () => {
  dir = tempDir('newsfacts-figure-');
  writeFileSync(path.join(dir, 'zh.txt'), ZH);
  writeFileSync(path.join(dir, 'vi.txt'), VI);
  db = await buildDb([path.join(dir, 'zh.txt'), path.join(dir, 'vi.txt')]);
});
afterAll(() => db.store.close());

const doc = (name: string) => db.store.documents().find((d) => d.source.endsWith(name))!;

describe('audit explain --figure', () => {
  test('a passed-over figure names its decision and decisive words', () => {
    const e = explainFigure(db.store, String(doc('zh.txt').id), ZH.indexOf('300余人'), db.ruleSet);
    expect(e.outcome).toBe('passed');
    expect(e.passed).toMatchObject({ decision: 'audience', pattern: 1, words: '与会' });
    expect(e.sentence).toContain('⟦300余人⟧');
    expect(e.factId).toBeNull();
    const money = explainFigure(db.store, doc('zh.txt').source, ZH.indexOf('120亿元'), db.ruleSet);
    expect(money.passed).toMatchObject({ decision: 'other_money', words: '存款' });
    const form = explainFigure(db.store, String(doc('vi.txt').id), VI.indexOf('Một thành viên'), db.ruleSet);
    expect(form.passed).toMatchObject({ decision: 'name_word', pattern: 2 });
  });

  test('a figure that became a fact names the rule and the trigger, and the stored fact', () => {
    const e = explainFigure(db.store, String(doc('zh.txt').id), ZH.indexOf('5200人'), db.ruleSet);
    expect(e.outcome).toBe('fact');
    expect(e.chosen).toMatchObject({ rule: 'zh.headcount.employment', trigger: '就业' });
    expect(e.factId).toBe(db.store.facts().find((f) => f.value === 5200)!.id);
    const loan = explainFigure(db.store, String(doc('vi.txt').id), VI.indexOf('86 tỷ'), db.ruleSet);
    expect(loan.chosen).toMatchObject({ rule: 'vi.loan_amount.disbursed', type: 'loan_amount', trigger: 'giải ngân' });
  });

  test('through the CLI; a fact explanation shows the decision too; bad arguments are usage errors', async () => {
    const out = await cli('audit', 'explain', '--figure', `${doc('zh.txt').id}:${ZH.indexOf('300余人')}`, '--db', db.file);
    expect(out.code).toBe(0);
    expect(out.out).toContain('passed over: audience (pattern 1) — decisive words: 与会');
    const fact = db.store.facts().find((f) => f.value === 5200)!;
    const fe = await cli('audit', 'explain', String(fact.id), '--db', db.file);
    expect(fe.out).toContain('decision now: read by zh.headcount.employment — decisive word: 就业');
    expect((await cli('audit', 'explain', '--figure', 'nonsense', '--db', db.file)).code).toBe(2);
    expect((await cli('audit', 'explain', '--figure', `${doc('zh.txt').id}:2`, '--db', db.file)).code).toBe(2);
  });
});
