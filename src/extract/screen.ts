/**
 * The candidate stage: is this number a candidate fact at all? It runs on every money or count figure before any rule
 * chooses a type, and passes a figure over when one of its language's decisions in `extractors/<lang>/_not_facts.yaml`
 * applies — people who are not workers or trainees (`与会代表300余人`), legal forms (`Công ty TNHH Một thành viên`),
 * caps and thresholds (`tối đa … /hộ`), money outside the six types (deficits, deposits, share prices). The words are
 * data; this module only says where they must stand and reports which decision spoke and with which words, so that
 * `audit explain --figure` can show why a number was passed over.
 */
import type { RuleLang } from '../types.js';
import type { NotFactDecision } from './rules.js';
import type { Figure } from './choose.js';
import type { TriggerHit, WordMatcher } from './matching.js';

export interface PassedOver {
  /** The decision's id (`audience`, `legal_form`, …), or the built-in veto that spoke (`change`, `per_unit`, …). */
  decision: string;
  pattern: number | null;
  /** The decisive words as they stand in the normalized text. */
  words: string;
  /** Where the decisive words stand in the normalized text, when known. */
  start: number | null;
  end: number | null;
  description: string;
}

/** How far the counted phrase, the lead and the tail reach by default (characters; Vietnamese words are longer). */
const REACH: Record<RuleLang, { before: number; after: number }> = {
  zh: { before: 10, after: 8 },
  vi: { before: 40, after: 24 },
  en: { before: 30, after: 24 },
};

interface Found {
  word: string;
  start: number;
  end: number;
}

/** Every occurrence of the words in text[from, to), as absolute positions. */
function occurrences(text: string, from: number, to: number, words: string[], m: WordMatcher): Found[] {
  const region = text.slice(from, to);
  const out: Found[] = [];
  for (const w of words) {
    // A word that starts with a digit is not found inside a longer number (`1亩` is not in `21亩`).
    const digitLed = /^[\d.]/.test(w);
    let i = m.indexOf(region, w);
    while (i >= 0) {
      if (!digitLed || !/[\d.]/.test(text[from + i - 1] ?? '')) out.push({ word: w, start: from + i, end: from + i + w.length });
      i = m.indexOf(region, w, i + 1);
    }
  }
  return out;
}

/**
 * A verb of a rule standing between a counted noun and the figure governs the figure instead (`高校毕业生就业3000人`:
 * 就业 counts people in work, whatever they were before). Head nouns (`人数`, `成员`) do not: the word before them says
 * whose number it is (`会员人数达80万名`).
 */
function governedBetween(hits: TriggerHit[], from: number, to: number, f: Figure): boolean {
  return hits.some(
    (h) => !h.noun && h.start >= from && h.end <= to && h.rule.kinds.includes(f.kind) && f.unit in h.rule.units,
  );
}

/** Whether another number stands between a word and the figure (`学生600多名、教师40名`: 学生 is counted by the 600). */
function numberBetween(text: string, o: Found, f: Figure): boolean {
  const between = o.end <= f.figStart ? text.slice(o.end, f.figStart) : text.slice(f.figEnd, o.start);
  return /\d/.test(between);
}

function decide(d: NotFactDecision, text: string, f: Figure, hits: TriggerHit[], m: WordMatcher, lang: RuleLang): Found | null {
  const reach = { ...REACH[lang], ...d.reach };
  const clauseLead = Math.max(f.clause.start, f.figStart - reach.before);
  const clauseTail = Math.min(f.clause.end, f.figEnd + reach.after);
  const kept = (from: number, to: number) => d.normUnless.length > 0 && occurrences(text, from, to, d.normUnless, m).length > 0;
  switch (d.scope) {
    case 'figure': {
      // The figure's first word: its qualifier when one leads (`不超过15万元`, `tối đa 100 triệu`), else its number.
      const o = occurrences(text, f.figStart, f.figEnd, d.normWords, m).find((x) => x.start === f.figStart);
      // An `unless` word within reach governs the figure (`雇用了两人`: a number written as a word still counts hires).
      return o && !kept(clauseLead, clauseTail) ? o : null;
    }
    case 'counted': {
      // The noun counted stands right after the figure (`26名示威者`, `2 triệu lượt khách`) or before it with nothing
      // that governs the figure in between (`会员人数达80万名`).
      // The figure's own counter noun (`1.200 lao động`) is part of the counted phrase in Vietnamese and English.
      const tailFrom = lang === 'zh' ? f.figEnd : f.q.start + (/^[\d.,\s]+/.exec(f.q.text)?.[0].length ?? 0);
      const after = occurrences(text, tailFrom, clauseTail, d.normWords, m)
        .filter((o) => !governedBetween(hits, f.figEnd, o.start, f))
        .sort((a, b) => a.start - b.start)[0];
      // An `unless` word that overlaps the decisive word is a longer phrase holding it (`người dân tộc thiểu số`, ethnic
      // minority people, holds `người dân`, residents): it keeps the figure too.
      const within = (o: Found) => d.normUnless.length > 0 && occurrences(text, clauseLead, clauseTail, d.normUnless, m).some((u) => u.start < o.end && o.start < u.end);
      if (after && !kept(tailFrom, after.end) && !within(after)) return after;
      const before = occurrences(text, clauseLead, f.figStart, d.normWords, m)
        .filter((o) => !governedBetween(hits, o.end, f.figStart, f))
        .sort((a, b) => b.end - a.end)[0];
      if (before && !kept(before.start, f.figStart) && !within(before)) return before;
      return null;
    }
    case 'lead': {
      const o = occurrences(text, clauseLead, f.figStart, d.normWords, m).sort((a, b) => b.end - a.end)[0];
      return o && !kept(clauseLead, f.figStart) ? o : null;
    }
    case 'after': {
      const o = occurrences(text, f.figEnd, clauseTail, d.normWords, m).sort((a, b) => a.start - b.start)[0];
      return o && !kept(f.figEnd, clauseTail) ? o : null;
    }
    case 'before': {
      const o = occurrences(text, f.sentence.start, f.figStart, d.normWords, m).sort((a, b) => b.end - a.end)[0];
      return o && !kept(f.sentence.start, f.figStart) ? o : null;
    }
    case 'actor': {
      // Who acts: the nearest naming of an actor before the figure in its sentence — before its governing word, when
      // the decision names those (`资助家庭困难学生860万元`: the family is whom the money reaches) — of either list: a
      // firm or a family (the words) or a government or a programme (`unless`). A name right after a word of recipients
      // (`对企业`, `为农户`) is whom the money goes to, and no actor.
      const end = governingWord(d, text, f, m, lang)?.start ?? f.figStart;
      const named = (ws: string[], own: boolean) =>
        occurrences(text, f.sentence.start, end, ws, m)
          .filter((o) => !d.normNotAfter.some((w) => recipientMark(text, Math.max(f.sentence.start, o.start - RECIPIENT_GAP - w.length), o.start, w)))
          .map((o) => ({ ...o, own }));
      const nearest = [...named(d.normWords, true), ...named(d.normUnless, false)].sort((a, b) => b.end - a.end || a.start - b.start)[0];
      return nearest?.own ? nearest : null;
    }
    case 'clause':
    case 'sentence': {
      const span = d.scope === 'clause' ? f.clause : f.sentence;
      const o = occurrences(text, span.start, span.end, d.normWords, m)
        .filter((x) => !d.own_figure || !numberBetween(text, x, f))
        .sort((a, b) => Math.abs(a.start - f.figStart) - Math.abs(b.start - f.figStart))[0];
      return o && !kept(span.start, span.end) ? o : null;
    }
  }
}

/** How many characters may stand between a word of recipients and the name it governs (`对中小企业`, `为返乡农户`). */
const RECIPIENT_GAP = 4;

/** Whether the word of recipients `w` stands in text[from, to) with no punctuation after it. */
function recipientMark(text: string, from: number, to: number, w: string): boolean {
  const i = text.slice(from, to).lastIndexOf(w);
  return i >= 0 && !/[,，、;；:：。!?！？()（）"“”]/.test(text.slice(from + i + w.length, to));
}

/** The decision's `governed_by` word nearest before the figure in its clause, within its reach, or null. */
function governingWord(d: NotFactDecision, text: string, f: Figure, m: WordMatcher, lang: RuleLang): Found | null {
  if (!d.normGovernedBy.length) return null;
  const from = Math.max(f.clause.start, f.figStart - (d.reach?.before ?? REACH[lang].before));
  return occurrences(text, from, f.figStart, d.normGovernedBy, m).sort((a, b) => b.end - a.end || a.start - b.start)[0] ?? null;
}

/**
 * Whether one of the decision's `governed_by` words stands before the figure in its clause, within its reach, with no
 * trigger of a rule of another type in between (`该企业投资建设的项目年产值达3亿元`: 产值 governs the figure, not 投资).
 */
function governed(d: NotFactDecision, text: string, f: Figure, hits: TriggerHit[], m: WordMatcher, lang: RuleLang): boolean {
  const g = governingWord(d, text, f, m, lang);
  if (!g) return false;
  const own = new Set(hits.filter((h) => h.start < g.end && g.start < h.end).map((h) => h.rule.type));
  return !hits.some((h) => h.start >= g.end && h.end <= f.figStart && h.rule.kinds.includes(f.kind) && !own.has(h.rule.type));
}

/**
 * The first decision of the language that passes the figure over, or null when it stays a candidate fact. `part`: the
 * figure is a part of the figure before it (a subset after `其中`, the next item of its list), whose labels name the part.
 */
export function screenFigure(
  text: string,
  f: Figure,
  hits: TriggerHit[],
  decisions: NotFactDecision[],
  m: WordMatcher,
  lang: RuleLang,
  part = false,
): PassedOver | null {
  for (const d of decisions) {
    if (!d.kinds.includes(f.kind)) continue;
    if (part && d.not_parts) continue;
    if (d.units && !d.units.includes(f.unit)) continue;
    if (d.qualifiers && !d.qualifiers.includes(f.q.qualifier)) continue;
    if (d.figureRe && !d.figureRe.test(f.q.text)) continue;
    if (d.normGovernedBy.length && !governed(d, text, f, hits, m, lang)) continue;
    const found = decide(d, text, f, hits, m, lang);
    if (found) {
      return { decision: d.id, pattern: d.pattern ?? null, words: found.word, start: found.start, end: found.end, description: d.description };
    }
  }
  return null;
}
