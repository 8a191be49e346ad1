/**
 * Reviews: a person's verdicts on facts, kept in their own table and keyed by the fact's identity (see identity.ts).
 * Verdicts come from the terminal or from a JSONL file; samples for review are drawn at random (seeded, so a sample
 * can be drawn again), so that precision estimates are not biased towards the first rows.
 */
import { readFileSync } from 'node:fs';
import type { FactRow, Store, Verdict } from '../store/types.js';
import { identityKey } from './identity.js';

/**
 * One line of a verdicts file: `{"fact": 12, "verdict": "correct"}`, or the fact's identity instead of its id
 * (`doc`, `type`, `value`, `unit`, `start`, `end`) — ids change on re-extraction, identities do not.
 */
export interface VerdictLine {
  fact?: number;
  id?: number;
  doc?: string;
  type?: string;
  value?: number;
  unit?: string;
  start?: number;
  end?: number;
  verdict: string;
  note?: string;
  reviewer?: string;
}

const VERDICTS: Record<string, Verdict> = {
  correct: 'correct', right: 'correct', yes: 'correct', y: 'correct', c: 'correct', true: 'correct', ok: 'correct',
  wrong: 'wrong', no: 'wrong', n: 'wrong', w: 'wrong', false: 'wrong',
};

export function parseVerdict(s: unknown): Verdict | null {
  return VERDICTS[String(s).trim().toLowerCase()] ?? null;
}

/** Finds the stored fact a verdict line is about. */
export function factForVerdict(store: Store, v: VerdictLine): FactRow | null {
  const id = v.fact ?? v.id;
  if (id !== undefined) return store.fact(Number(id));
  if (v.doc === undefined || v.start === undefined || v.end === undefined) return null;
  const doc = store.document(v.doc);
  if (!doc) return null;
  return (
    store
      .facts({ doc: String(doc.id), type: v.type })
      .find((f) => f.start === v.start && f.end === v.end && (v.value === undefined || f.value === v.value) && (v.unit === undefined || f.unit === v.unit)) ?? null
  );
}

export function recordVerdict(store: Store, fact: FactRow, verdict: Verdict, note?: string | null, reviewer?: string | null): void {
  store.putReview({
    documentId: fact.document_id, type: fact.type, value: fact.value, unit: fact.unit, start: fact.start, end: fact.end,
    verdict, note: note ?? null, reviewer: reviewer ?? null,
  });
}

export interface VerdictFileResult {
  recorded: number;
  errors: Array<{ line: number; reason: string }>;
}

/** Applies a JSONL file of verdicts; bad lines are reported by line number and skipped. */
export function applyVerdictFile(store: Store, file: string, reviewer?: string): VerdictFileResult {
  const out: VerdictFileResult = { recorded: 0, errors: [] };
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      let v: VerdictLine;
      try {
        v = JSON.parse(text);
      } catch (err: any) {
        out.errors.push({ line: i + 1, reason: `not valid JSON: ${err.message}` });
        return;
      }
      const verdict = parseVerdict(v.verdict);
      if (!verdict) {
        out.errors.push({ line: i + 1, reason: `verdict must be 'correct' or 'wrong', not ${JSON.stringify(v.verdict)}` });
        return;
      }
      const fact = factForVerdict(store, v);
      if (!fact) {
        out.errors.push({ line: i + 1, reason: 'no such fact in the database' });
        return;
      }
      recordVerdict(store, fact, verdict, v.note, v.reviewer ?? reviewer);
      out.recorded++;
    });
  return out;
}

/** A small seeded PRNG (mulberry32): the same seed draws the same sample. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SampleOptions {
  rule?: string;
  type?: string;
  lang?: string;
  n: number;
  seed?: number;
  /** Leave out facts that already have a verdict. */
  unreviewed?: boolean;
}

/** A uniform random sample of n facts (partial Fisher–Yates), in the order drawn. */
export function sampleFacts(store: Store, opts: SampleOptions): FactRow[] {
  let pool = store.facts({ rule: opts.rule, type: opts.type, lang: opts.lang });
  if (opts.unreviewed) {
    const done = new Set(store.reviews().map(identityKey));
    pool = pool.filter((f) => !done.has(identityKey(f)));
  }
  const rand = seededRandom(opts.seed ?? Date.now());
  const n = Math.min(opts.n, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j], pool[i]];
  }
  return pool.slice(0, n);
}
