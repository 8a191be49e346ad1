/**
 * Running every rule's own examples, ESLint-style: a valid example must yield each listed fact from that rule (type,
 * value, unit, and qualifier when given), an invalid one nothing from that rule. Other rules still compete for the
 * figures, as in a real run. `newsfacts rules test` and the test suite both use this.
 */
import type { NotFactDecision, Rule, RuleExample, RuleSet } from '../extract/rules.js';
import type { FigureTrace } from '../extract/engine.js';
import { extractFromText } from '../pipeline.js';

export interface ExampleFailure {
  kind: 'valid' | 'invalid';
  index: number;
  text: string;
  expected: string[];
  got: string[];
}

export interface RuleTestResult {
  rule: string;
  file: string;
  line: number;
  examples: number;
  passed: number;
  failures: ExampleFailure[];
}

const show = (f: { type?: string; value: number; value_max?: number | null; unit: string; qualifier?: string }) =>
  `${f.type ?? ''} ${f.value}${f.value_max ? '–' + f.value_max : ''} ${f.unit}${f.qualifier ? ' ' + f.qualifier : ''}`.trim();

export function testRule(rule: Rule, ruleSet: RuleSet): RuleTestResult {
  const only = { onlyRules: new Set([rule.id]) };
  const failures: ExampleFailure[] = [];
  const run = (ex: RuleExample) =>
    extractFromText(ex.text, ruleSet, only).map((f) => ({ type: f.type, value: f.value, value_max: f.valueMax, unit: f.unit, qualifier: f.qualifier }));
  rule.examples.valid.forEach((ex, i) => {
    const got = run(ex);
    const want = ex.facts ?? [];
    const missing = want.filter(
      (w) =>
        !got.some(
          (g) =>
            g.value === w.value &&
            g.unit === w.unit &&
            g.type === (w.type ?? rule.type) &&
            (!w.qualifier || g.qualifier === w.qualifier) &&
            (w.value_max === undefined || g.value_max === w.value_max),
        ),
    );
    // A valid example without listed facts must still yield something from the rule.
    if (missing.length || (!want.length && !got.length)) {
      failures.push({ kind: 'valid', index: i + 1, text: ex.text, expected: want.map((w) => show({ type: w.type ?? rule.type, ...w })), got: got.map(show) });
    }
  });
  rule.examples.invalid.forEach((ex, i) => {
    const got = run(ex);
    if (got.length) failures.push({ kind: 'invalid', index: i + 1, text: ex.text, expected: [], got: got.map(show) });
  });
  const examples = rule.examples.valid.length + rule.examples.invalid.length;
  return { rule: rule.id, file: rule.file, line: rule.line, examples, passed: examples - failures.length, failures };
}

export function testRules(ruleSet: RuleSet, only?: string): RuleTestResult[] {
  const rules = only ? ruleSet.rules.filter((r) => r.id === only) : ruleSet.rules;
  if (only && !rules.length) throw new Error(`no rule '${only}' in the rule set`);
  return rules.map((r) => testRule(r, ruleSet));
}

/**
 * A decision of the candidate stage (`_not_facts.yaml`) against its own examples: every `passed` text yields no fact
 * and this decision passes one of its figures over; every `kept` text yields its listed facts.
 */
export function testNotFactDecision(d: NotFactDecision, ruleSet: RuleSet): RuleTestResult {
  const failures: ExampleFailure[] = [];
  d.examples.passed.forEach((ex, i) => {
    const traces: FigureTrace[] = [];
    const got = extractFromText(ex.text, ruleSet, { trace: (t) => traces.push(t) }).map(show);
    const spoke = traces.some((t) => t.passed?.decision === d.id);
    if (got.length || !spoke) {
      failures.push({ kind: 'invalid', index: i + 1, text: ex.text, expected: [`passed over by ${d.id}`], got: got.length ? got : traces.map((t) => `${t.text}: ${t.passed?.decision ?? t.chosen?.rule ?? 'no rule'}`) });
    }
  });
  d.examples.kept.forEach((ex, i) => {
    const got = extractFromText(ex.text, ruleSet).map((f) => ({ type: f.type, value: f.value, value_max: f.valueMax, unit: f.unit, qualifier: f.qualifier }));
    const want = ex.facts ?? [];
    const missing = want.filter((w) => !got.some((g) => g.value === w.value && g.unit === w.unit && (!w.type || g.type === w.type) && (!w.qualifier || g.qualifier === w.qualifier)));
    if (missing.length || (!want.length && !got.length)) {
      failures.push({ kind: 'valid', index: i + 1, text: ex.text, expected: want.map(show), got: got.map(show) });
    }
  });
  const examples = d.examples.passed.length + d.examples.kept.length;
  return { rule: `${d.lang}.not_fact.${d.id}`, file: d.file, line: 0, examples, passed: examples - failures.length, failures };
}

export function testNotFacts(ruleSet: RuleSet): RuleTestResult[] {
  return [...ruleSet.notFacts.values()].flat().map((d) => testNotFactDecision(d, ruleSet));
}
