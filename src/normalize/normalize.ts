/**
 * Normalize stage: CleanDoc → NormDoc. Each step is its own module and each builds its output through the offset
 * map, so a span of the normalized text turns into a span of the original page with `text.toOriginal`.
 *
 * Order matters:
 * 1. NFC first, so every later step sees one spelling of a Vietnamese letter or a tone-marked pinyin vowel;
 * 2. width folding, so the pinyin step and the rules see ASCII brackets and digits;
 * 3. pinyin notes out before OpenCC, because `創(chuàng)業(yè)` must become `創業` to convert as a word;
 * 4. traditional → simplified (Chinese only);
 * 5. whitespace last, to clean up what the steps above left;
 * then mojibake spans on the final text, appended to the page's messages.
 */
import { TrackedText } from '../offsets.js';
import { mojibakeMessage, type CleanDoc, type Lang, type NormDoc, type PageMessage } from '../types.js';
import { normalizeChinese } from './chinese.js';
import { detectLanguage } from './lang.js';
import { findMojibake } from './mojibake.js';
import { stripPinyinNotes } from './pinyin.js';
import { toNFC } from './unicode.js';
import { collapseWhitespace } from './whitespace.js';
import { foldWidth } from './width.js';

export { detectLanguage } from './lang.js';
export { findMojibake, isFlagged } from './mojibake.js';
export { normalizeChinese, toSimplified } from './chinese.js';

function isChinese(lang: Lang): boolean {
  return lang === 'zh-Hans' || lang === 'zh-Hant';
}

/** The text steps for a known language, without language detection or flags. */
export function normalizeText(text: TrackedText, lang: Lang): TrackedText {
  let t = toNFC(text);
  t = foldWidth(t);
  if (isChinese(lang)) {
    t = stripPinyinNotes(t);
    t = normalizeChinese(t, lang === 'zh-Hans' ? 'zh-Hans' : 'zh-Hant');
  }
  return collapseWhitespace(t);
}

/** Stage 3. The spans read as mojibake are appended to `messages` (the page's one list), in normalized-text offsets. */
export function normalize(doc: CleanDoc, messages: PageMessage[] = []): NormDoc {
  const lang = detectLanguage(doc.text.text);
  const text = normalizeText(doc.text, lang);
  for (const f of findMojibake(text.text)) messages.push(mojibakeMessage(f.start, f.end));
  return { text, lang };
}

const HAN = /\p{Script=Han}/u;

/**
 * The same conversion for a short string that needs no map (rule trigger words, place names): NFC, half-width,
 * traditional → simplified when it holds Han characters, single spaces, trimmed. Pinyin notes are not expected here.
 */
export function normalizeQuery(s: string): string {
  return normalizeText(TrackedText.fromOriginal(s), HAN.test(s) ? 'zh-Hant' : 'en').text;
}
