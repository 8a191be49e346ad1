/**
 * `audit stats`: Snorkel-style analysis of the rules on the stored facts. Per rule: facts, documents, share of all
 * facts, reviewed precision; rules that never fire; overlaps (another rule also matches the same figure) and conflicts
 * (it would read the figure as a different type, value or unit). The engine gives each figure to one rule, so overlaps
 * are found by re-running it over the stored normalized texts in its all-candidates mode.
 */
import { extractFacts } from '../extract/engine.js';
import type { RuleSet } from '../extract/rules.js';
import type { ReadStore } from '../store/types.js';
import { ruleLangOf, type Fact, type Lang } from '../types.js';
import { identityKey, normDocOf } from './identity.js';

export interface RuleStats {
  rule: string;
  lang: string;
  type: string;
  /** Whether the current rule set still has this rule. */
  inRuleSet: boolean;
  facts: number;
  documents: number;
  share: number;
  /** Figures this rule matched (as winner or not) where another rule matched too. */
  overlaps: number;
  /** Of those, figures another rule would read as a different type, value or unit. */
  conflicts: number;
  reviewed: number;
  correct: number;
  wrong: number;
  /** correct / reviewed, null when nothing was reviewed. */
  reviewedPrecision: number | null;
}

export interface OverlapPair {
  rules: [string, string];
  figures: number;
  conflicts: number;
  /** A few examples: document and figure. */
  examples: Array<{ doc: string; figure: string; readings: string[] }>;
}

export interface StatsReport {
  filter: { lang?: string; type?: string };
  facts: number;
  documents: number;
  rules: RuleStats[];
  neverFiring: string[];
  overlaps: OverlapPair[];
}

export interface StatsOptions {
  lang?: string;
  type?: string;
  /** Skip the candidate pass (overlaps and conflicts stay 0). */
  noOverlaps?: boolean;
}

function langMatches(docLang: string, want: string | undefined): boolean {
  return !want || docLang.startsWith(want) || ruleLangOf(docLang as Lang) === want;
}

export function ruleStats(store: ReadStore, ruleSet: RuleSet, opts: StatsOptions = {}): StatsReport {
  const rows = store.facts({ type: opts.type, lang: opts.lang });
  const reviews = new Map(store.reviews().map((r) => [identityKey(r), r.verdict]));
  const rulesInScope = ruleSet.rules.filter(
    (r) => (!opts.lang || r.lang === ruleLangOf(opts.lang as Lang) || opts.lang.startsWith(r.lang)) && (!opts.type || r.type === opts.type),
  );
  const per = new Map<string, RuleStats & { docs: Set<number> }>();
  const entry = (id: string, lang: string, type: string) => {
    let e = per.get(id);
    if (!e) {
      const r = ruleSet.rules.find((x) => x.id === id);
      e = {
        rule: id, lang: r?.lang ?? lang, type: r?.type ?? type, inRuleSet: !!r, facts: 0, documents: 0, share: 0,
        overlaps: 0, conflicts: 0, reviewed: 0, correct: 0, wrong: 0, reviewedPrecision: null, docs: new Set(),
      };
      per.set(id, e);
    }
    return e;
  };
  for (const r of rulesInScope) entry(r.id, r.lang, r.type);
  for (const f of rows) {
    const e = entry(f.rule, ruleLangOf(f.lang as Lang), f.type);
    e.facts++;
    e.docs.add(f.document_id);
    const v = reviews.get(identityKey(f));
    if (v) {
      e.reviewed++;
      if (v === 'correct') e.correct++;
      else e.wrong++;
    }
  }

  const pairs = new Map<string, OverlapPair>();
  if (!opts.noOverlaps) {
    for (const d of store.documents()) {
      if (!langMatches(d.lang, opts.lang)) continue;
      const doc = store.document(d.id);
      if (!doc) continue;
      const all = extractFacts(normDocOf(doc), doc.original, ruleSet, doc.messages, { allCandidates: true, published: doc.published });
      const byFigure = new Map<string, Fact[]>();
      for (const f of all) {
        const k = `${f.start}|${f.end}`;
        const list = byFigure.get(k) ?? [];
        if (!list.some((x) => x.rule === f.rule)) list.push(f);
        byFigure.set(k, list);
      }
      for (const list of byFigure.values()) {
        if (list.length < 2) continue;
        if (opts.type && !list.some((f) => f.type === opts.type)) continue;
        for (const f of list) {
          const others = list.filter((o) => o !== f);
          const e = entry(f.rule, ruleLangOf(d.lang as Lang), f.type);
          e.overlaps++;
          if (others.some((o) => conflicting(f, o))) e.conflicts++;
        }
        for (let i = 0; i < list.length; i++) {
          for (let j = i + 1; j < list.length; j++) {
            const [a, b] = [list[i], list[j]].sort((x, y) => x.rule.localeCompare(y.rule));
            const k = a.rule + ' ' + b.rule;
            const p = pairs.get(k) ?? { rules: [a.rule, b.rule] as [string, string], figures: 0, conflicts: 0, examples: [] };
            p.figures++;
            if (conflicting(a, b)) p.conflicts++;
            if (p.examples.length < 3) {
              p.examples.push({
                doc: d.source,
                figure: doc.original.slice(a.start, a.end),
                readings: [a, b].map((f) => `${f.rule}: ${f.type} ${f.value} ${f.unit}`),
              });
            }
            pairs.set(k, p);
          }
        }
      }
    }
  }

  const total = rows.length;
  const rules = [...per.values()]
    .map(({ docs, ...e }) => ({
      ...e,
      documents: docs.size,
      share: total ? e.facts / total : 0,
      reviewedPrecision: e.reviewed ? e.correct / e.reviewed : null,
    }))
    .filter((e) => (!opts.type || e.type === opts.type) && (!opts.lang || langMatches(e.lang, opts.lang) || opts.lang.startsWith(e.lang)))
    .sort((a, b) => b.facts - a.facts || a.rule.localeCompare(b.rule));
  return {
    filter: { lang: opts.lang, type: opts.type },
    facts: total,
    documents: new Set(rows.map((f) => f.document_id)).size,
    rules,
    neverFiring: rules.filter((r) => r.facts === 0 && r.inRuleSet).map((r) => r.rule).sort(),
    overlaps: [...pairs.values()].sort((a, b) => b.figures - a.figures),
  };
}

function conflicting(a: Fact, b: Fact): boolean {
  return a.type !== b.type || a.value !== b.value || a.unit !== b.unit;
}
