/**
 * Probes of the candidate stage for tests on written sentences: a sentence's facts and its figures' traces, whether a
 * figure was passed over by a given decision (as `audit explain --figure` shows it), whether a fact was kept.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import type { FigureTrace } from '../../src/extract/engine.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

export function run(text: string) {
  const traces: FigureTrace[] = [];
  const facts = extractFromText(text, ruleSet, { trace: (t) => traces.push(t) });
  return { facts: facts.map((f) => ({ type: f.type, value: f.value, unit: f.unit, qualifier: f.qualifier })), traces };
}

/** The figure (by its normalized text) was passed over, by this decision, with these decisive words; the facts left. */
export function passedBy(text: string, figure: string, decision: string, words?: string) {
  const { facts, traces } = run(text);
  const t = traces.find((x) => x.text.includes(figure));
  expect(t).toBeDefined();
  expect(t!.passed?.decision).toBe(decision);
  if (words) expect(t!.passed?.words).toBe(words);
  return facts;
}

export function kept(text: string, fact: { type: string; value: number; unit: string; qualifier?: string }) {
  const { facts } = run(text);
  expect(facts).toContainEqual(expect.objectContaining(fact));
}
