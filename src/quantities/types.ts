import type { Qualifier, RuleLang } from '../types.js';

/** What a number in running text is, so that extractors can skip what is never a fact (years, percentages, …). */
export type QuantityKind = 'money' | 'count' | 'percent' | 'year' | 'date' | 'ordinal' | 'identifier' | 'plain';

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
  kind: QuantityKind;
}

export type ParseQuantities = (text: string, lang: RuleLang) => Quantity[];
