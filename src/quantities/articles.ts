/**
 * Numbers that are words: "one" used as the indefinite article before a counted noun (`一家企业`, `một học viên`
 * "a trainee"), and numerals that belong to a company's legal form (`Công ty TNHH Một thành viên`, `TNHH 2 thành
 * viên`: a single- or two-member limited company). Both read as counts in form; neither counts anything a fact could
 * state, so they get their own kind (`article`, `name_word`), which extractors skip and `numbers` shows.
 */
import type { RuleLang } from '../types.js';
import type { Quantity, QuantityKind } from './types.js';

/** The numeral of a lone "one" as the article, per language (Arabic `1` is always a figure). */
const ARTICLE_ONE: Partial<Record<RuleLang, RegExp>> = {
  zh: /^[一壹]$/,
  vi: /^một$/i,
};

/** Units of time and measure: `一年`, `một ngày` state an amount of them, not "a" thing. */
const MEASURES = new Set(['年', '天', '岁', '歲', '亩', '畝', '吨', '噸', '公斤', '斤', '千克', '平方米', '公里', '米', '小时', '小時', 'ha', 'tấn', 'km', 'ngày', 'tháng', 'tuổi']);

/**
 * Legal forms whose numeral is part of the name: the words right before the number, the counted noun after it.
 * Vietnamese `Công ty TNHH Một thành viên` / `TNHH MTV`, `TNHH 2 thành viên`, `TNHH hai thành viên`.
 */
const LEGAL_FORMS: { lang: RuleLang; before: RegExp; unitText: RegExp }[] = [
  { lang: 'vi', before: /(?:TNHH|trách nhiệm hữu hạn)\s*$/iu, unitText: /^thành viên$/i },
  // `Tổng công ty xây lắp 1 thành viên`: the legal form after the company's trade, with no mark in between.
  { lang: 'vi', before: /(?<![\p{L}\p{M}])công ty[\p{L}\p{M} ]{0,30}$/iu, unitText: /^thành viên$/i },
];

/** `article` or `name_word` when the count `q` is one of those words, else the kind as read. */
export function wordUseKind(text: string, q: Quantity, lang: RuleLang): QuantityKind {
  if (q.kind !== 'count' || q.qualifier !== 'exact' || q.range) return q.kind;
  const numeral = text.slice(q.numberStart ?? q.start, q.numberEnd ?? q.end);
  for (const f of LEGAL_FORMS) {
    if (f.lang === lang && (q.value === 1 || q.value === 2) && f.unitText.test(q.unitText ?? '') && f.before.test(text.slice(Math.max(0, q.start - 30), q.start))) return 'name_word';
  }
  const one = ARTICLE_ONE[lang];
  if (one && q.value === 1 && one.test(numeral) && !MEASURES.has(q.unit ?? '')) return 'article';
  return q.kind;
}
