/**
 * The rule engine: the only code that interprets rules. For every money or count quantity in the normalized text it
 * looks for the trigger words of every rule of the document's language in the figure's clause (before the figure
 * within the rule's `before` window, or after it within `after`), and gives the figure to the rule whose trigger
 * stands nearest. One figure yields at most one fact. Figures inside mojibake, right after a change word (`同比增加`)
 * or followed by a per-unit mark (`/亩`) yield nothing.
 */
import type { Fact, NormDoc, RuleLang, Sentence } from '../types.js';
import { ruleLangOf } from '../types.js';
import { parseQuantities } from '../quantities/index.js';
import type { Quantity } from '../quantities/types.js';
import { splitSentences, wordBoundaries } from '../segment/index.js';
import { contextFor, documentContext } from './context.js';
import type { Rule, RuleSet } from './rules.js';

interface TriggerHit {
  rule: Rule;
  trigger: string;
  start: number;
  end: number;
}

interface Candidate {
  hit: TriggerHit;
  distance: number;
}

/** Triggers standing after the figure (`300人参加培训`) are a little weaker than those before it. */
const AFTER_PENALTY = 2;
const INSIDE_DISTANCE = 9;
const DEFAULT_WINDOW = { before: 16, after: 6 };

function findTriggers(text: string, rules: Rule[], boundaries: Set<number> | null, lang: RuleLang): TriggerHit[] {
  const hits: TriggerHit[] = [];
  for (const rule of rules) {
    for (const trigger of rule.normTriggers) {
      let from = 0;
      for (;;) {
        const i = text.indexOf(trigger, from);
        if (i < 0) break;
        from = i + 1;
        if (boundaries && !boundaries.has(i)) continue;
        if (!boundaries && !wordEdge(text, i, i + trigger.length, lang)) continue;
        hits.push({ rule, trigger, start: i, end: i + trigger.length });
      }
    }
  }
  return hits;
}

/**
 * For space-separated languages a trigger must start a word (`vay` not inside `xvay`); English triggers may take an
 * inflection (`loans`, `trained`), Vietnamese syllables must also end at a word edge.
 */
function wordEdge(text: string, start: number, end: number, lang: RuleLang): boolean {
  const isLetter = (c: string | undefined) => c !== undefined && /[\p{L}\p{M}\p{N}]/u.test(c);
  if (isLetter(text[start - 1])) return false;
  return lang === 'en' || !isLetter(text[end]);
}

/** The original characters behind a span of normalized text, in order, without the markup between them. */
function originalChars(t: NormDoc['text'], original: string, start: number, end: number): string {
  let out = '';
  let lastEnd = -1;
  for (let i = start; i < end; i++) {
    const s = t.starts[i];
    const e = t.ends[i];
    if (e <= lastEnd) continue; // several normalized characters from one original run (a phrase conversion)
    if (s === e) {
      out += t.text[i]; // inserted separator (a paragraph break between HTML blocks)
      continue;
    }
    out += original.slice(Math.max(s, lastEnd), e);
    lastEnd = e;
  }
  return out;
}

function containing<T extends { start: number; end: number }>(spans: T[], at: number): T | null {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= at) lo = mid + 1;
    else if (spans[mid].start > at) hi = mid - 1;
    else return spans[mid];
  }
  return null;
}

function paragraphs(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  for (;;) {
    const i = text.indexOf('\n', start);
    const end = i < 0 ? text.length : i;
    if (end > start) out.push({ start, end });
    if (i < 0) break;
    start = i + 1;
  }
  return out;
}

function hasAny(s: string, words: string[]): string | null {
  for (const w of words) if (s.includes(w)) return w;
  return null;
}

function crossesBarrier(text: string, from: number, to: number, barriers: string[]): boolean {
  const s = text.slice(from, to);
  return barriers.some((b) => s.includes(b));
}

/** The clause of the figure: the sentence cut at the language's barrier marks and at commas. */
function clauseOf(text: string, sentence: Sentence, at: number, marks: string[]): Sentence {
  let start = sentence.start;
  let end = sentence.end;
  for (const m of marks) {
    const b = text.lastIndexOf(m, at - 1);
    if (b >= start && b < at) start = b + m.length;
    const a = text.indexOf(m, at);
    if (a >= 0 && a < end) end = a;
  }
  return { start, end };
}

export interface ExtractOptions {
  /** Only these rules (by id) may produce facts; others still compete for figures, so results match a full run. */
  onlyRules?: Set<string>;
}

/**
 * Extracts facts from one normalized document. `original` is the decoded page the normalized text maps back to.
 */
export function extractFacts(norm: NormDoc, original: string, ruleSet: RuleSet, opts: ExtractOptions = {}): Fact[] {
  const lang: RuleLang = ruleLangOf(norm.lang);
  // Latin-script words match regardless of case (a sentence may start with `Kinh phí`): rules and vetoes are read on
  // a lower-cased copy, which keeps every index for these scripts (where it would not, the text is used as it is).
  const text = searchableText(norm.text.text, lang);
  const rules = ruleSet.rules.filter((r) => r.lang === lang);
  const spec = ruleSet.languages.get(lang);
  if (!rules.length || !text) return [];
  const barriers = spec?.barriers ?? [];
  const quantities = parseQuantities(norm.text.text, lang).filter((q) => q.kind === 'money' || q.kind === 'count');
  if (!quantities.length) return [];
  const sentences = splitSentences(norm.text.text, norm.lang);
  const paras = paragraphs(norm.text.text);
  const boundaries = lang === 'zh' ? wordBoundaries(norm.text.text, norm.lang) : null;
  const hits = findTriggers(text, rules, boundaries, lang);
  const ctx = documentContext(norm.text.text, spec ? { language: lang, ...spec.context } : undefined);
  const facts: Fact[] = [];

  for (const q of quantities) {
    if (norm.flags.some((f) => f.start < q.end && q.start < f.end)) continue; // no facts from mojibake
    const figStart = Math.min(q.start, q.qualifierStart ?? q.start);
    const figEnd = Math.max(q.end, q.qualifierEnd ?? q.end);
    const sentence = containing(sentences, q.start) ?? { start: 0, end: text.length };
    if (spec && isVetoed(text, q, figStart, sentence, spec.normVetoBefore, spec.normVetoAfter)) continue;
    const clause = clauseOf(text, sentence, q.start, [',', '，', ';', '；', ':', '：']);

    let best: Candidate | null = null;
    for (const hit of hits) {
      const rule = hit.rule;
      if (!rule.kinds.includes(q.kind as 'money' | 'count')) continue;
      if (q.unit === null || !(q.unit in rule.units)) continue;
      if (hit.start < sentence.start || hit.end > sentence.end) continue;
      const win = { ...DEFAULT_WINDOW, ...rule.window };
      let distance: number;
      if (hit.end <= figStart) {
        distance = figStart - hit.end;
        if (distance > win.before) continue;
        if (crossesBarrier(text, hit.end, figStart, barriers)) continue;
      } else if (hit.start >= figEnd) {
        distance = hit.start - figEnd;
        if (distance > win.after) continue;
        if (crossesBarrier(text, figEnd, hit.start, barriers)) continue;
        distance += AFTER_PENALTY;
      } else if (hit.start > q.start && hit.end <= q.end && lang !== 'zh') {
        // The counter noun is the trigger (`5 dự án`, `200 lao động`, `300 jobs`): a weak one, which any trigger word
        // standing near the figure overrules (`đào tạo nghề cho 300 lao động` is training).
        distance = INSIDE_DISTANCE;
      } else {
        continue; // a trigger overlapping the figure otherwise (`万元户`) is not a trigger
      }
      const from = Math.min(hit.start, figStart);
      const to = Math.max(hit.end, figEnd);
      // Exclusions: between trigger and figure, or in the few characters right before the figure.
      const between = text.slice(from, to);
      const lead = text.slice(Math.max(sentence.start, figStart - 4), figStart);
      if (hasAny(between, rule.normExclusions) || hasAny(lead, rule.normExclusions)) continue;
      if (rule.normClauseExclusions.length && hasAny(text.slice(clause.start, clause.end), rule.normClauseExclusions)) continue;
      const c: Candidate = { hit, distance };
      if (!best || better(c, best)) best = c;
    }
    if (!best) continue;
    const rule = best.hit.rule;
    if (opts.onlyRules && !opts.onlyRules.has(rule.id)) continue;
    facts.push(buildFact(norm, original, q, best.hit, sentence, containing(paras, q.start) ?? sentence, ctx));
  }
  return facts;
}

function searchableText(text: string, lang: RuleLang): string {
  if (lang === 'zh') return text;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

function better(a: Candidate, b: Candidate): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  const pa = a.hit.rule.priority ?? 0;
  const pb = b.hit.rule.priority ?? 0;
  if (pa !== pb) return pa > pb;
  return a.hit.trigger.length > b.hit.trigger.length;
}

function isVetoed(
  text: string,
  q: Quantity,
  figStart: number,
  sentence: Sentence,
  vetoBefore: string[],
  vetoAfter: string[],
): boolean {
  // A change word right before the figure (allowing a short filler such as `了` or a space): `同比增加1144人`.
  const lead = text.slice(Math.max(sentence.start, figStart - 6), figStart);
  for (const w of vetoBefore) {
    const i = lead.lastIndexOf(w);
    if (i >= 0 && lead.length - (i + w.length) <= 2) return true;
  }
  const tail = text.slice(q.end, Math.min(sentence.end, q.end + 6));
  for (const w of vetoAfter) if (tail.startsWith(w) || tail.trimStart().startsWith(w)) return true;
  return false;
}

function buildFact(
  norm: NormDoc,
  original: string,
  q: Quantity,
  hit: TriggerHit,
  sentence: Sentence,
  paragraph: Sentence,
  ctx: ReturnType<typeof documentContext>,
): Fact {
  const t = norm.text;
  const evStart = Math.min(hit.start, q.start, q.qualifierStart ?? q.start);
  const evEnd = Math.max(hit.end, q.end, q.qualifierEnd ?? q.end);
  const [start, end] = t.toOriginal(q.start, q.end);
  const [evidenceStart, evidenceEnd] = t.toOriginal(evStart, evEnd);
  const c = contextFor(ctx, q, sentence, paragraph);
  let period: string | null = null;
  if (c.period) {
    const [ps, pe] = t.toOriginal(c.period.start, c.period.end);
    period = original.slice(ps, pe);
  }
  const unit = hit.rule.units[q.unit as string];
  return {
    type: hit.rule.type,
    value: q.value,
    valueMax: q.range ? q.range[1] : null,
    unit,
    qualifier: q.qualifier,
    rule: hit.rule.id,
    ruleVersion: hit.rule.version,
    normStart: q.start,
    normEnd: q.end,
    start,
    end,
    evidenceNormStart: evStart,
    evidenceNormEnd: evEnd,
    evidenceStart,
    evidenceEnd,
    evidence: original.slice(evidenceStart, evidenceEnd),
    trigger: hit.trigger,
    sentence: originalChars(t, original, sentence.start, sentence.end).replace(/\s+/g, ' ').trim(),
    period,
    place: c.place,
  };
}
