/**
 * Scoring the resolved fields (issue 14) over facts matched to gold: province code, period end, the full interval,
 * modality (with the precision of `planned`) and the running-total flag, per language. A null on one side and a value
 * on the other is an error; a field the gold fact does not carry is not scored.
 */
import type { GoldFact } from './gold.js';
import type { FactRow } from '../store/types.js';

export const SCORED_FIELDS = ['province_code', 'period_end', 'interval', 'modality', 'cumulative'] as const;
export type ScoredField = (typeof SCORED_FIELDS)[number];

export interface FieldScore {
  n: number;
  correct: number;
  accuracy: number;
}

export interface FieldScores {
  matched: number;
  fields: Record<ScoredField, FieldScore>;
  /** Of the facts predicted `planned`, how many gold calls planned. */
  plannedPrecision: FieldScore;
}

export interface FieldMiss {
  field: ScoredField;
  doc: string;
  evidence: string;
  gold: unknown;
  predicted: unknown;
  id: number;
  /** For `audit eval --show-field-errors`: the sentence, our period and place words with how they were resolved,
   * and what the reader wrote. */
  sentence?: string;
  period?: string | null;
  place?: string | null;
  published?: string | null;
  how?: unknown;
  goldPeriod?: string | null;
  goldPlace?: string | null;
  goldPublished?: string | null;
}

/** Gold facts with the resolved fields (the dev set's `gold.jsonl` carries them all). */
export type ResolvedGold = GoldFact & {
  period_start?: string | null;
  period_end?: string | null;
  published?: string | null;
  modality?: string;
  cumulative?: boolean;
  province_code?: string | null;
};

const eq = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);

function empty(): FieldScores {
  const f = () => ({ n: 0, correct: 0, accuracy: 0 });
  return { matched: 0, fields: { province_code: f(), period_end: f(), interval: f(), modality: f(), cumulative: f() }, plannedPrecision: f() };
}

export function scoreFields(
  matches: Array<{ gold: ResolvedGold; row: FactRow }>,
): { byLang: Record<string, FieldScores>; misses: FieldMiss[] } {
  const byLang: Record<string, FieldScores> = {};
  const misses: FieldMiss[] = [];
  for (const { gold: g, row: r } of matches) {
    const s = (byLang[r.lang] ??= empty());
    s.matched++;
    const check = (field: ScoredField, present: boolean, gold: unknown, predicted: unknown, ok: boolean) => {
      if (!present) return;
      s.fields[field].n++;
      if (ok) s.fields[field].correct++;
      else {
        misses.push({
          field, doc: r.doc, evidence: r.evidence, gold, predicted, id: r.id,
          sentence: r.sentence, period: r.period, place: r.place, published: r.published ?? null, how: (r as { resolution?: unknown }).resolution ?? null,
          goldPeriod: g.period ?? null, goldPlace: g.place ?? null, goldPublished: g.published ?? null,
        });
      }
    };
    check('province_code', 'province_code' in g, g.province_code, r.province_code, eq(g.province_code, r.province_code));
    check('period_end', 'period_end' in g, g.period_end, r.period_end, eq(g.period_end, r.period_end));
    check('interval', 'period_end' in g && 'period_start' in g, [g.period_start, g.period_end], [r.period_start, r.period_end],
      eq(g.period_start, r.period_start) && eq(g.period_end, r.period_end));
    check('modality', 'modality' in g, g.modality, r.modality, eq(g.modality, r.modality));
    check('cumulative', 'cumulative' in g, g.cumulative, !!r.cumulative, !!g.cumulative === !!r.cumulative);
    if (r.modality === 'planned' && 'modality' in g) {
      s.plannedPrecision.n++;
      if (g.modality === 'planned') s.plannedPrecision.correct++;
    }
  }
  for (const s of Object.values(byLang)) {
    for (const f of [...Object.values(s.fields), s.plannedPrecision]) f.accuracy = f.n ? f.correct / f.n : 1;
  }
  return { byLang, misses };
}
