/**
 * Figures whose rule comes from the sentence's structure rather than from a trigger beside them:
 * - "respectively" lists: `培训人数、新增就业人数和创业人数分别为4.6万人、3.1万人和8900人` gives the i-th trigger to
 *   the i-th figure (`lần lượt là` in Vietnamese);
 * - subsets: `吸纳就业6200余人（其中脱贫劳动力1930人）`, `trong đó có 3.120 người` — a figure introduced by 其中 /
 *   trong đó / including counts the same thing as the figure before it, unless its own clause names something else.
 */
import type { RuleLang, Sentence } from '../types.js';
import type { Quantity } from '../quantities/types.js';
import type { TriggerHit } from './matching.js';

const RESPECTIVELY: Record<RuleLang, RegExp> = {
  zh: /分别(?:为|是|达到|达|有|占)?/gu,
  vi: /lần lượt(?: là| đạt)?/gu,
  en: /(?!)/gu, // English puts "respectively" after the figures; not handled
};

const MARK_ALONE: Record<RuleLang, RegExp> = {
  zh: /^\s*(?:其中|包括)\s*$/u,
  vi: /^\s*(?:trong đó(?: có)?|bao gồm)\s*$/iu,
  en: /^\s*(?:including|of whom|of which|among them)\s*$/iu,
};

const SUBSET: Record<RuleLang, RegExp> = {
  zh: /(?:其中|包括)[，,]?[^，。；,;]{0,10}$/u,
  vi: /(?:trong đó(?: có)?|bao gồm),?[^,.;]{0,30}$/u,
  en: /(?:including|of whom|of which|among them),?[^,.;]{0,30}$/u,
};

/**
 * Rule assignments from "respectively" lists in one sentence. `accepts(hit, q)` says whether a trigger's rule reads
 * the figure at all (kind and unit).
 */
export function respectivelyLists(
  text: string,
  sentence: Sentence,
  quantities: Quantity[],
  hits: TriggerHit[],
  lang: RuleLang,
  accepts: (hit: TriggerHit, q: Quantity) => boolean,
): Map<Quantity, TriggerHit> {
  const out = new Map<Quantity, TriggerHit>();
  const re = RESPECTIVELY[lang];
  re.lastIndex = 0;
  const s = text.slice(sentence.start, sentence.end);
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    const at = sentence.start + m.index;
    const markEnd = at + m[0].length;
    // The figures: consecutive ones right after the mark, joined by list separators.
    const figures: Quantity[] = [];
    let cursor = markEnd;
    for (const q of quantities) {
      if (q.start < cursor || q.start >= sentence.end) continue;
      const gap = text.slice(cursor, q.qualifierStart ?? q.start);
      if (!/^[\s、,，和及与或]*(?:và|and|,)?\s*$/u.test(gap)) break;
      figures.push(q);
      cursor = q.end;
    }
    if (figures.length < 2) continue;
    // The triggers: those in the stretch before the mark back to the previous clause break.
    const stretchStart = Math.max(sentence.start, lastBreak(text, sentence.start, at));
    const triggers = hits.filter((h) => !h.counted && h.start >= stretchStart && h.end <= at);
    const distinct = triggers.filter((h, i) => i === 0 || h.start >= triggers[i - 1].end);
    if (distinct.length === figures.length) {
      figures.forEach((q, i) => {
        if (accepts(distinct[i], q)) out.set(q, distinct[i]);
      });
    } else if (distinct.length === 1) {
      for (const q of figures) if (accepts(distinct[0], q)) out.set(q, distinct[0]);
    }
  }
  return out;
}

function lastBreak(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if ('，,；;：:。'.includes(text[i])) return i + 1;
  return from;
}

/**
 * Whether the figure is introduced as a subset of the one before it (`其中…`, `trong đó có …`), or, for counts, opens a
 * parenthesis (`còn 10 người đang làm việc (9 người nghỉ thai sản …)`): a count in brackets after a count is a part of it.
 */
export function isSubset(text: string, clauseStart: number, figStart: number, lang: RuleLang, kind: 'money' | 'count' = 'money'): boolean {
  // A breakdown introduced by a colon (`其中：城关镇860人`, `trong đó: huyện A 3.000 người`): the mark stands in the
  // clause before the colon.
  // So does a mark set off by a comma (`其中，女性1300人`, `trong đó, nữ 5.000 người`): the clause before the comma is the
  // mark alone.
  let from = clauseStart;
  const stop = /[:：,，]\s*$/u.exec(text.slice(Math.max(0, from - 4), from));
  if (stop) {
    const at = from - (text.slice(Math.max(0, from - 4), from).length - stop.index);
    let start = at;
    for (let i = at - 1; i >= Math.max(0, at - 40); i--) {
      if ('，,；;：:。!?！？'.includes(text[i])) break;
      start = i;
    }
    if (/[:：]/u.test(stop[0]) || MARK_ALONE[lang].test(text.slice(start, at))) from = start;
  }
  const lead = text.slice(Math.max(from, figStart - 40), figStart);
  const open = Math.max(lead.lastIndexOf('('), lead.lastIndexOf('（'));
  if (kind === 'count' && open >= 0 && !lead.slice(open + 1).trim()) return true;
  return SUBSET[lang].test(open >= 0 ? lead.slice(open + 1) : lead);
}

/**
 * The items of a list after a subset's mark: `其中建档立卡贫困劳动力136.11万人次、直过民族22.1万人次`, `trong đó có 430 lao
 * động nữ, 85 người dân tộc thiểu số và 40 người khuyết tật`. A figure that follows the previous part with only a list
 * separator and a short label between them (no figure, no clause break) is the next part. Chinese puts the label before
 * each figure (`、直过民族22.1万人次`); Vietnamese and English after it (`430 lao động nữ, 85 …`) or before it, after a
 * colon (`trong đó: huyện A 3.000 người, huyện B 2.500 người`).
 */
const NEXT_ITEM: Record<RuleLang, RegExp> = {
  zh: /^[、，,；;]\s*[^，,。；;：:！？!?\d]{0,12}$/u,
  vi: /^[^,.;:!?\d]{0,40}(?:[,;]\s*(?:và\s+)?|\s+và\s+)[^,.;:!?\d]{0,30}$/u,
  en: /^[^,.;:!?\d]{0,40}(?:[,;]\s*(?:and\s+)?|\s+and\s+)[^,.;:!?\d]{0,30}$/u,
};

export function isNextItem(text: string, previousEnd: number, figStart: number, lang: RuleLang): boolean {
  if (previousEnd > figStart) return false;
  return NEXT_ITEM[lang].test(text.slice(previousEnd, figStart));
}

/**
 * Verbs that say for whom a part is, not what it is (`其中扶持大学生5人40万元` after loans: the loans that went to
 * students; `trong đó hỗ trợ 120 hộ …`): standing alone as the part's trigger they do not overrule the figure before it.
 */
const FOR_WHOM: Record<RuleLang, Set<string>> = {
  zh: new Set(['扶持', '支持', '帮扶', '帮助', '用于']),
  vi: new Set(['hỗ trợ', 'giúp', 'dành cho']),
  en: new Set(['support', 'supported', 'help', 'helped']),
};

export function onlyForWhom(trigger: string, lang: RuleLang): boolean {
  return FOR_WHOM[lang].has(trigger.toLowerCase());
}

/**
 * The base of a comparison right after a figure (`培训人次有2,310人，较上学年全年的1,870人上升24%`, `新增就业5600人，比去年的
 * 4800人增加800人`): the same measure at another time, so it counts what the figure before it counts. Only `较/比/相比/与
 * … 的 <figure>`: a figure right after 较去年 without 的 is the change itself (vetoed as one when 增加 or 减少 leads it).
 */
const COMPARED: Record<RuleLang, RegExp> = {
  zh: /^[，,]?\s*(?:较|比|相比|相较于?|与|同)[^，,。；;！？!?]{0,20}的$/u,
  vi: /(?!)/u,
  en: /(?!)/u,
};

export function isComparisonBase(text: string, previousEnd: number, figStart: number, lang: RuleLang): boolean {
  if (previousEnd > figStart) return false;
  return COMPARED[lang].test(text.slice(previousEnd, figStart));
}
