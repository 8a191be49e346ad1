/**
 * Figures that are never facts whatever trigger stands near them: changes (`同比增加1144人`), per-unit amounts and caps
 * (`每人可享受补贴1200元`, `tối đa 100 triệu đồng`), rates (`1000元/亩`). The words come from each language's
 * `_language.yaml`; this module only applies them.
 */
import type { RuleLang, Sentence } from '../types.js';
import type { Quantity } from '../quantities/types.js';
import type { RuleSet } from './rules.js';
import type { WordMatcher } from './matching.js';

export type LanguageVetoes = NonNullable<ReturnType<RuleSet['languages']['get']>>;

const LETTER = /[\p{L}\p{M}\p{N}]/u;

/** A change word right before the figure (a short filler such as `了` allowed), or a rate mark right after it: the word, or null. */
export function changeOrRate(text: string, q: Quantity, figStart: number, sentence: Sentence, spec: LanguageVetoes, lang: RuleLang): string | null {
  const lead = text.slice(Math.max(sentence.start, figStart - (lang === 'zh' ? 6 : 16)), figStart);
  for (const w of spec.normVetoBefore) {
    const i = lead.lastIndexOf(w);
    if (i < 0 || lead.length - (i + w.length) > 2) continue;
    if (lang !== 'zh' && LETTER.test(lead[i - 1] ?? '')) continue; // `increase` is not in `reincrease`
    return w;
  }
  const tail = text.slice(q.end, Math.min(sentence.end, q.end + 16));
  const rest = tail.trimStart();
  // A yearly total is a fact (`30 tỷ đồng/năm`, `每年`): checked before the rate marks.
  if (spec.normVetoAfterUnless.some((u) => rest.startsWith(u))) return null;
  return spec.normVetoAfter.find((w) => tail.startsWith(w) || rest.startsWith(w)) ?? null;
}

/**
 * A threshold in a condition: a figure with a trailing 以上/以下 qualifier that qualifies the noun after it
 * (`对带动就业10人以上的创业实体给予奖励`, `投资规模50万元以下的`) describes who qualifies, not how many there are.
 */
export function threshold(text: string, q: Quantity, spec: LanguageVetoes): string | null {
  if (!spec.threshold_after?.length || q.qualifier === 'exact' || q.qualifier === 'approx' || q.qualifier === 'range') return null;
  if (q.qualifierStart === undefined || q.qualifierStart < q.start) return null; // the qualifier must follow the number
  const after = text.slice(Math.max(q.end, q.qualifierEnd ?? q.end));
  const w = spec.threshold_after.find((x) => after.startsWith(x));
  return w ? text.slice(q.qualifierStart, q.qualifierEnd) + w : null;
}

/**
 * A per-unit or capped figure: a veto word before it in its clause, unless an exception holds that very occurrence
 * (`每年` starts with 每; `来自各乡镇` and `向各乡镇` hold 各乡镇 as where people come from or money goes, not "each").
 */
export function perUnit(lead: string, spec: LanguageVetoes, m: WordMatcher): string | null {
  // An exception holds the occurrence when it overlaps it.
  const holds = (u: string, w: string, i: number) => {
    for (let j = Math.max(0, i - u.length + 1); j < i + w.length; j++) if (lead.startsWith(u, j)) return true;
    return false;
  };
  for (const w of spec.normVetoClause) {
    let i = m.indexOf(lead, w);
    while (i >= 0) {
      if (!spec.normVetoClauseUnless.some((u) => holds(u, w, i))) return w;
      i = m.indexOf(lead, w, i + 1);
    }
  }
  return null;
}

/**
 * The kind a figure is read as: money and counts as the parser says; in Chinese a bare `2000万` (no 元) may be money
 * in yuan right beside a money word (`项目资金2000万`), which the chooser checks; `一个`/`一家` is the article "a".
 */
export function figureKind(q: Quantity, lang: RuleLang, next = ''): 'money' | 'count' | null {
  if (q.kind === 'money') return 'money';
  if (q.kind === 'count') return lang === 'zh' && /^一/.test(q.text) && q.value === 1 ? null : 'count';
  if (q.kind === 'plain' && lang === 'zh' && /[万亿萬億]$/.test(q.text) && !GOODS_MEASURE.test(next)) return 'money';
  return null;
}

/** Measure words of goods, land and weight: a bare `4.5万支` counts phones, `800万吨` weighs coal — neither is money. */
const GOODS_MEASURE = /^[支件台辆輛吨噸头頭只隻张張套部亩畝斤条條株棵箱册冊本瓶颗顆枚架艘座间間盒包袋双雙桶升片粒尾羽]/;

/**
 * What may stand between two figures of a list that share one trigger: separators (`500万元、300万元和200万元`), or
 * a slash of a table-like pair (`620人/35.2万人`), short nouns around an enumeration mark (`培训电商带头人45名、网店店主112名`, `聘请了18名残疾人士及12名更生人士`)
 * — never a comma and a new clause
 * (`补贴2412.7万元，购买新车约3亿元`).
 */
const LIST_GLUE: Record<RuleLang, RegExp> = {
  zh: /^(?:[\s、,，和及与或/]*|\p{Script=Han}{0,6}\s*[、和及与或]\s*\p{Script=Han}{0,6})$/u,
  vi: /^(?:[\s,]|và|hoặc)*$/u,
  en: /^(?:[\s,]|and|or)*$/u,
};

/** Whether a trigger standing at `from` reaches the figure only past another figure of its kind, outside a list. */
export function crossesSameKind(text: string, quantities: Quantity[], q: Quantity, from: number, to: number, kind: 'money' | 'count', lang: RuleLang): boolean {
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
