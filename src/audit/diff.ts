/**
 * Comparing two runs: the facts as they stood after run A against those after run B (from the fact history), paired
 * by the figure's span in the original text. A fact present only in B is added, only in A removed; a pair that differs
 * in what it says (type, value, unit, qualifier, rule, period, place, evidence span) is changed. A pair that differs
 * only in rule version is not a change: editing one rule re-versions it, and its untouched facts must not move.
 */
import type { FactSnapshotRow, ReadStore } from '../store/types.js';
import { spanKey } from './identity.js';

export interface FactChange {
  before: FactSnapshotRow;
  after: FactSnapshotRow;
  fields: string[];
}

export interface RuleDiff {
  added: FactSnapshotRow[];
  removed: FactSnapshotRow[];
  changed: FactChange[];
}

export interface RunDiff {
  runA: number;
  runB: number;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  /** Facts identical but for the rule version. */
  reversioned: number;
  /** Grouped by rule: added by the new fact's rule, removed by the old one's, changed by the new one's. */
  byRule: Record<string, RuleDiff>;
}

const COMPARED: Array<keyof FactSnapshotRow> = [
  'type', 'value', 'value_max', 'unit', 'qualifier', 'rule', 'period', 'place', 'evidence_start', 'evidence_end',
];

export function diffRuns(store: ReadStore, runA: number, runB: number): RunDiff {
  const known = new Set(store.runs().map((r) => Number(r.id)));
  for (const r of [runA, runB]) if (!known.has(r)) throw new Error(`no run ${r} in the database`);
  const before = new Map(store.factsAtRun(runA).map((f) => [spanKey(f.document_id, f.start, f.end), f]));
  const after = new Map(store.factsAtRun(runB).map((f) => [spanKey(f.document_id, f.start, f.end), f]));
  const out: RunDiff = { runA, runB, added: 0, removed: 0, changed: 0, unchanged: 0, reversioned: 0, byRule: {} };
  const group = (rule: string) => (out.byRule[rule] ??= { added: [], removed: [], changed: [] });
  for (const [k, b] of after) {
    const a = before.get(k);
    if (!a) {
      group(b.rule).added.push(b);
      out.added++;
      continue;
    }
    const fields = COMPARED.filter((c) => a[c] !== b[c]);
    if (fields.length) {
      group(b.rule).changed.push({ before: a, after: b, fields });
      out.changed++;
    } else {
      out.unchanged++;
      if (a.rule_version !== b.rule_version) out.reversioned++;
    }
  }
  for (const [k, a] of before) {
    if (after.has(k)) continue;
    group(a.rule).removed.push(a);
    out.removed++;
  }
  out.byRule = Object.fromEntries(Object.entries(out.byRule).sort(([x], [y]) => x.localeCompare(y)));
  return out;
}
