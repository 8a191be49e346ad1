/**
 * `audit explain`: everything that stands behind one fact — the rule and version that produced it (and whether the
 * rule set still has that version), the trigger and the figure that matched, the sentence in the original and in the
 * normalized text with both marked, the context decisions (period, place, qualifier) and any review verdict.
 */
import type { Rule, RuleSet } from '../extract/rules.js';
import { extractFacts, type FigureTrace } from '../extract/engine.js';
import { splitSentences } from '../segment/index.js';
import type { FactRow, ReviewRow, ReadStore, StoredDocument } from '../store/types.js';
import type { Lang, NormDoc } from '../types.js';
import { identityKey, normDocOf } from './identity.js';
import { documentCountry, figureCurrency } from '../resolve/country.js';
import { parseQuantities } from '../quantities/index.js';
import { ruleLangOf } from '../types.js';

import { explainResolution, formatResolution, withOriginalSpans, type ResolvedExplanation } from './explain-resolved.js';
import { explainStory, formatStory, type StoryExplanation } from './explain-story.js';

export interface Explanation {
  fact: FactRow;
  rule: {
    id: string;
    version: string;
    /** The rule's version in the current rule set; null when the rule no longer exists. */
    currentVersion: string | null;
    description: string | null;
    file: string | null;
    line: number | null;
  };
  trigger: { text: string; original: string | null };
  figure: { original: string; normalized: string };
  /** The sentence with the figure marked ⟦…⟧ and the trigger marked […]. */
  sentence: { original: string; normalized: string };
  context: { period: string | null; place: string | null; qualifier: string; value_max: number | null };
  /** How the resolved fields were decided: values, and the words (with offsets in normalized text) that decided them. */
  resolved: ResolvedExplanation | null;
  /** How the document's story was decided (the documents it was grouped with, MinHash evidence) and whether the fact is a reprint. */
  story: StoryExplanation;
  /**
   * For a money fact: where its currency came from — the figure's own currency word, or the document's country and
   * the cue words that decided it (offsets into the original page; null for a cue found in the URL).
   */
  currency: {
    unit: string;
    from: 'figure' | 'document';
    country: string | null;
    by: string;
    cues: Array<{ word: string; original: string | null; start: number | null; end: number | null; country: string; weight: number; decisive: boolean }>;
  } | null;
  review: Pick<ReviewRow, 'verdict' | 'note' | 'reviewer' | 'at'> | null;
  /**
   * The decision as the current rule set makes it (the engine re-run on the stored text): the rule and trigger that
   * read the figure and the other rules whose triggers reached it; null when the figure is no longer read.
   */
  decision: { chosen: FigureTrace['chosen']; candidates: FigureTrace['candidates']; passed: FigureTrace['passed'] } | null;
}

/** The engine's decision on the figure at normalized [start, end) of a stored document, re-run with the current rules. */
function traceFigure(doc: StoredDocument, ruleSet: RuleSet, start: number, end: number): FigureTrace | null {
  const traces: FigureTrace[] = [];
  extractFacts(normDocOf(doc), doc.original, ruleSet, doc.messages, { trace: (x) => traces.push(x) });
  return traces.find((x) => x.start <= start && end <= x.end) ?? traces.find((x) => x.start <= start && start < x.end) ?? null;
}

type Mark = { start: number; end: number; open: string; close: string };

/** Inserts marks into a string (marks may nest; each is given in the string's own indices). */
export function markSpans(s: string, marks: Mark[]): string {
  const points: Array<{ at: number; text: string; order: number }> = [];
  for (const m of marks) {
    points.push({ at: m.start, text: m.open, order: 1 });
    points.push({ at: m.end, text: m.close, order: 0 });
  }
  points.sort((a, b) => b.at - a.at || b.order - a.order);
  let out = s;
  for (const p of points) out = out.slice(0, p.at) + p.text + out.slice(p.at);
  return out;
}

/** The trigger's span in normalized text: inside the evidence, at its start or its end. */
function triggerSpan(doc: StoredDocument, f: FactRow): [number, number] | null {
  const ev = doc.normalized.fromOriginal(f.evidence_start, f.evidence_end);
  if (!ev) return null;
  const latin = !/^zh/.test(doc.lang);
  const hay = latin ? doc.normalized.text.toLowerCase() : doc.normalized.text;
  const region = hay.slice(ev[0], ev[1]);
  // Before the figure the trigger opens the evidence, after it it closes it.
  const at = f.norm_start > ev[0] ? region.indexOf(f.trigger) : region.lastIndexOf(f.trigger);
  return at < 0 ? null : [ev[0] + at, ev[0] + at + f.trigger.length];
}

export function explainFact(store: ReadStore, id: number, ruleSet: RuleSet): Explanation {
  const fact = store.fact(id);
  if (!fact) throw new Error(`no fact ${id} in the database`);
  const doc = store.document(fact.document_id);
  if (!doc) throw new Error(`fact ${id}: its document ${fact.document_id} is missing`);
  const rule: Rule | undefined = ruleSet.rules.find((r) => r.id === fact.rule);
  const t = doc.normalized;
  const sentences = splitSentences(t.text, doc.lang as Lang);
  const sent = sentences.find((s) => s.start <= fact.norm_start && fact.norm_start < s.end) ?? {
    start: Math.max(0, fact.norm_start - 40),
    end: Math.min(t.text.length, fact.norm_end + 40),
  };
  const trig = triggerSpan(doc, fact);
  const normMarks: Mark[] = [{ start: fact.norm_start - sent.start, end: fact.norm_end - sent.start, open: '⟦', close: '⟧' }];
  if (trig && trig[0] >= sent.start && trig[1] <= sent.end) {
    normMarks.push({ start: trig[0] - sent.start, end: trig[1] - sent.start, open: '[', close: ']' });
  }
  const [os, oe] = t.toOriginal(sent.start, sent.end);
  const origMarks: Mark[] = [];
  if (fact.start >= os && fact.end <= oe) origMarks.push({ start: fact.start - os, end: fact.end - os, open: '⟦', close: '⟧' });
  let triggerOriginal: string | null = null;
  if (trig) {
    const [ts, te] = t.toOriginal(trig[0], trig[1]);
    triggerOriginal = doc.original.slice(ts, te);
    if (ts >= os && te <= oe) origMarks.push({ start: ts - os, end: te - os, open: '[', close: ']' });
  }
  const review = store.reviews().find((r) => identityKey(r) === identityKey(fact)) ?? null;
  const tr = traceFigure(doc, ruleSet, fact.norm_start, fact.norm_end);
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();
  return {
    fact,
    rule: {
      id: fact.rule,
      version: fact.rule_version,
      currentVersion: rule?.version ?? null,
      description: rule?.description ?? null,
      file: rule?.file ?? null,
      line: rule?.line ?? null,
    },
    trigger: { text: fact.trigger, original: triggerOriginal },
    figure: { original: doc.original.slice(fact.start, fact.end), normalized: t.text.slice(fact.norm_start, fact.norm_end) },
    sentence: {
      original: oneLine(markSpans(doc.original.slice(os, oe), origMarks)),
      normalized: oneLine(markSpans(t.text.slice(sent.start, sent.end), normMarks)),
    },
    context: { period: fact.period, place: fact.place, qualifier: fact.qualifier, value_max: fact.value_max },
    resolved: withOriginalSpans(explainResolution(fact), (s, e) => t.toOriginal(s, e)),
    story: explainStory(store, fact),
    currency: currencyDecision(doc, fact, ruleSet),
    review: review ? { verdict: review.verdict, note: review.note, reviewer: review.reviewer, at: review.at } : null,
    decision: tr ? { chosen: tr.chosen, candidates: tr.candidates, passed: tr.passed } : null,
  };
}

const COUNT_UNITS = new Set(['person', 'person_time', 'enterprise', 'household', 'project']);

function currencyDecision(doc: StoredDocument, fact: FactRow, ruleSet: RuleSet): Explanation['currency'] {
  if (COUNT_UNITS.has(fact.unit)) return null;
  const t = doc.normalized;
  const dc = documentCountry(t.text, doc.lang as Lang, { url: doc.url }, ruleSet.countries);
  const figureText = t.text.slice(fact.norm_start, fact.norm_end);
  // Read the figure again as the extractor did: its currency came from the document when reading it asked for one.
  const q = parseQuantities(figureText, ruleLangOf(doc.lang as Lang)).find((x) => x.kind === 'money');
  let fromDocument = false;
  if (q) figureCurrency(q, doc.lang as Lang, () => ((fromDocument = true), dc));
  return {
    unit: fact.unit,
    from: fromDocument ? 'document' : 'figure',
    country: dc.country,
    by: dc.by,
    cues: dc.evidence.slice(0, 8).map((c) => {
      const [s, e] = c.start === null ? [null, null] : t.toOriginal(c.start, c.end!);
      return { word: c.word, original: s === null ? null : doc.original.slice(s, e!), start: s, end: e, country: c.country, weight: c.weight, decisive: c.decisive };
    }),
  };
}

function formatCurrency(c: NonNullable<Explanation['currency']>): string {
  const cues = c.cues.map((x) => `${x.original ?? x.word}${x.start !== null ? '@' + x.start : ' (url)'} ${x.country}${x.decisive ? ' decisive' : ' +' + x.weight}`).join(', ');
  const country = `document country ${c.country ?? 'undecided'} (${c.by}${cues ? ': ' + cues : ''})`;
  return c.from === 'document' ? `currency: ${c.unit} from the ${country}` : `currency: ${c.unit} as the figure names it; ${country}`;
}

export function formatExplanation(e: Explanation): string {
  const f = e.fact;
  const versionNote =
    e.rule.currentVersion === null
      ? ' (rule no longer in the rule set)'
      : e.rule.currentVersion === e.rule.version
        ? ' (current)'
        : ` (rule now at ${e.rule.currentVersion})`;
  return [
    `fact ${f.id}: ${f.type} ${f.value}${f.value_max !== null ? '–' + f.value_max : ''} ${f.unit} (${f.qualifier})`,
    `document: ${f.doc} [${f.lang}]`,
    `rule: ${e.rule.id} @ ${e.rule.version}${versionNote}${e.rule.file ? `  ${e.rule.file}:${e.rule.line}` : ''}`,
    ...(e.rule.description ? [`  ${e.rule.description}`] : []),
    `trigger: ${e.trigger.text}${e.trigger.original && e.trigger.original !== e.trigger.text ? ` (original ${e.trigger.original})` : ''}`,
    `figure: ${e.figure.original} at ${f.start}–${f.end}${e.figure.normalized !== e.figure.original ? ` (normalized ${e.figure.normalized})` : ''}`,
    `evidence: ${f.evidence} at ${f.evidence_start}–${f.evidence_end}`,
    `original:   ${e.sentence.original}`,
    `normalized: ${e.sentence.normalized}`,
    `period: ${e.context.period ?? '—'}   place: ${e.context.place ?? '—'}   qualifier: ${e.context.qualifier}`,
    ...formatResolution(e.resolved),
    ...formatStory(e.story),
    ...(e.currency ? [formatCurrency(e.currency)] : []),
    `review: ${e.review ? `${e.review.verdict}${e.review.note ? ' — ' + e.review.note : ''} (${e.review.at})` : 'not reviewed'}`,
    `decision now: ${decisionLine(e.decision)}`,
    ...(e.decision?.candidates.length ? [`  candidates: ${e.decision.candidates.map((c) => `${c.rule} by ${c.trigger} (${c.source}, ${c.distance})`).join('; ')}`] : []),
  ].join('\n');
}

function decisionLine(d: Explanation['decision']): string {
  if (!d) return 'the figure is no longer read as a money or count figure';
  if (d.passed) return `passed over by ${d.passed.decision} — decisive words: ${d.passed.words}`;
  if (d.chosen) return `read by ${d.chosen.rule} — decisive word: ${d.chosen.trigger} (${d.chosen.source})`;
  return 'no rule reads it';
}

/** What the engine decided about one figure of a stored document: passed over (why, with which words) or read. */
export interface FigureExplanation {
  doc: string;
  lang: string;
  /** The figure in the original text (offsets as `facts` prints them) and in normalized text. */
  figure: { original: string; normalized: string; start: number; end: number };
  /** `passed` when a decision passed it over, `fact` when a rule read it, `no rule` when no rule's trigger reached it. */
  outcome: 'passed' | 'fact' | 'no rule';
  passed: FigureTrace['passed'];
  chosen: FigureTrace['chosen'];
  candidates: FigureTrace['candidates'];
  /** The sentence, the figure marked ⟦…⟧ and the decisive words marked […]. */
  sentence: string;
  /** The fact stored for this figure, when there is one. */
  factId: number | null;
}

/**
 * Re-runs the engine on a stored document (no page read again) and reports the figure that covers the original
 * offset: every money or count figure is traced, so this works for figures that produced no fact.
 */
export function explainFigure(store: ReadStore, docKey: string, offset: number, ruleSet: RuleSet): FigureExplanation {
  const doc = store.document(/^\d+$/.test(docKey) ? Number(docKey) : docKey) ?? store.document(docKey);
  if (!doc) throw new Error(`no document '${docKey}' in the database`);
  const t = doc.normalized;
  const at = t.fromOriginal(offset, offset + 1);
  if (!at) throw new Error(`offset ${offset} of ${doc.source} is not part of the cleaned text`);
  const tr = traceFigure(doc, ruleSet, at[0], at[0] + 1);
  if (!tr) throw new Error(`no money or count figure at offset ${offset} of ${doc.source}`);
  const [os, oe] = t.toOriginal(tr.start, tr.end);
  const sentences = splitSentences(t.text, doc.lang as Lang);
  const sent = sentences.find((s) => s.start <= tr.start && tr.start < s.end) ?? { start: Math.max(0, tr.start - 40), end: Math.min(t.text.length, tr.end + 40) };
  const marks: Mark[] = [{ start: tr.start - sent.start, end: tr.end - sent.start, open: '⟦', close: '⟧' }];
  const words = tr.passed ? [tr.passed.start, tr.passed.end] : tr.chosen ? [tr.chosen.start, tr.chosen.end] : [null, null];
  if (words[0] !== null && words[1] !== null && words[0] >= sent.start && words[1] <= sent.end && (words[1] <= tr.start || words[0] >= tr.end)) {
    marks.push({ start: words[0] - sent.start, end: words[1] - sent.start, open: '[', close: ']' });
  }
  const fact = store.facts({ doc: doc.source }).find((f) => f.document_id === doc.id && f.norm_start >= tr.start && f.norm_end <= tr.end) ?? null;
  return {
    doc: doc.source,
    lang: doc.lang,
    figure: { original: doc.original.slice(os, oe), normalized: tr.text, start: os, end: oe },
    outcome: tr.passed ? 'passed' : tr.chosen ? 'fact' : 'no rule',
    passed: tr.passed,
    chosen: tr.chosen,
    candidates: tr.candidates,
    sentence: markSpans(t.text.slice(sent.start, sent.end), marks).replace(/\s+/g, ' ').trim(),
    factId: fact?.id ?? null,
  };
}

export function formatFigureExplanation(e: FigureExplanation): string {
  const lines = [`figure: ${e.figure.original} at ${e.figure.start}–${e.figure.end}${e.figure.normalized !== e.figure.original ? ` (normalized ${e.figure.normalized})` : ''}`, `document: ${e.doc} [${e.lang}]`];
  if (e.passed) {
    lines.push(`passed over: ${e.passed.decision}${e.passed.pattern ? ` (pattern ${e.passed.pattern})` : ''} — decisive words: ${e.passed.words}`);
    lines.push(`  ${e.passed.description.replace(/\s+/g, ' ').trim()}`);
  } else if (e.chosen) {
    lines.push(`read by: ${e.chosen.rule} (${e.chosen.type}) — decisive word: ${e.chosen.trigger} (${e.chosen.source})${e.factId !== null ? `; fact ${e.factId}` : ''}`);
  } else {
    lines.push('no rule: no trigger word of a rule reaches this figure');
  }
  if (e.candidates.length) {
    lines.push(`candidates: ${e.candidates.map((c) => `${c.rule} by ${c.trigger} (${c.source}, ${c.distance})`).join('; ')}`);
  }
  lines.push(`sentence: ${e.sentence}`);
  return lines.join('\n');
}
