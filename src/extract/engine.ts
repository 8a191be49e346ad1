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
const CLAUSE_MARKS = [',', '，', ';', '；', ':', '：'];
/** How far before the figure a verb may stand and still govern the noun phrase it counts (`培训企业职工6039人次`). */
const VERB_REACH: Record<RuleLang, number> = { zh: 8, vi: 40, en: 24 };
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
        // A Chinese trigger must start or end a word: `贷款` in `低息贷款` and in `贷款额度`, never inside one.
        if (boundaries && !boundaries.has(i) && !boundaries.has(i + trigger.length)) continue;
        if (!boundaries && !wordEdge(text, i, i + trigger.length, lang)) continue;
        hits.push({ rule, trigger, start: i, end: i + trigger.length });
      }
    }
  }
  // A trigger inside a longer one is not a trigger of its own: `资金` in `小贷资金` is the loan word's.
  // Sorted by start, longest first, a hit is inside a longer one exactly when an earlier hit reaches as far.
  hits.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TriggerHit[] = [];
  let reach: TriggerHit | null = null;
  for (const h of hits) {
    if (reach && reach.end >= h.end && !(reach.start === h.start && reach.end === h.end)) continue;
    kept.push(h);
    if (!reach || h.end > reach.end) reach = h;
  }
  return kept;
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

/**
 * Where `w` stands in `s` from `from` on, as a whole word for Latin-script languages (`each` is not in `reached`) and
 * anywhere for Chinese, which has no spaces; -1 when it does not.
 */
function indexOfWord(s: string, w: string, latin: boolean, from = 0): number {
  let i = s.indexOf(w, from);
  while (i >= 0 && latin && (LETTER.test(s[i - 1] ?? '') || LETTER.test(s[i + w.length] ?? ''))) i = s.indexOf(w, i + 1);
  return i;
}
const LETTER = /[\p{L}\p{M}\p{N}]/u;
let latinScript = false; // set per document by extractFacts: vi and en match whole words

function hasAny(s: string, words: string[]): string | null {
  for (const w of words) if (indexOfWord(s, w, latinScript) >= 0) return w;
  return null;
}

function crossesBarrier(text: string, from: number, to: number, barriers: string[]): boolean {
  const s = text.slice(from, to);
  return barriers.some((b) => s.includes(b));
}

/** The clause of the figure: the sentence cut at the language's barrier marks and at commas. */
function clauseOf(text: string, sentence: Sentence, figStart: number, figEnd: number, marks: string[]): Sentence {
  // A mark between two digits is part of a number (`1,500`, `10:30`), not a clause break.
  const isBreak = (i: number) => !(/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? ''));
  let start = sentence.start;
  let end = sentence.end;
  for (let i = figStart - 1; i >= sentence.start; i--) {
    if (marks.includes(text[i]) && isBreak(i)) {
      start = i + 1;
      break;
    }
  }
  for (let i = figEnd; i < sentence.end; i++) {
    if (marks.includes(text[i]) && isBreak(i)) {
      end = i;
      break;
    }
  }
  return { start, end };
}

export interface ExtractOptions {
  /** Only these rules (by id) may produce facts; others still compete for figures, so results match a full run. */
  onlyRules?: Set<string>;
  /**
   * Audit mode (`audit stats`): for every figure, one fact from each rule that matched it — the winner first, then the
   * others by their nearest trigger — instead of the winner only. Off by default; a normal run never sets it.
   */
  allCandidates?: boolean;
}

/**
 * Extracts facts from one normalized document. `original` is the decoded page the normalized text maps back to.
 */
export function extractFacts(norm: NormDoc, original: string, ruleSet: RuleSet, opts: ExtractOptions = {}): Fact[] {
  const lang: RuleLang = ruleLangOf(norm.lang);
  // Latin-script words match regardless of case (a sentence may start with `Kinh phí`): rules and vetoes are read on
  // a lower-cased copy, which keeps every index for these scripts (where it would not, the text is used as it is).
  const text = searchableText(norm.text.text, lang);
  latinScript = lang !== 'zh';
  const rules = ruleSet.rules.filter((r) => r.lang === lang);
  const spec = ruleSet.languages.get(lang);
  if (!rules.length || !text) return [];
  const barriers = spec?.barriers ?? [];
  const quantities = parseQuantities(norm.text.text, lang).filter((q) => q.kind === 'money' || q.kind === 'count' || q.kind === 'plain');
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
    if (spec && isVetoed(text, q, figStart, sentence, spec.normVetoBefore, spec.normVetoAfter, spec.normVetoAfterUnless, lang)) continue;
    const clause = clauseOf(text, sentence, figStart, figEnd, CLAUSE_MARKS);
    // A per-unit or capped figure (`每人可享受补贴1200元`, `Mỗi hộ được vay tối đa 100 triệu đồng`) is not a total.
    if (spec && perUnit(text.slice(clause.start, figStart), spec.normVetoClause, spec.normVetoClauseUnless)) continue;

    const kind = moneyLike(q, lang);
    if (!kind) continue;
    const unit = kind === 'money' && q.kind === 'plain' ? 'CNY' : q.unit;
    let bestBefore: Candidate | null = null;
    const inClause: Candidate[] = [];
    let fallback: Candidate | null = null;
    const after: Candidate[] = [];
    const everyCandidate: Candidate[] = [];
    for (const hit of hits) {
      const rule = hit.rule;
      if (!rule.kinds.includes(kind)) continue;
      if (unit === null || !(unit in rule.units)) continue;
      if (hit.start < sentence.start || hit.end > sentence.end) continue;
      const win = { ...DEFAULT_WINDOW, ...rule.window };
      let distance: number;
      let isAfter = false;
      if (hit.end <= figStart) {
        distance = figStart - hit.end;
        if (distance > win.before) continue;
        if (crossesBarrier(text, hit.end, figStart, barriers)) continue;
        // A trigger governs the nearest figure of its kind; it reaches past another one only along a list
        // (`安排资金500万元、300万元和200万元`), not past a clause with its own figure (`补贴2412.7万元,购买新车约3亿元`).
        if (crossesSameKind(text, quantities, q, hit.end, figStart, kind, lang)) continue;
      } else if (hit.start >= figEnd) {
        // After the figure a trigger must stand in the figure's clause, with no other figure in between:
        // `4个区县的25户创业项目` does not make the 4 a count of projects.
        distance = hit.start - figEnd;
        if (distance > win.after || hit.end > clause.end) continue;
        if (quantities.some((o) => o !== q && o.start >= figEnd && o.start < hit.start)) continue;
        isAfter = true;
      } else if (hit.start > q.start && hit.start < q.end) {
        // The counted noun inside the figure (`5家企业`, `5 dự án`, `200 lao động`). In Chinese the noun right after
        // the measure word says what is counted; a Vietnamese or English counter noun is generic (`lao động`,
        // `people`), so any trigger word near the figure overrules it (`đào tạo nghề cho 300 lao động`).
        distance = lang === 'zh' ? 0 : INSIDE_DISTANCE;
        if (lang !== 'zh') {
          // Kept aside: used only when no trigger word stands before or after the figure.
          if (!fallback || better({ hit, distance }, fallback)) fallback = { hit, distance };
          continue;
        }
        isAfter = lang === 'zh';
      } else {
        continue; // a trigger overlapping the figure otherwise (`万元户`) is not a trigger
      }
      // A bare `2000万` is money only right beside a money word: `资金2000万`, `4万亿投资`, `4000亿的投资`.
      if (kind === 'money' && q.kind === 'plain' && distance > (isAfter ? 1 : 2)) continue;
      // Exclusions: between trigger and figure (the trigger itself aside: `贴息贷款` is a loan word), or in the few
      // characters right before the figure.
      const between = hit.end <= figStart ? text.slice(hit.end, figStart) : text.slice(figEnd, Math.max(figEnd, hit.start));
      const lead = text.slice(Math.max(clause.start, figStart - 4, hit.end <= figStart ? hit.end : 0), figStart);
      if (hasAny(between, rule.normExclusions) || hasAny(lead, rule.normExclusions)) continue;
      if (rule.normClauseExclusions.length && hasAny(text.slice(clause.start, clause.end), rule.normClauseExclusions)) continue;
      if (rule.normClauseRequires.length && !hasAny(text.slice(clause.start, clause.end), rule.normClauseRequires)) continue;
      if (rule.normSentenceExclusions.length && hasAny(text.slice(sentence.start, sentence.end), rule.normSentenceExclusions)) continue;
      const c: Candidate = { hit, distance };
      if (opts.allCandidates) everyCandidate.push(c);
      if (isAfter) after.push(c);
      else if (hit.start >= clause.start) inClause.push(c);
      else if (!bestBefore || better(c, bestBefore)) bestBefore = c;
    }
    if (inClause.length) {
      // Several triggers before the figure in its clause: the first is the verb that governs the rest
      // (`培训企业职工6039人次`, `培训创业者1350人` are training; `受训人数约3千人` too).
      // Only a verb within a short object's reach of the figure governs it; two overlapping triggers (`tổng vốn vay`)
      // leave the choice to the one nearer the figure.
      const nearest = inClause.reduce((a, b) => (better(b, a) ? b : a));
      const governing = inClause.filter(
        (c) => figStart - c.hit.end <= VERB_REACH[lang] && !inClause.some((o) => o !== c && o.hit.start > c.hit.start && o.hit.start < c.hit.end),
      );
      const verb = governing.length
        ? governing.reduce((a, b) => (b.hit.start < a.hit.start || (b.hit.start === a.hit.start && better(b, a)) ? b : a))
        : nearest;
      bestBefore = { hit: verb.hit, distance: nearest.distance };
    }
    let best = bestBefore;
    if (!best && !after.length) best = fallback;
    if (after.length) {
      // Several triggers after the figure: the last one is the predicate (`312名自主创业的“准老板”参加培训` is about
      // training, `64名返乡创业人员参加提升培训` too); the nearest one decides how close the group stands.
      const nearestDistance = Math.min(...after.map((c) => c.distance));
      const predicate = after.reduce((a, b) => (b.hit.start > a.hit.start || (b.hit.start === a.hit.start && b.hit.end > a.hit.end) ? b : a));
      const c: Candidate = { hit: predicate.hit, distance: nearestDistance === 0 ? 0 : nearestDistance + AFTER_PENALTY };
      if (!best || c.distance < best.distance) best = c;
    }
    if (!best) continue;
    if (opts.allCandidates) {
      const paragraph = containing(paras, q.start) ?? sentence;
      const winner = best.hit.rule.id;
      const seen = new Set<string>([winner]);
      facts.push(buildFact(norm, original, q, unit as string, best.hit, sentence, paragraph, ctx));
      for (const c of [...everyCandidate].sort((x, y) => x.distance - y.distance)) {
        if (seen.has(c.hit.rule.id)) continue;
        seen.add(c.hit.rule.id);
        facts.push(buildFact(norm, original, q, unit as string, c.hit, sentence, paragraph, ctx));
      }
      continue;
    }
    const rule = best.hit.rule;
    if (opts.onlyRules && !opts.onlyRules.has(rule.id)) continue;
    facts.push(buildFact(norm, original, q, unit as string, best.hit, sentence, containing(paras, q.start) ?? sentence, ctx));
  }
  return facts;
}

/**
 * The kind a figure is read as: money and counts as the parser says, and in Chinese a bare `2000万` (no 元) right after
 * a money word (`项目资金2000万`) as money in yuan — news writes it that way. `一个`/`一家` is the article "a", not a count.
 */
function moneyLike(q: Quantity, lang: RuleLang): 'money' | 'count' | null {
  if (q.kind === 'money') return 'money';
  if (q.kind === 'count') return lang === 'zh' && /^一/.test(q.text) && q.value === 1 ? null : 'count';
  if (q.kind === 'plain' && lang === 'zh' && /[万亿萬億]$/.test(q.text)) return 'money';
  return null;
}

function searchableText(text: string, lang: RuleLang): string {
  if (lang === 'zh') return text;
  const lower = text.toLowerCase();
  return lower.length === text.length ? lower : text;
}

const LIST_GLUE: Record<RuleLang, RegExp> = {
  zh: /^[\s、,，和及与或以]*$/,
  vi: /^(?:[\s,]|và|hoặc)*$/,
  en: /^(?:[\s,]|and|or)*$/,
};

function crossesSameKind(
  text: string,
  quantities: Quantity[],
  q: Quantity,
  from: number,
  to: number,
  kind: 'money' | 'count',
  lang: RuleLang,
): boolean {
  let last: Quantity | null = null;
  for (const o of quantities) {
    if (o === q || o.start < from || o.end > to) continue;
    if ((kind === 'money') !== (o.kind === 'money')) continue;
    if (kind === 'count' && o.kind !== 'count') continue;
    if (!last || o.end > last.end) last = o;
  }
  if (!last) return false;
  return !LIST_GLUE[lang].test(text.slice(last.end, Math.min(q.qualifierStart ?? q.start, q.start)));
}

function perUnit(lead: string, words: string[], unless: string[]): boolean {
  for (const w of words) {
    let i = indexOfWord(lead, w, latinScript);
    while (i >= 0) {
      if (!unless.some((u) => lead.startsWith(u, i))) return true;
      i = indexOfWord(lead, w, latinScript, i + 1);
    }
  }
  return false;
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
  vetoAfterUnless: string[],
  lang: RuleLang,
): boolean {
  // A change word right before the figure (allowing a short filler such as `了` or a space): `同比增加1144人`.
  const lead = text.slice(Math.max(sentence.start, figStart - (lang === 'zh' ? 6 : 16)), figStart);
  for (const w of vetoBefore) {
    const i = lead.lastIndexOf(w);
    if (i < 0 || lead.length - (i + w.length) > 2) continue;
    if (lang !== 'zh' && LETTER.test(lead[i - 1] ?? '')) continue; // `increase` is not in `reincrease`
    return true;
  }
  const tail = text.slice(q.end, Math.min(sentence.end, q.end + 16));
  const rest = tail.trimStart();
  if (vetoAfterUnless.some((u) => rest.startsWith(u))) return false;
  for (const w of vetoAfter) if (tail.startsWith(w) || rest.startsWith(w)) return true;
  return false;
}

function buildFact(
  norm: NormDoc,
  original: string,
  q: Quantity,
  quantityUnit: string,
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
  const unit = hit.rule.units[quantityUnit];
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
