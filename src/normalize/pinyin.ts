/**
 * Remove the pinyin notes that some converters leave after each character: `創(chuàng)業(yè)` → `創業`.
 *
 * A parenthesised group is a note only when it follows a Han character directly and every word inside it is a
 * pinyin syllable (initial + final, checked against the syllable grammar) carrying a tone — a tone mark (`chuàng`)
 * or a tone digit (`chuang4`). That leaves acronyms `(SYE)`, years `(2017)` and Chinese asides `(含家庭工业)` alone,
 * and also English words in brackets, which would otherwise pass as toneless syllables (`(an)`, `(she)`).
 * Run after width folding and NFC, so the brackets are ASCII and tone marks are precomposed.
 */
import { replaceTracked, type TrackedText } from '../offsets.js';

/** Tone-marked vowels and the plain vowel each stands for. */
const TONE_VOWELS: Record<string, string> = {
  ā: 'a', á: 'a', ǎ: 'a', à: 'a',
  ē: 'e', é: 'e', ě: 'e', è: 'e',
  ī: 'i', í: 'i', ǐ: 'i', ì: 'i',
  ō: 'o', ó: 'o', ǒ: 'o', ò: 'o',
  ū: 'u', ú: 'u', ǔ: 'u', ù: 'u',
  ǖ: 'ü', ǘ: 'ü', ǚ: 'ü', ǜ: 'ü',
};
const TONE_MARKED = new RegExp(`[${Object.keys(TONE_VOWELS).join('')}]`, 'g');

/** Toneless syllable grammar: optional initial, then a final (ü may be typed v). */
const SYLLABLE =
  /^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ao|an|ei|en|er|ia|ie|in|iu|ou|ua|ue|üe|ve|ui|un|ün|vn|uo|a|e|i|o|u|ü|v|ng|m|n)$/;

/** True when `word` is one pinyin syllable with a tone mark or a trailing tone digit 1–5. */
export function isTonedSyllable(word: string): boolean {
  const w = word.toLowerCase();
  const marks = w.match(TONE_MARKED);
  const digit = /[1-5]$/.test(w);
  if ((marks?.length ?? 0) + (digit ? 1 : 0) !== 1) return false;
  const plain = (digit ? w.slice(0, -1) : w).replace(TONE_MARKED, (c) => TONE_VOWELS[c]);
  return SYLLABLE.test(plain);
}

/**
 * A Han character, then a bracket group of letters, tone vowels, digits, spaces and apostrophes. Full-width brackets
 * too: the pipeline folds them first, but the web interface strips notes from cleaned text, which keeps them.
 */
const NOTE = /(?<=\p{Script=Han})[(（]([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü1-5' ]{1,40})[)）]/gu;

/** True when `word` splits into toned syllables: `chuàng`, `chuàngyè`, `chuang4ye4`. */
export function isTonedPinyinWord(word: string): boolean {
  if (word.length === 0) return true;
  for (let n = Math.min(7, word.length); n >= 1; n--) {
    if (isTonedSyllable(word.slice(0, n)) && isTonedPinyinWord(word.slice(n))) return true;
  }
  return false;
}

export function isPinyinNote(inner: string): boolean {
  const words = inner.trim().split(/[ ']+/);
  return words.length > 0 && words.every((w) => w.length > 0 && isTonedPinyinWord(w));
}

export function stripPinyinNotes(src: TrackedText): TrackedText {
  NOTE.lastIndex = 0;
  if (!NOTE.test(src.text)) return src;
  // The replacer keeps a group that is not a note by returning it unchanged (a one-to-one replace keeps the map).
  return replaceTracked(src, NOTE, (m) => (isPinyinNote(m[1]) ? '' : m[0]));
}
