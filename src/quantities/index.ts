/**
 * The number and quantity parser: every number in a text with its span, exact value, unit, qualifier and kind.
 * `parseQuantities` is the only number parser of the project; extractors call it on normalized text, but it reads
 * traditional characters and full-width digits directly too.
 */
import type { RuleLang } from '../types.js';
import { parseWith, type LanguageReader } from './figure.js';
import type { Quantity } from './types.js';
import { readZhNumber, zhCanStartAt } from './zh.js';
import { readViNumber, viCanStart } from './vi.js';
import { readEnNumber, enCanStart } from './en.js';
import { afterCurrencyCode } from './units.js';

export type { Quantity, QuantityKind } from './types.js';

const READERS: Record<RuleLang, LanguageReader> = {
  zh: { lang: 'zh', read: readZhNumber, canStart: (t, i) => zhCanStartAt(t, i) && (!/[A-Za-z]/.test(t[i - 1] ?? '') || afterCurrencyCode(t, i, 'zh')) },
  vi: { lang: 'vi', read: readViNumber, canStart: viCanStart },
  en: { lang: 'en', read: readEnNumber, canStart: enCanStart },
};

/** Every quantity in `text`, sorted by start, non-overlapping. Offsets are JavaScript string indices into `text`. */
export function parseQuantities(text: string, lang: RuleLang): Quantity[] {
  const reader = READERS[lang];
  if (!reader) throw new Error(`unknown language: ${lang}`);
  return parseWith(text, reader);
}
