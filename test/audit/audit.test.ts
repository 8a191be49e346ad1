/**
 * The audit commands on a small database built from two seed pages: explain, stats, eval, diff, re-extraction and
 * reviews — through the library and through the CLI's JSON output.
 */
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/extract/rules.js';
import { normalizeQuery } from '../../src/normalize/normalize.js';
import { ingest } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { explainFact } from '../../src/audit/explain.js';
import { ruleStats } from '../../src/audit/stats.js';
import { evaluate } from '../../src/audit/eval.js';
import { diffRuns } from '../../src/audit/diff.js';
import { changedRules, reextract } from '../../src/audit/reextract.js';
import { applyVerdictFile, sampleFacts } from '../../src/audit/review.js';
import type { FactSnapshotRow } from '../../src/store/types.js';
import { addRule, buildDb, cli, editRule, SEEDS, tempDir, type AuditDb } from './helpers.js';

let db: AuditDb;
beforeAll(async () => {
  db = await buildDb();
});
afterAll(() => db.store.close());

const factOf = (value: number, type?: string) => {
  const f = db.store.facts().find((x) => x.value === value && (!type || x.type === type));
  if (!f) throw new Error(`no fact ${value} in the test database`);
  return f;
};

describe('audit explain', () => {
  test('names the rule and version, the trigger and figure, and marks them in both sentences', () => {
    const f = factOf(2900000, 'loan_amount');
    const e = explainFact(db.store, f.id, db.ruleSet);
    const rule = db.ruleSet.rules.find((r) => r.id === f.rule)!;
    expect(e.rule).toMatchObject({ id: 'zh.loan_amount.lending', version: rule.version, currentVersion: rule.version });
    expect(e.rule.file).toMatch(/loan_amount\.yaml$/);
    expect(e.figure.original).toBe('290万元');
    expect(e.sentence.original).toContain('⟦290万元⟧');
    expect(e.sentence.normalized).toContain('[' + f.trigger + ']');
    expect(e.sentence.normalized).toContain('⟦290万元⟧');
    expect(e.context).toMatchObject({ qualifier: 'exact', period: f.period, place: f.place });
    // A bare 元 in a mainland story: the currency comes from the document's country.
    expect(e.currency).toMatchObject({ unit: 'CNY', from: 'document', country: 'CN' });
  });

  test('through the CLI, as text and JSON; an unknown id is a usage error', async () => {
    const f = factOf(6039);
    const text = await cli('audit', 'explain', String(f.id), '--db', db.file, '--extractors', db.rulesDir);
    expect(text.code).toBe(0);
    expect(text.out).toContain('rule: zh.trainee_count.');
    expect(text.out).toMatch(/figure: 6039人次/);
    const json = await cli('audit', 'explain', String(f.id), '--db', db.file, '--format', 'json');
    expect(JSON.parse(json.out).fact.value).toBe(6039);
    expect((await cli('audit', 'explain', '999999', '--db', db.file)).code).toBe(2);
  });
});

describe('audit stats', () => {
  test('per-rule facts, documents and shares add up; rules without facts are listed as never firing', () => {
    const s = ruleStats(db.store, db.ruleSet);
    const total = db.store.facts().length;
    expect(s.facts).toBe(total);
    expect(s.documents).toBe(2);
    expect(s.rules.reduce((n, r) => n + r.facts, 0)).toBe(total);
    expect(s.rules.reduce((n, r) => n + r.share, 0)).toBeCloseTo(1, 6);
    const loans = s.rules.find((r) => r.rule === 'zh.loan_amount.lending')!;
    expect(loans.facts).toBe(db.store.facts({ rule: 'zh.loan_amount.lending' }).length);
    expect(loans.documents).toBe(1);
    // No English page was ingested: every English rule never fires.
    for (const r of db.ruleSet.rules.filter((x) => x.lang === 'en')) expect(s.neverFiring).toContain(r.id);
    for (const id of s.neverFiring) expect(s.rules.find((r) => r.rule === id)!.facts).toBe(0);
  });

  test('--lang and --type narrow the figures', () => {
    const vi = ruleStats(db.store, db.ruleSet, { lang: 'vi' });
    expect(vi.facts).toBe(db.store.facts({ lang: 'vi' }).length);
    expect(vi.rules.every((r) => r.lang === 'vi')).toBe(true);
    const loans = ruleStats(db.store, db.ruleSet, { type: 'loan_amount', noOverlaps: true });
    expect(loans.rules.every((r) => r.type === 'loan_amount')).toBe(true);
  });

  test('two rules on the same figure are an overlap, and a conflict when they read it as different types', () => {
    const dir = db.rulesDir.replace(/extractors$/, 'overlap-extractors');
    cpSync(db.rulesDir, dir, { recursive: true });
    // A second rule that reads the loan line as funding: the same figure, another type.
    const funding = { id: 'zh.funding_amount.credit_line_probe' };
    addRule(dir, {
      id: funding.id, description: 'test rule: credit lines read as funding', type: 'funding_amount', triggers: ['贷款额度'],
      kinds: ['money'], units: { CNY: 'CNY' },
      examples: { valid: [{ text: '贷款额度290万元。', facts: [{ value: 2900000, unit: 'CNY' }] }], invalid: [{ text: '贷款额度很高。' }] },
    });
    const set = loadRuleSet(dir, { fresh: true });
    const s = ruleStats(db.store, set, { lang: 'zh' });
    const pair = s.overlaps.find((p) => p.rules.includes(funding.id) && p.rules.includes('zh.loan_amount.lending'))!;
    expect(pair).toBeDefined();
    expect(pair.figures).toBeGreaterThanOrEqual(2); // 贷款额度290万元, 贷款额度309万元
    expect(pair.conflicts).toBe(pair.figures);
    expect(pair.examples.map((e) => e.figure)).toContain('290万元');
    expect(s.rules.find((r) => r.rule === 'zh.loan_amount.lending')!.conflicts).toBeGreaterThanOrEqual(2);
    // The stored rule set alone has no such pair.
    const plain = ruleStats(db.store, db.ruleSet, { lang: 'zh' });
    expect(plain.overlaps.find((p) => p.rules.includes(funding.id) && p.rules.includes('zh.loan_amount.lending') && p.examples.some((e) => e.figure === '290万元'))).toBeUndefined();
  });
});

describe('audit eval', () => {
  test('scores the seeds against corpus/gold.jsonl per rule, type and language, with FP/FN sentences', () => {
    const r = evaluate(db.store, 'corpus/gold.jsonl');
    expect(r.documents).toBe(2);
    expect(r.goldDocumentsNotStored.length).toBe(3); // seeds 001–003 were not ingested here
    expect(Object.keys(r.byLang)).toEqual(expect.arrayContaining(['zh-Hans', 'vi']));
    expect(r.byType.loan_amount.tp).toBeGreaterThanOrEqual(2);
    expect(r.byRule['zh.loan_amount.lending'].tp).toBeGreaterThanOrEqual(2);
    const stored = r.overall.tp + r.overall.fp;
    expect(stored).toBe(r.predictedFacts);
    for (const p of r.falsePositives) expect(p.sentence.length).toBeGreaterThan(0);
    // Missed facts of documents that are stored come with their sentence.
    for (const g of r.falseNegatives.filter((x) => SEEDS.includes(x.doc))) expect(g.sentence).not.toBeNull();
  });

  test('gold naming a document by its stem matches the stored path; a wrong value is a miss shown in its sentence', async () => {
    const gold = path.join(tempDir(), 'gold.jsonl');
    writeFileSync(
      gold,
      [
        { doc: '000_49de3a17b471338a', type: 'loan_amount', value: 2900000, unit: 'CNY', qualifier: 'exact', evidence: '贷款额度290万元' },
        { doc: '000_49de3a17b471338a', type: 'loan_amount', value: 3200000, unit: 'CNY', qualifier: 'exact', evidence: '贷款额度309万元' },
      ]
        .map((x) => JSON.stringify(x))
        .join('\n') + '\n',
    );
    const { code, out } = await cli('audit', 'eval', '--gold', gold, '--db', db.file, '--format', 'json');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    // Only the named page's folder is scored: corpus/, which holds both seeds.
    expect(r.documents).toBe(2);
    expect(r.byType.loan_amount.tp).toBe(1);
    expect(r.falseNegatives).toEqual([expect.objectContaining({ value: 3200000, lang: 'zh-Hans', sentence: expect.stringContaining('贷款额度309万元') })]);
    expect(r.falsePositives.some((p: any) => p.value === 3090000 && p.rule === 'zh.loan_amount.lending')).toBe(true);
    const text = await cli('audit', 'eval', '--gold', gold, '--db', db.file);
    expect(text.out).toMatch(/per rule/);
    expect(text.out).toMatch(/false negatives \(1\)/);
  });
});

/** What a fact says, for comparing fact sets across databases. */
const said = (f: Pick<FactSnapshotRow, 'doc' | 'start' | 'end' | 'type' | 'value' | 'unit' | 'qualifier' | 'rule' | 'period' | 'place'>) =>
  [f.doc, f.start, f.end, f.type, f.value, f.unit, f.qualifier, f.rule, f.period, f.place].join('|');

describe('editing a rule, extract --rules changed, audit diff', () => {
  test('the diff shows exactly what the edit added or removed, and nothing else moves', async () => {
    const local = await buildDb();
    try {
      const before = local.store.factsAtRun(local.runId);
      // Take away the trigger word that found `培训企业职工6039人次`.
      const target = before.find((f) => f.value === 6039)!;
      editRule(local.rulesDir, target.rule, (r) => {
        r.triggers = r.triggers.filter((t: string) => normalizeQuery(t) !== target.trigger);
      });
      const edited = loadRuleSet(local.rulesDir, { fresh: true });

      const run = await cli('extract', '--rules', 'changed', '--db', local.file, '--extractors', local.rulesDir);
      expect(run.code).toBe(0);
      expect(run.out).toContain(target.rule);
      const runs = local.store.runs();
      const runB = Number(runs[runs.length - 1].id);
      const ex = runs[runs.length - 1];
      expect(ex.command).toBe('extract --rules changed');
      expect(ex.pages_unchanged).toBe(1); // the Vietnamese page: no Vietnamese rule changed
      expect(local.store.runRules(runB)!.find((r) => r.id === target.rule)!.version).not.toBe(target.rule_version);

      // The truth: the same pages ingested afresh with the edited rules.
      const truthStore = new SqliteStore(path.join(tempDir(), 'truth.sqlite'));
      await ingest(truthStore, SEEDS, { ruleSet: edited });
      const truth = new Set(truthStore.facts().map(said));
      truthStore.close();
      const after = local.store.factsAtRun(runB);
      expect(new Set(after.map(said))).toEqual(truth);
      expect(new Set(local.store.facts().map(said))).toEqual(truth);

      // Every figure that the edit moved, and only those, is in the diff.
      const moved = new Set<string>();
      const key = (f: FactSnapshotRow) => `${f.doc}|${f.start}|${f.end}`;
      const a = new Map(before.map((f) => [key(f), said(f)]));
      const b = new Map(after.map((f) => [key(f), said(f)]));
      for (const k of new Set([...a.keys(), ...b.keys()])) if (a.get(k) !== b.get(k)) moved.add(k);
      expect(moved.size).toBeGreaterThan(0);

      const d = diffRuns(local.store, local.runId, runB);
      const inDiff = new Set<string>();
      for (const g of Object.values(d.byRule)) {
        for (const f of [...g.added, ...g.removed]) inDiff.add(key(f));
        for (const c of g.changed) inDiff.add(key(c.after));
      }
      expect(inDiff).toEqual(moved);
      // The figure leaves the edited rule: removed, or read by another rule now (a change, grouped by either rule: with
      // 职工 a head noun of headcount, `培训企业职工6039人次` becomes a headcount when 培训 is taken away).
      const groups = Object.values(d.byRule);
      const gone = groups.flatMap((g) => [...g.removed, ...g.changed.map((c) => c.before)]);
      expect(gone.filter((f) => f.rule === target.rule).map((f) => f.value)).toContain(6039);
      // The untouched facts of the edited rule are re-versioned, not changed.
      expect(d.unchanged).toBe(before.length - d.removed - d.changed);

      const json = JSON.parse((await cli('audit', 'diff', String(local.runId), String(runB), '--db', local.file, '--format', 'json')).out);
      expect(json.removed + json.changed + json.added).toBe(moved.size);
      const text = await cli('audit', 'diff', String(local.runId), String(runB), '--db', local.file);
      expect(text.out).toContain(target.rule);

      // Nothing changed since: a second `changed` extraction re-extracts nothing and the diff is empty.
      const again = reextract(local.store, edited, 'changed');
      expect(again.changedRules).toEqual([]);
      expect(again.documents).toBe(0);
      const none = diffRuns(local.store, runB, again.runId);
      expect([none.added, none.removed, none.changed]).toEqual([0, 0, 0]);
      // And `all` on unchanged code gives the same facts again.
      const all = reextract(local.store, edited, 'all');
      expect(all.documents).toBe(2);
      const same = diffRuns(local.store, runB, all.runId);
      expect([same.added, same.removed, same.changed]).toEqual([0, 0, 0]);
      expect((await cli('audit', 'diff', '1', '999', '--db', local.file)).code).toBe(2);
    } finally {
      local.store.close();
    }
  });
});

test('without recorded rule versions, a rule counts as changed when its stored facts show another version or it never fired', async () => {
  const local = await buildDb(SEEDS, { recordRules: false });
  try {
    expect(local.store.runRules(local.runId)).toBeNull();
    expect(changedRules(local.store, local.ruleSet).ids.size).toBe(0); // same rule-set version: nothing changed
    editRule(local.rulesDir, 'zh.loan_amount.lending', (r) => r.triggers.push('贷款投向'));
    const { ids } = changedRules(local.store, loadRuleSet(local.rulesDir, { fresh: true }));
    expect(ids.has('zh.loan_amount.lending')).toBe(true);
    const fired = new Set(local.store.facts().map((f) => f.rule));
    for (const id of ids) expect(id === 'zh.loan_amount.lending' || !fired.has(id)).toBe(true);
  } finally {
    local.store.close();
  }
});

describe('review', () => {
  test('verdicts from a file are kept by fact identity and survive re-extraction; stats show reviewed precision', async () => {
    const local = await buildDb();
    try {
      const loan = local.store.facts().find((f) => f.value === 2900000)!;
      const trained = local.store.facts().find((f) => f.value === 6039)!;
      const file = path.join(tempDir(), 'verdicts.jsonl');
      writeFileSync(
        file,
        [
          JSON.stringify({ fact: loan.id, verdict: 'correct' }),
          JSON.stringify({ doc: trained.doc, type: trained.type, start: trained.start, end: trained.end, verdict: 'wrong', note: 'test' }),
          '{"fact": 99999, "verdict": "correct"}',
          '{"fact": 1, "verdict": "maybe"}',
        ].join('\n'),
      );
      const r = applyVerdictFile(local.store, file);
      expect(r.recorded).toBe(2);
      expect(r.errors.map((e) => e.line)).toEqual([3, 4]);
      const cliRun = await cli('review', '--file', file, '--db', local.file);
      expect(cliRun.code).toBe(1); // two lines rejected
      expect(cliRun.err).toContain(':3: no such fact');

      const beforeIds = local.store.facts().map((f) => f.id);
      reextract(local.store, local.ruleSet, 'all');
      expect(local.store.facts().map((f) => f.id)).not.toEqual(beforeIds); // new rows…
      const s = ruleStats(local.store, local.ruleSet, { noOverlaps: true });
      const lending = s.rules.find((x) => x.rule === loan.rule)!;
      expect(lending).toMatchObject({ reviewed: 1, correct: 1, reviewedPrecision: 1 }); // …same verdicts
      const trainedRule = s.rules.find((x) => x.rule === trained.rule)!;
      expect(trainedRule).toMatchObject({ reviewed: 1, wrong: 1, reviewedPrecision: 0 });
      const stats = JSON.parse((await cli('audit', 'stats', '--db', local.file, '--format', 'json', '--no-overlaps')).out);
      expect(stats.rules.find((x: any) => x.rule === loan.rule).reviewedPrecision).toBe(1);
    } finally {
      local.store.close();
    }
  });

  test('review sample draws n facts of the rule at random, the same ones for the same seed', async () => {
    const rule = 'zh.enterprise_count.households';
    const pool = db.store.facts({ rule });
    expect(pool.length).toBeGreaterThanOrEqual(3);
    const a = sampleFacts(db.store, { rule, n: 2, seed: 7 });
    const b = sampleFacts(db.store, { rule, n: 2, seed: 7 });
    expect(a.map((f) => f.id)).toEqual(b.map((f) => f.id));
    expect(a).toHaveLength(2);
    expect(a.every((f) => f.rule === rule)).toBe(true);
    // Over many seeds every fact of the rule is drawn: no bias to the first rows.
    const seen = new Set<number>();
    for (let seed = 1; seed <= 60; seed++) for (const f of sampleFacts(db.store, { rule, n: 1, seed })) seen.add(f.id);
    expect(seen.size).toBe(pool.length);
    const out = await cli('review', 'sample', '--rule', rule, '--n', '2', '--seed', '7', '--format', 'jsonl', '--db', db.file);
    const lines = out.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.fact)).toEqual(a.map((f) => f.id));
    expect(lines[0]).toMatchObject({ rule, verdict: null });
  });
});
