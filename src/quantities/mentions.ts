/**
 * Currency names that stand without a figure (`人民币 美元`, `đô la`): what a currency spec calls a currency mention.
 * Extractors never need these (a fact has a figure); the number evaluation does, and a rule author may want them.
 * The names come from the same unit table as the figures' units.
 */
import type { RuleLang } from '../types.js';
import { parseQuantities } from './index.js';
import { PREFIX_CURRENCIES, SUFFIX_UNITS } from './units.js';

export interface CurrencyMention {
  start: number;
  end: number;
  text: string;
  unit: string;
}

/** Currency names of two characters or more: a lone `元`/`块` or `$` is too ambiguous without a figure. */
function names(lang: RuleLang): Array<{ text: string; unit: string }> {
  const out = new Map<string, string>();
  for (const u of SUFFIX_UNITS) {
    if (u.kind === 'money' && u.unit && (u.lang === lang || (u.lang as string) === '*') && [...u.text].length >= 2) out.set(u.text, u.unit);
  }
  for (const c of PREFIX_CURRENCIES) if ((c.lang === lang || c.lang === '*') && [...c.text].length >= 2) out.set(c.text, c.unit);
  return [...out].map(([text, unit]) => ({ text, unit })).sort((a, b) => b.text.length - a.text.length);
}

export function currencyMentions(text: string, lang: RuleLang): CurrencyMention[] {
  const taken = parseQuantities(text, lang).map((q) => [q.start, q.end] as const);
  const hay = lang === 'zh' ? text : text.toLowerCase();
  const found: CurrencyMention[] = [];
  for (const { text: name, unit } of names(lang)) {
    const needle = lang === 'zh' ? name : name.toLowerCase();
    for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + 1)) {
      const end = i + needle.length;
      if (taken.some(([s, e]) => s < end && i < e)) continue;
      if (found.some((m) => m.start < end && i < m.end)) continue;
      if (lang !== 'zh' && (/[\p{L}]/u.test(text[i - 1] ?? '') || /[\p{L}]/u.test(text[end] ?? ''))) continue;
      found.push({ start: i, end, text: text.slice(i, end), unit });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
