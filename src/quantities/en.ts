/**
 * Reading one English number: `1,500`, `2.5`, `2.5 million`, `$1.2 million` (the `$` is a prefix currency handled by
 * the figure layer), `40k`, and number words through compromise (`two hundred`, `twenty-five thousand`).
 */
import { createRequire } from 'node:module';
import { Dec } from './decimal.js';
import { readArabic, ZH_EN_SEPARATORS } from './arabic.js';
import { isDigit, type NumberRead } from './reading.js';
import { afterCurrencyCode, isLatinLetter } from './units.js';
import { ownCopy } from '../strings.js';

const SCALE: Record<string, number> = { thousand: 3, million: 6, billion: 9, trillion: 12, mn: 6, bn: 9, m: 6, b: 9, k: 3 };
const NUMBER_WORDS = new Set(
  (
    'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen ' +
    'eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion dozen'
  ).split(' '),
);
/** Words that only continue a number already started. */
const CONTINUE_ONLY = new Set(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen', 'and']);
const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/y;

/** An ASCII letter or digit by code (NaN, before the text's start, is none). */
function isAsciiAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

export function enCanStart(text: string, pos: number): boolean {
  // Inside a word (most characters of a text): only a digit may start a number there, as below, without the calls.
  if (isAsciiAlnum(text.charCodeAt(pos - 1)) && !isDigit(text[pos])) return false;
  const c = text[pos];
  if (isLatinLetter(text[pos - 1])) return isDigit(c) && !isDigit(text[pos - 1]) && afterCurrencyCode(text, pos, 'en');
  if (isDigit(c)) return true;
  if (c === '-' || c === '−') return isDigit(text[pos + 1]);
  return /[a-zA-Z]/.test(c);
}

function wordAt(text: string, pos: number): string | null {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  return m ? m[0] : null;
}

function isNumberWord(w: string): boolean {
  const lw = w.toLowerCase();
  // Asked of every word of an English text: most have no hyphen, and need no split.
  return lw.includes('-') ? lw.split('-').every((p) => NUMBER_WORDS.has(p)) : NUMBER_WORDS.has(lw);
}

/**
 * Value of a run of number words, by compromise; exact for integers. Remembered: the same few runs (`two`, `three
 * hundred`) recur on every English page, and a compromise parse costs far more than the rest of the reading.
 */
const wordValues = new Map<string, Dec | null>();
/** compromise, loaded on first use: it takes ~0.4 s to load, in every worker thread, and most pages never need it. */
let nlp: ((text: string) => { numbers(): { get(): unknown[] } }) | null = null;
function wordsValue(span: string): Dec | null {
  const key = span.toLowerCase().replace(/\s+/g, ' ');
  const known = wordValues.get(key);
  if (known !== undefined) return known;
  nlp ??= createRequire(import.meta.url)('compromise') as NonNullable<typeof nlp>;
  const got = nlp(span).numbers().get() as number[];
  let value: Dec | null = null;
  if (got.length === 1 && Number.isFinite(got[0])) {
    const v = got[0];
    value = Number.isInteger(v) ? Dec.int(BigInt(v)) : Dec.parse(String(v));
  }
  if (wordValues.size >= 10000) wordValues.clear();
  wordValues.set(ownCopy(key), value); // a copy: the key may be cut from the page's text
  return value;
}

/** The first two letters of every number word (lower case, as codes): most words are turned away by them. */
const FIRST_TWO = new Set([...NUMBER_WORDS].map((w) => w.charCodeAt(0) * 0x10000 + w.charCodeAt(1)));

function readWords(text: string, pos: number): NumberRead | null {
  // A number word has three letters at least, so its first two stand here. `| 0x20` lower-cases an ASCII capital and
  // maps no other character onto a lower-case ASCII letter.
  if (!FIRST_TWO.has((text.charCodeAt(pos) | 0x20) * 0x10000 + (text.charCodeAt(pos + 1) | 0x20))) return null;
  const first = wordAt(text, pos);
  if (!first || !isNumberWord(first) || CONTINUE_ONLY.has(first.toLowerCase())) return null;
  let end = pos + first.length;
  let words = 1;
  for (;;) {
    let j = end;
    while (text[j] === ' ') j++;
    if (j === end) break;
    const w = wordAt(text, j);
    if (!w) break;
    const lw = w.toLowerCase();
    if (lw === 'and') {
      let k = j + 3;
      while (text[k] === ' ') k++;
      const w2 = wordAt(text, k);
      if (!w2 || !isNumberWord(w2)) break;
      end = k + w2.length;
      words++;
      continue;
    }
    if (!isNumberWord(w)) break;
    end = j + w.length;
    words++;
  }
  // `one` alone is usually a pronoun or an article-like word; keep it only before a digit-free unit word.
  if (words === 1 && /^(one|zero)$/i.test(first)) return null;
  const value = wordsValue(text.slice(pos, end));
  if (!value) return null;
  return { start: pos, end, value, float: value.toNumber(), approx: false, tailPow: 0 };
}

export function readEnNumber(text: string, pos: number): NumberRead | null {
  const c = text[pos];
  let sign = false;
  let k = pos;
  if (c === '-' || c === '−') {
    sign = true;
    k++;
  }
  if (!isDigit(text[k])) return sign ? null : readWords(text, pos);
  if (isDigit(text[k - 1])) return null;
  const a = readArabic(text, k, ZH_EN_SEPARATORS)!;
  let value = Dec.parse(a.digits);
  let end = a.end;
  let tailPow = 0;
  let plain: string | undefined = a.plain ? a.digits : undefined;
  // `2.5 million`, `40k`, `1.2bn`, `3 thousand`.
  let j = end;
  if (text[j] === ' ') j++;
  const w = wordAt(text, j);
  if (w) {
    const lw = w.toLowerCase();
    const tight = lw === 'k' || lw === 'm' || lw === 'b' || lw === 'mn' || lw === 'bn';
    if (SCALE[lw] !== undefined && (!tight || j === end || lw.length === 2)) {
      value = value.shift(SCALE[lw]);
      tailPow = SCALE[lw];
      end = j + w.length;
      plain = undefined;
    }
  }
  const v = sign ? value.negate() : value;
  return { start: pos, end, value: v, float: v.toNumber(), approx: false, tailPow, plainDigits: sign ? undefined : plain };
}
