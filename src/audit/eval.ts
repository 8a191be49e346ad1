/**
 * `audit eval`: the stored facts scored against a gold file (the annotation guidelines' JSONL), per rule, per type and
 * per language, with every false positive and false negative and its sentence.
 *
 * Which documents are scored: those the gold names (by exact `doc`, else by file stem: gold `zh01` is the stored
 * `../shared/eval/facts/articles/zh01.html`), and every other stored document in the same folders — gold files list
 * facts, not documents, and a page that states no fact must still count its false positives.
 */
import path from 'node:path';
import { normalizeQuery } from '../normalize/normalize.js';
import type { FactRow, ReadStore, StoredDocument } from '../store/types.js';
import { splitSentences } from '../segment/index.js';
import type { Lang } from '../types.js';
import { readGold, score, type Counts, type GoldFact, type PredictedFact } from './gold.js';
import { docStem } from './identity.js';
import { scoreFields, type FieldMiss, type FieldScores } from './fields.js';

export interface EvalOptions {
  /** Score every stored document, not only those in the gold's folders. */
  allDocuments?: boolean;
  /** How stored facts pair with gold facts (see `score`): `mention` by default. */
  match?: 'mention' | 'key';
}

export interface FalsePositive {
  id: number;
  doc: string;
  type: string;
  value: number;
  unit: string;
  qualifier: string;
  rule: string;
  lang: string;
  evidence: string;
  sentence: string;
}

export interface FalseNegative extends GoldFact {
  lang: string | null;
  /** The sentence of the stored document holding the gold evidence, when it can be found. */
  sentence: string | null;
}

export interface EvalReport {
  /** How stored facts were paired with gold facts: `mention` or `key` (unique keys). */
  match: 'mention' | 'key';
  gold: string;
  documents: number;
  goldFacts: number;
  predictedFacts: number;
  /** Gold documents with no stored document: their facts count as missed. */
  goldDocumentsNotStored: string[];
  overall: Counts;
  /**
   * Per rule: hits, false alarms and precision. A missed gold fact belongs to no rule, so fn is 0 here and recall is
   * meaningful per type and language only.
   */
  byRule: Record<string, Counts>;
  byType: Record<string, Counts>;
  byLang: Record<string, Counts>;
  falsePositives: FalsePositive[];
  falseNegatives: FalseNegative[];
  /** The resolved fields (province code, period, modality, running total) over matched facts, per language. */
  fields: Record<string, FieldScores>;
  fieldMisses: FieldMiss[];
}

export function evaluate(store: ReadStore, goldFile: string, opts: EvalOptions = {}): EvalReport {
  const gold = readGold(goldFile);
  const goldDocs = new Set(gold.map((g) => g.doc));
  const docs = store.documents();
  // A stored document's gold name: its exact source when the gold uses it, else its stem when the gold uses that.
  const goldName = (source: string): string | null =>
    goldDocs.has(source) ? source : goldDocs.has(docStem(source)) ? docStem(source) : null;
  const named = docs.filter((d) => goldName(d.source) !== null);
  const folders = new Set(named.map((d) => path.dirname(d.source)));
  const scored = docs.filter((d) => opts.allDocuments || goldName(d.source) !== null || folders.has(path.dirname(d.source)));
  const storedByGoldName = new Map(named.map((d) => [goldName(d.source)!, d]));
  const docKey = (doc: string) => goldName(doc) ?? doc;

  const rows: FactRow[] = scored.flatMap((d) => store.facts({ doc: String(d.id) }));
  const predicted: PredictedFact[] = rows.map((r) => ({
    doc: r.doc, type: r.type, value: r.value, unit: r.unit, evidence: r.evidence, rule: r.rule, lang: r.lang,
    sentence: r.sentence, id: r.id,
  }));
  const langOfGold = (g: GoldFact) => storedByGoldName.get(g.doc)?.lang;
  const result = score(predicted, gold, docKey, { goldLang: langOfGold, match: opts.match });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const fields = scoreFields(result.matches.map((m) => ({ gold: m.gold, row: byId.get(m.predicted.id!)! })));

  const docCache = new Map<number, StoredDocument | null>();
  const stored = (id: number) => {
    if (!docCache.has(id)) docCache.set(id, store.document(id));
    return docCache.get(id)!;
  };
  return {
    gold: goldFile,
    match: opts.match ?? 'mention',
    documents: scored.length,
    goldFacts: gold.length,
    predictedFacts: predicted.length,
    goldDocumentsNotStored: [...goldDocs].filter((g) => !storedByGoldName.has(g)).sort(),
    overall: result.overall,
    byRule: sortKeys(result.byRule),
    byType: sortKeys(result.byType),
    byLang: sortKeys(result.byLang),
    falsePositives: result.falsePositives.map((p) => {
      const r = byId.get(p.id!)!;
      return {
        id: r.id, doc: r.doc, type: r.type, value: r.value, unit: r.unit, qualifier: r.qualifier, rule: r.rule,
        lang: r.lang, evidence: r.evidence, sentence: r.sentence,
      };
    }),
    falseNegatives: result.falseNegatives.map((g) => {
      const d = storedByGoldName.get(g.doc);
      return { ...g, lang: d?.lang ?? null, sentence: d ? sentenceHolding(stored(d.id), g.evidence) : null };
    }),
    fields: sortKeys(fields.byLang),
    fieldMisses: fields.misses,
  };
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * The normalized-text sentence that holds a gold evidence string (gold evidence may be written in either Chinese
 * script: it is looked for in normalized form), shown in the original's characters.
 */
export function sentenceHolding(doc: StoredDocument | null, evidence: string | undefined): string | null {
  if (!doc || !evidence) return null;
  const text = doc.normalized.text;
  const latin = !/^zh/.test(doc.lang);
  const needle = latin ? normalizeQuery(evidence).toLowerCase() : normalizeQuery(evidence);
  const hay = latin ? text.toLowerCase() : text;
  let at = hay.length === text.length ? hay.indexOf(needle) : -1;
  if (at < 0) {
    // Evidence quoted loosely: fall back to its longest run of 6 characters found in the text.
    for (let i = 0; i + 6 <= needle.length && at < 0; i++) at = hay.indexOf(needle.slice(i, i + 6));
  }
  if (at < 0) return null;
  const s = splitSentences(text, doc.lang as Lang).find((x) => x.start <= at && at < x.end);
  if (!s) return null;
  const [os, oe] = doc.normalized.toOriginal(s.start, s.end);
  return doc.original.slice(os, oe).replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}
