/**
 * Language-neutral measures of a piece of text, shared by both cleaners. Lengths are in "units" so that one threshold
 * serves Chinese and alphabetic languages alike: a Han character is one unit, a Latin/Vietnamese word one and a half
 * (a 25-character Chinese sentence and a 17-word English one both weigh about 25).
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;

/** CJK, by code unit. */
function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x3040 && c <= 0x30ff) || (c >= 0xac00 && c <= 0xd7af);
}

/**
 * What a character is to a word (`[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*`): 1 starts one (a letter or digit), 2 only continues
 * one (a mark, `'’.-`), 0 neither.
 */
const WORD_START = /[\p{L}\p{N}]/u;
const WORD_PART = /[\p{L}\p{M}\p{N}'’.-]/u;
function classify(ch: string): number {
  return WORD_START.test(ch) ? 1 : WORD_PART.test(ch) ? 2 : 0;
}
/** classify() of each BMP character, plus one, filled as characters are met (0: not yet read). */
const wordClass = new Uint8Array(0x10000);

/**
 * CJK characters count one each, words (between them) one and a half each. units() runs on every block and line of
 * every page, so this is one pass over the text that makes no strings; it counts what `text.match(CJK)` and then
 * `text.replace(CJK, ' ').match(/[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*\/gu)` count.
 */
export function units(text: string): number {
  let cjk = 0;
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjkCode(c)) {
      cjk++;
      inWord = false;
      continue;
    }
    let cls: number;
    const next = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    if (next >= 0xdc00 && next <= 0xdfff) {
      // A surrogate pair is one code point to a /u pattern.
      cls = classify(text.slice(i, i + 2));
      i++;
    } else {
      cls = wordClass[c] - 1;
      if (cls < 0) cls = (wordClass[c] = classify(String.fromCharCode(c)) + 1) - 1;
    }
    if (inWord) inWord = cls !== 0;
    else if (cls === 1) {
      words++;
      inWord = true;
    }
  }
  return cjk + words * 1.5;
}

export function hasCjk(text: string): boolean {
  CJK.lastIndex = 0;
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}

/** Sentence punctuation: full-width marks anywhere, ASCII marks only where they end a clause (not `21.6`, `a.b.c`). */
const CJK_PUNCT = /[，。！？；：、…]/g;
const ASCII_PUNCT = /[,.!?;:](?=[\s"'”’)\]]|$)/g;

export function punctuation(text: string): number {
  return (text.match(CJK_PUNCT)?.length ?? 0) + (text.match(ASCII_PUNCT)?.length ?? 0);
}

/** Whether a code unit is what \s matches (for loops that read a text by code unit). */
export function isWhiteSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * ASCII commas and semicolons glued between Chinese characters (`通过政策和资金支持,2017年以来,全市…`): the clause marks of
 * Chinese prose typed with half-width punctuation. A colon is left out: headlines use it (`长兴:四项举措…`).
 */
const GLUED_CJK_PUNCT = /(?<=[\u3400-\u9fff\uf900-\ufaff）)”])[,;](?=[\u3400-\u9fff\uf900-\ufaff\d“（(])/g;

export function gluedClauseMarks(text: string): number {
  return text.match(GLUED_CJK_PUNCT)?.length ?? 0;
}

/** True when the text ends like a sentence (。！？.!? possibly inside closing quotes/brackets). */
export function endsLikeSentence(text: string): boolean {
  return /[。！？.!?…；;]["'”’」』)）\]]*\s*$/.test(text);
}

/** Whitespace as both cleaners trim it: ASCII, no-break and ideographic spaces. */
export const SPACE = /[\s\u00a0\u3000\u200b\ufeff]/;
