/**
 * Counted nouns (`counted_nouns` of a rule): the noun right after a number says what it counts — `18 bác sĩ`,
 * `45 thuyền viên`, `681 nhân sự`, `5.000 cán bộ` are staff. The number parser knows only general counters (người,
 * lao động); a bare number before a counted noun is read here as a count of persons, and the noun becomes a trigger
 * of its rule standing inside the figure, which the chooser lets speak only when no trigger around the figure does
 * (`đào tạo 300 giáo viên` stays training). Latin-script languages only: Chinese counts with measure words.
 */
import type { RuleLang } from '../types.js';
import type { Quantity } from '../quantities/types.js';
import type { Rule } from './rules.js';
import type { TriggerHit, WordMatcher } from './matching.js';

/** Only spaces between the number (or its counter) and the noun: `2016. Cán bộ`, `1977, cán bộ` count nothing. */
const GAP = /^ {1,2}/;

/**
 * The quantities with bare numbers before a counted noun read as counts of persons, and a trigger hit for every
 * counted noun that is a figure's counter. `text` is the searchable (lower-cased) text, index for index the raw one.
 */
export function readCountedNouns(
  raw: string,
  text: string,
  quantities: Quantity[],
  rules: Rule[],
  lang: RuleLang,
  m: WordMatcher,
): { quantities: Quantity[]; hits: TriggerHit[] } {
  const nouns: Array<{ rule: Rule; noun: string }> = [];
  if (lang === 'zh') return { quantities, hits: [] };
  for (const rule of rules) for (const noun of rule.normCountedNouns) nouns.push({ rule, noun });
  if (!nouns.length) return { quantities, hits: [] };
  nouns.sort((a, b) => b.noun.length - a.noun.length);
  const hits: TriggerHit[] = [];
  const nounAt = (at: number) => nouns.find((n) => text.startsWith(n.noun, at) && m.triggerEdge(text, at, at + n.noun.length));
  const out = quantities.map((q) => {
    if (q.kind === 'plain' && q.unit === null && !q.range) {
      const gap = GAP.exec(text.slice(q.end, q.end + 3));
      const found = gap ? nounAt(q.end + gap[0].length) : undefined;
      if (!found) return q;
      const at = q.end + gap![0].length;
      const end = at + found.noun.length;
      hits.push({ rule: found.rule, trigger: found.noun, start: at, end, noun: true, counted: true });
      return { ...q, kind: 'count' as const, unit: 'person', unitText: raw.slice(at, end), end, text: raw.slice(q.start, end) };
    }
    if (q.kind === 'count' && q.unit === 'person' && q.unitText) {
      // A counter the parser knows (`5.000 cán bộ`): the noun still says whose number it is.
      const at = q.end - q.unitText.length;
      const found = nounAt(at);
      if (found && at > q.start) hits.push({ rule: found.rule, trigger: found.noun, start: at, end: at + found.noun.length, noun: true, counted: true });
    }
    return q;
  });
  return { quantities: out, hits };
}

/** What may stand between a noun for people and its bare figure: `已`, `共`, `达到`, `超过`, `近`, `的是`. */
const HEAD_FILLER = /(?:已经|已|共|累计|总计|合计|总数|达到了|达到|达|超过|突破|逾|为|是|有|近|约|将近|接近|多达|高达)*$/u;

/**
 * Chinese counts people with no measure word once 万 or 亿 is written (`返乡创业人员已超过800万`, `带动2万农民工`): a
 * bare figure right after a noun for people (`person_heads` of _language.yaml) or right before one (`person_nouns`) is
 * read as a count of persons, or of person-times after
 * `人次`, instead of an amount of yuan; persons counted right after `人次` are person-times (`培训人次达3200人`).
 */
export function readBarePersonCounts(text: string, quantities: Quantity[], heads: string[], nouns: string[] = []): Quantity[] {
  if (!heads.length && !nouns.length) return quantities;
  // `带动2万农民工就业`, `创造近4百万就业机会`: the noun right after a bare figure says it counts people or jobs.
  const nounAfter = (q: Quantity) => nouns.find((n) => text.startsWith(n, q.end));
  const headBefore = (q: Quantity) => {
    const from = Math.min(q.start, q.qualifierStart ?? q.start);
    const lead = text.slice(Math.max(0, from - 16), from).replace(HEAD_FILLER, '');
    return heads.find((h) => lead.endsWith(h));
  };
  return quantities.map((q) => {
    // `入读人次有1524人`: persons counted under a head of person-times are person-times.
    if (q.kind === 'count' && q.unit === 'person' && headBefore(q) === '人次') return { ...q, unit: 'person_time' };
    if (q.kind !== 'plain' || q.unit !== null || q.range || !/[万亿萬億]$/.test(q.text)) return q;
    const head = headBefore(q) ?? nounAfter(q);
    if (!head) return q;
    return { ...q, kind: 'count' as const, unit: head === '人次' ? 'person_time' : 'person', unitText: '' };
  });
}
