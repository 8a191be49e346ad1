/**
 * Choosing the rule for one figure. Every trigger in the figure's sentence is a candidate when its rule reads the
 * figure's kind and unit, it stands within the rule's window, and no exclusion vetoes it. Then:
 * - before the figure, in its clause: in Chinese the nearest trigger wins, unless it is a head noun with a verb of its
 *   own just before it (`培训企业职工6039人次`, `受训人数约3千人` are training);
 *   Vietnamese puts the head first, so the first trigger of the clause within reach wins (`dư nợ cho vay hỗ trợ tạo
 *   việc làm đạt …`); in English the nearest word wins (`The fund has lent $12 million` is a loan);
 * - before the figure, beyond a comma: the nearest, a little weaker (`发放小额贷款1713笔,共计2亿元`);
 * - after the figure, in its clause: the last trigger is the predicate (`312名自主创业的“准老板”参加培训`);
 * - a counter noun inside a Vietnamese or English figure (`200 lao động`) only when nothing else speaks.
 */
import type { RuleLang, Sentence } from '../types.js';
import type { Quantity } from '../quantities/types.js';
import type { TriggerHit, WordMatcher } from './matching.js';
import { crossesSameKind } from './vetoes.js';

export interface Candidate {
  hit: TriggerHit;
  distance: number;
  /** Where the trigger stands: in the figure's clause before it, before it beyond a clause break, after it, inside it. */
  source: 'clause' | 'outside' | 'after' | 'inside' | 'list';
}

export interface Figure {
  q: Quantity;
  kind: 'money' | 'count';
  /** The unit the rules see: the quantity's, or CNY for a bare `2000万` read as money. */
  unit: string;
  figStart: number;
  figEnd: number;
  sentence: Sentence;
  clause: Sentence;
}

export interface ChoiceContext {
  text: string;
  lang: RuleLang;
  quantities: Quantity[];
  barriers: string[];
  matcher: WordMatcher;
  /** `amount_of` of the language: a money figure right after one takes the nearest trigger before it, however far. */
  amountOf?: string[];
  /** Words of money outside the six types (`trả nợ`, `lợi nhuận`): a far trigger does not reach past them. */
  otherMoney?: string[];
}

/** Triggers standing after the figure (`300人参加培训`) are a little weaker than those before it. */
const AFTER_PENALTY = 2;
/** A trigger before the figure but beyond a clause break is weaker than one in the figure's own clause. */
const CLAUSE_PENALTY = 4;
const INSIDE_DISTANCE = 9;
/** How far a verb may stand before a head noun (zh) or the figure (vi, en) and still govern it. */
const VERB_REACH: Record<RuleLang, number> = { zh: 8, vi: 40, en: 24 };
/** The measure word 个 classifies only what stands right beside it (`创办企业2460个`, not `企业合作开设冠名班32个`). */
const ITEM_REACH = 3;
const DEFAULT_WINDOW = { before: 16, after: 6 };

export function better(a: Candidate, b: Candidate): boolean {
  if (a.distance !== b.distance) return a.distance < b.distance;
  const pa = a.hit.rule.priority ?? 0;
  const pb = b.hit.rule.priority ?? 0;
  if (pa !== pb) return pa > pb;
  return a.hit.trigger.length > b.hit.trigger.length;
}

/** All candidates for the figure, and the one chosen (null when no rule reads it). */
export function chooseRule(f: Figure, hits: TriggerHit[], c: ChoiceContext): { best: Candidate | null; all: Candidate[] } {
  const { text, lang } = c;
  const { q, kind, unit, figStart, figEnd, sentence, clause } = f;
  const inClause: Candidate[] = [];
  const after: Candidate[] = [];
  let outClause: Candidate | null = null;
  let fallback: Candidate | null = null;
  const all: Candidate[] = [];
  // `…, với số tiền 13,4 tỷ đồng`: the amount of the action before it, so no window limits the trigger's reach.
  const amountOf = kind === 'money' && amountOfBefore(text, sentence.start, figStart, c);

  for (const hit of hits) {
    if (hit.start < sentence.start) continue;
    if (hit.start >= sentence.end) break;
    const rule = hit.rule;
    if (!rule.kinds.includes(kind) || !(unit in rule.units) || hit.end > sentence.end) continue;
    if (hit.counted && !(hit.start > q.start && hit.start < q.end)) continue;
    const win = { ...DEFAULT_WINDOW, ...rule.window };
    let distance: number;
    let place: 'before' | 'after' | 'inside';
    if (hit.end <= figStart) {
      distance = figStart - hit.end;
      if (distance > win.before && (!amountOf || c.matcher.hasAny(text.slice(hit.end, figStart), c.otherMoney ?? []))) continue;
      if (barrierBetween(text, hit.end, figStart, c.barriers)) continue;
      // A trigger governs the nearest figure of its kind; past another one only along a list.
      if (crossesSameKind(text, c.quantities, q, hit.end, figStart, kind, lang)) continue;
      if (lang === 'zh' && unit === 'item' && distance > ITEM_REACH) continue;
      place = 'before';
    } else if (hit.start >= figEnd) {
      // After the figure a trigger stands in its clause with no other figure in between (`4个区县的25户创业项目`).
      distance = hit.start - figEnd;
      if (distance > win.after || hit.end > clause.end) continue;
      if (c.quantities.some((o) => o !== q && o.start >= figEnd && o.start < hit.start)) continue;
      place = 'after';
    } else if (hit.start > q.start && hit.start < q.end) {
      // The counted noun inside the figure: decisive in Chinese (`5家企业`), generic in vi/en (`200 lao động`).
      distance = lang === 'zh' ? 0 : INSIDE_DISTANCE;
      place = lang === 'zh' ? 'after' : 'inside';
    } else {
      continue; // a trigger overlapping the figure otherwise (`万元户`) is not one
    }
    // A bare `2000万` is money only right beside a money word: `资金2000万`, `4万亿投资`, `4000亿的投资`.
    if (kind === 'money' && q.kind === 'plain' && (place === 'inside' || distance > (place === 'after' ? 1 : 2))) continue;
    if (vetoedByRule(hit, f, c)) continue;
    const source = place === 'before' ? (hit.start >= clause.start ? 'clause' : 'outside') : place;
    const cand: Candidate = { hit, distance, source };
    all.push(cand);
    if (place === 'inside') {
      if (!fallback || better(cand, fallback)) fallback = cand;
    } else if (place === 'after') after.push(cand);
    else if (hit.start >= clause.start) inClause.push(cand);
    else {
      const weaker: Candidate = { hit, distance: distance + CLAUSE_PENALTY, source: 'outside' };
      if (!outClause || better(weaker, outClause)) outClause = weaker;
    }
  }

  let best: Candidate | null = inClause.length ? chooseInClause(inClause, figStart, lang) : outClause;
  if (after.length) {
    const nearest = Math.min(...after.map((a) => a.distance));
    const predicate = after.reduce((a, b) => (b.hit.start > a.hit.start || (b.hit.start === a.hit.start && b.hit.end > a.hit.end) ? b : a));
    const cand: Candidate = { hit: predicate.hit, distance: nearest === 0 ? 0 : nearest + AFTER_PENALTY, source: 'after' };
    if (!best || cand.distance < best.distance) best = cand;
  }
  if (!best) best = fallback;
  all.sort((a, b) => a.distance - b.distance);
  return { best, all };
}

function chooseInClause(cands: Candidate[], figStart: number, lang: RuleLang): Candidate {
  const nearest = cands.reduce((a, b) => (better(b, a) ? b : a));
  // English: the nearest word is the predicate (`The fund has lent $12 million` is a loan).
  if (lang === 'en') return nearest;
  if (lang === 'zh') {
    if (!nearest.hit.noun) return nearest;
    // A head noun is governed by the verb right before it: `培训企业职工6039人次`.
    let verb: Candidate | null = null;
    for (const cand of cands) {
      if (cand.hit.noun || cand.hit.end > nearest.hit.start) continue;
      if (nearest.hit.start - cand.hit.end > VERB_REACH.zh) continue;
      if (!verb || cand.hit.end > verb.hit.end) verb = cand;
    }
    return verb ? { hit: verb.hit, distance: nearest.distance, source: 'clause' } : nearest;
  }
  // Head first: the first trigger within reach that no other trigger overlaps (`tổng vốn vay`: the nearer one), and
  // that is not a verb with its object right after it (`hỗ trợ vay 30 triệu đồng` is a loan; a noun head such as
  // `dư nợ cho vay hỗ trợ …` keeps the lead).
  const heads = cands.filter(
    (cand) =>
      figStart - cand.hit.end <= VERB_REACH[lang] &&
      !cands.some((o) => o !== cand && o.hit.start > cand.hit.start && o.hit.start < cand.hit.end) &&
      (cand.hit.noun || !cands.some((o) => o !== cand && o.hit.start >= cand.hit.end && o.hit.start - cand.hit.end <= 1)),
  );
  if (!heads.length) return nearest;
  const head = heads.reduce((a, b) => (b.hit.start < a.hit.start || (b.hit.start === a.hit.start && better(b, a)) ? b : a));
  return { hit: head.hit, distance: nearest.distance, source: 'clause' };
}

/** The rule's own exclusions, clause requirements and sentence exclusions. */
function vetoedByRule(hit: TriggerHit, f: Figure, c: ChoiceContext): boolean {
  const { text, matcher: m } = c;
  const rule = hit.rule;
  const before = hit.end <= f.figStart;
  // Between trigger and figure (the trigger itself aside: `贴息贷款` is a loan word), or just before the figure.
  const between = before ? text.slice(hit.end, f.figStart) : text.slice(f.figEnd, Math.max(f.figEnd, hit.start));
  const lead = text.slice(Math.max(f.clause.start, f.figStart - 2, before ? hit.end : 0), f.figStart);
  if (m.hasAny(between, rule.normExclusions) || m.hasAny(lead, rule.normExclusions)) return true;
  const clauseText = text.slice(f.clause.start, f.clause.end);
  if (rule.normClauseExclusions.length && m.hasAny(clauseText, rule.normClauseExclusions)) return true;
  if (rule.normClauseRequires.length && !m.hasAny(clauseText, rule.normClauseRequires)) return true;
  const sentenceText = text.slice(f.sentence.start, f.sentence.end);
  if (rule.normSentenceExclusions.length && m.hasAny(sentenceText, rule.normSentenceExclusions)) return true;
  if (rule.normSentenceRequires.length && !m.hasAny(sentenceText, rule.normSentenceRequires)) return true;
  return false;
}

/** Whether one of the language's `amount_of` words stands right before the figure (spaces between allowed). */
function amountOfBefore(text: string, sentenceStart: number, figStart: number, c: ChoiceContext): boolean {
  if (!c.amountOf?.length) return false;
  const lead = text.slice(Math.max(sentenceStart, figStart - 32), figStart).trimEnd();
  return c.amountOf.some((w) => lead.endsWith(w) && !/[\p{L}\p{M}]/u.test(lead[lead.length - w.length - 1] ?? ''));
}

/** A barrier between two points; a `.` or `,` inside a number (`3.851 lao động`) is a thousands mark, not one. */
function barrierBetween(text: string, from: number, to: number, barriers: string[]): boolean {
  for (const b of barriers) {
    for (let i = text.indexOf(b, from); i >= 0 && i + b.length <= to; i = text.indexOf(b, i + 1)) {
      if (b.length === 1 && /\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) continue;
      return true;
    }
  }
  return false;
}
