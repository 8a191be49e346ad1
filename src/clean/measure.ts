/**
 * Language-neutral measures of a piece of text, shared by both cleaners. Lengths are in "units" so that one threshold
 * serves Chinese and alphabetic languages alike: a Han character is one unit, a Latin/Vietnamese word one and a half
 * (a 25-character Chinese sentence and a 17-word English one both weigh about 25).
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]/g;
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;

export function units(text: string): number {
  const cjk = text.match(CJK)?.length ?? 0;
  const rest = cjk ? text.replace(CJK, ' ') : text;
  const words = rest.match(WORD)?.length ?? 0;
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
