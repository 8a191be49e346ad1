import type { Qualifier, RuleLang } from '../types.js';

/**
 * What a number in running text is, so that extractors can skip what is never a fact (years, percentages, …).
 * `article`: a lone "one" that is the indefinite article before a counted noun (`一家企业`, `một học viên`): a count
 * only in form. `name_word`: a numeral inside a word, name or legal form (`一致`, `万一`, `Công ty TNHH Một thành
 * viên`): no quantity at all. Extractors read money, count, plain and percent; the other kinds are there to be
 * skipped and shown.
 */
export type QuantityKind = 'money' | 'count' | 'percent' | 'year' | 'date' | 'ordinal' | 'identifier' | 'plain' | 'article' | 'name_word';

export interface Quantity {
  /** The figure itself, number and unit (`460萬元`, `2.03万余名`, `250 triệu đồng`): JS string indices into the text given. */
  start: number;
  end: number;
  text: string;
  value: number;
  /** Exact decimal digits (`20300`, `640143.17`, `123456789012345678901`); never float noise. */
  valueText: string;
  /**
   * Money: ISO currency code (CNY, TWD, HKD, USD, VND, …). Count: the counter as a code — person (人/名/位/người/
   * lao động/học viên), person_time (人次/lượt người), household (户/hộ), enterprise (家/doanh nghiệp), project (dự án/项目),
   * item (个), establishment (cơ sở), and the counter itself for others (笔, 张, 期, 所, 次, …). Percent: '%'. null when none.
   */
  unit: string | null;
  /** The unit or counter as written (`万元`, `名`, `triệu đồng`). */
  unitText: string | null;
  qualifier: Qualifier;
  /** Where a qualifier word outside the figure stands (`近`, `超过`, `khoảng`), so evidence can include it. */
  qualifierStart?: number;
  qualifierEnd?: number;
  /** For ranges: [min, max]; `value` is min. */
  range?: [number, number];
  /**
   * For vague amounts, the span the words allow beside the value they state: `数十亿元` [1e9, 1e10] (value 1e9,
   * more_than), `5000多美元` [5000, 6000], `二十几块` [20, 30], `近万人` [8000, 10000] (value 10000, approx),
   * `hàng nghìn` [1000, 10000]. Facts keep the value and qualifier; this is for `numbers` and analysis.
   */
  vagueRange?: [number, number];
  kind: QuantityKind;
  /** The number alone, without unit, qualifier or percent frame (`百分之二十` → `二十`): how peers' specs mark spans. */
  numberStart?: number;
  numberEnd?: number;
  /** The number as written when its counter multiplies it: `三對` is 3 pairs, value 6 (items). */
  numberValue?: number;
  /** For ranges: the bounds as exact decimal strings. */
  rangeText?: [string, string];
  /**
   * The digits exactly as written, when the number is a plain digit run or is read digit by digit: keeps leading and
   * trailing zeros (`003`, `0573`, `一二点三零` → `12.30`).
   */
  digits?: string;
  /** Set when the value has no exact decimal form (`三分之一`, `2^-1` is exact but `1.1^23` is not): valueText is rounded. */
  inexact?: boolean;
}

export type ParseQuantities = (text: string, lang: RuleLang) => Quantity[];
