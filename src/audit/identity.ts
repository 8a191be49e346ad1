/**
 * What makes two facts "the same fact" for the audit. A review verdict is keyed by the fact's identity (document,
 * type, value, unit, original span) and so survives re-extraction; run diffs pair facts by their figure's span in the
 * original text, so that a fact whose type, value or rule moved shows as changed, not as one removed and one added.
 */
import type { Fact, NormDoc, Lang, FactType, Qualifier } from '../types.js';
import type { FactRow, FactSnapshotRow, StoredDocument } from '../store/types.js';
import { resolvedOfRow } from '../store/resolved-columns.js';

export interface IdentityFields {
  document_id: number;
  type: string;
  value: number;
  unit: string;
  start: number;
  end: number;
}

export function identityKey(f: IdentityFields): string {
  return [f.document_id, f.type, f.value, f.unit, f.start, f.end].join('|');
}

/** Where a figure stands: one figure yields at most one fact, so this pairs facts across runs. */
export function spanKey(documentId: number, start: number, end: number): string {
  return `${documentId}|${start}|${end}`;
}

/** The stored normalized text of a document, as the extractor reads it. */
export function normDocOf(doc: StoredDocument): NormDoc {
  return { text: doc.normalized, lang: doc.lang as Lang, url: doc.url };
}

/** A stored fact back in the extractor's shape (normalized evidence offsets are recovered from the map). */
export function storedToFact(row: FactRow | FactSnapshotRow, doc: StoredDocument): Fact {
  const ev = doc.normalized.fromOriginal(row.evidence_start, row.evidence_end) ?? [row.norm_start, row.norm_end];
  return {
    type: row.type as FactType,
    value: row.value,
    valueMax: row.value_max,
    unit: row.unit,
    qualifier: row.qualifier as Qualifier,
    rule: row.rule,
    ruleVersion: row.rule_version,
    normStart: row.norm_start,
    normEnd: row.norm_end,
    start: row.start,
    end: row.end,
    evidenceNormStart: ev[0],
    evidenceNormEnd: ev[1],
    evidenceStart: row.evidence_start,
    evidenceEnd: row.evidence_end,
    evidence: row.evidence,
    trigger: row.trigger,
    sentence: row.sentence,
    period: row.period,
    place: row.place,
    ...resolvedOfRow(row),
  };
}

/** The file stem of a document name: `../shared/eval/facts/articles/zh01.html` → `zh01`. */
export function docStem(doc: string): string {
  const base = doc.split(/[\\/]/).pop() ?? doc;
  return base.replace(/\.(gz)$/i, '').replace(/\.[^.]+$/, '');
}
