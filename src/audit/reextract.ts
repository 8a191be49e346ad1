/**
 * Re-extraction from stored documents: the normalized text and its map are in the store, so new rules can be run
 * without reading, decoding or cleaning a page again. Each run is recorded like an ingest run, with the rule versions
 * it used, and every document it touches gets a fact-history entry, so that `audit diff` can compare it with any run.
 *
 * `all` re-extracts every document with the whole rule set. `changed` re-runs only the rules whose version differs
 * from the last run (edited, added or removed rules): facts of unchanged rules stay as stored, except where a changed
 * rule now takes their figure; a figure a changed rule held goes to whichever rule wins it now. With unchanged code
 * this gives the same facts as `all`, and it isolates a rule edit from any change in the code.
 */
import { extractFacts } from '../extract/engine.js';
import type { RuleSet } from '../extract/rules.js';
import { pipelineVersions } from '../pipeline.js';
import type { Store, RuleVersionRow } from '../store/types.js';
import type { Fact } from '../types.js';
import { ruleLangOf, type Lang } from '../types.js';
import { normDocOf, storedToFact } from './identity.js';

export type RulesMode = 'changed' | 'all';

export interface ReextractSummary {
  runId: number;
  mode: RulesMode;
  /** The run compared against for `changed` (null when there was none). */
  since: number | null;
  changedRules: string[];
  documents: number;
  documentsSkipped: number;
  factsBefore: number;
  factsAfter: number;
}

/** The rule versions a run used: as it recorded them, else as its stored facts show (rules that fired only). */
export function ruleVersionsOfRun(store: Store, runId: number): { versions: Map<string, string>; complete: boolean } {
  const recorded = store.runRules(runId);
  if (recorded) return { versions: new Map(recorded.map((r) => [r.id, r.version])), complete: true };
  const versions = new Map<string, string>();
  for (const f of store.factsAtRun(runId)) versions.set(f.rule, f.rule_version);
  return { versions, complete: false };
}

/** The latest finished run before now, if any. */
export function lastRun(store: Store): { id: number; ruleset_version: string } | null {
  const runs = store.runs().filter((r) => r.status === 'done' || r.status === 'failed');
  const last = runs[runs.length - 1];
  return last ? { id: Number(last.id), ruleset_version: String(last.ruleset_version) } : null;
}

/**
 * Rules whose version differs from the last run's. When the last run did not record its rule versions, a rule it
 * never fired is counted as changed unless the whole rule-set version is the same (then nothing changed).
 */
export function changedRules(store: Store, ruleSet: RuleSet): { since: number | null; ids: Set<string> } {
  const last = lastRun(store);
  if (!last) return { since: null, ids: new Set(ruleSet.rules.map((r) => r.id)) };
  if (last.ruleset_version === ruleSet.version) return { since: last.id, ids: new Set() };
  const { versions } = ruleVersionsOfRun(store, last.id);
  const ids = new Set<string>();
  for (const r of ruleSet.rules) if (versions.get(r.id) !== r.version) ids.add(r.id);
  const current = new Set(ruleSet.rules.map((r) => r.id));
  for (const id of versions.keys()) if (!current.has(id)) ids.add(id); // removed rules: their facts must go
  return { since: last.id, ids };
}

/** The facts of one document after re-running only `changed` rules over `old` facts (see the module comment). */
export function mergeChanged(old: Fact[], full: Fact[], changed: Set<string>): Fact[] {
  const key = (f: Fact) => `${f.start}|${f.end}`;
  const heldByChanged = new Set(old.filter((f) => changed.has(f.rule)).map(key));
  const fresh = full.filter((f) => changed.has(f.rule) || heldByChanged.has(key(f)));
  const taken = new Set(fresh.map(key));
  const kept = old.filter((f) => !changed.has(f.rule) && !taken.has(key(f)));
  return [...kept, ...fresh].sort((a, b) => a.start - b.start || a.end - b.end);
}

export function reextract(
  store: Store,
  ruleSet: RuleSet,
  mode: RulesMode,
  opts: { command?: string; onDocument?: (source: string, facts: number) => void } = {},
): ReextractSummary {
  const { since, ids } = mode === 'changed' ? changedRules(store, ruleSet) : { since: lastRun(store)?.id ?? null, ids: new Set<string>() };
  const v = pipelineVersions(ruleSet);
  const runId = store.startRun({
    command: opts.command ?? `extract --rules ${mode}`,
    inputs: [],
    codeVersion: v.code,
    rulesetVersion: v.ruleset,
    dictVersions: v.dicts,
    pipelineVersion: v.pipeline,
  });
  const rules: RuleVersionRow[] = ruleSet.rules.map((r) => ({ id: r.id, version: r.version }));
  store.recordRunRules(runId, rules);
  // Languages a changed rule belongs to (a removed rule's language is read from its id, `zh.loan_amount.x`).
  const langs = new Set([...ids].map((id) => id.split('.')[0]));
  const s: ReextractSummary = {
    runId, mode, since, changedRules: [...ids].sort(), documents: 0, documentsSkipped: 0, factsBefore: 0, factsAfter: 0,
  };
  let status: 'done' | 'failed' = 'done';
  try {
    for (const d of store.documents()) {
      if (mode === 'changed' && !langs.has(ruleLangOf(d.lang as Lang))) {
        s.documentsSkipped++;
        continue;
      }
      const doc = store.document(d.id);
      if (!doc) continue;
      const oldRows = store.facts({ doc: String(doc.id) });
      const full = extractFacts(normDocOf(doc), doc.original, ruleSet, doc.messages, { published: doc.published });
      const facts = mode === 'all' ? full : mergeChanged(oldRows.map((r) => storedToFact(r, doc)), full, ids);
      const n = store.replaceFacts(runId, doc.id, facts, mode === 'all' ? v.pipeline : undefined);
      s.documents++;
      s.factsBefore += oldRows.length;
      s.factsAfter += n;
      opts.onDocument?.(doc.source, n);
    }
    // New fact rows: mark the reprinted figures again (the stories stand; their documents' texts did not change).
    if (s.documents) store.assignStories();
  } catch (err) {
    status = 'failed';
    throw err;
  } finally {
    store.finishRun(
      runId,
      { pagesRead: s.documents + s.documentsSkipped, pagesStored: s.documents, pagesUnchanged: s.documentsSkipped, pagesFailed: 0, factsStored: s.factsAfter },
      status,
    );
  }
  return s;
}
