/**
 * Reading one Vietnamese number: `1.500` (dot = thousands), `1,5` (comma = decimal), `01`, `250 triệu`, `1,5 tỷ`,
 * `1 tỷ 200 triệu`, `3 nghìn`/`3 ngàn`, and number words (`hai trăm năm mươi`, `mười`,
 * `một nghìn không trăm linh năm`). Word arithmetic is the place-value evaluator shared with Chinese.
 */
import { Dec } from './decimal.js';
import { evaluateNumeral, type NumeralToken } from './numeral.js';
import { readArabic, VI_SEPARATORS } from './arabic.js';
import { isDigit, type NumberRead } from './reading.js';
import { afterCurrencyCode, isLatinLetter, UNIT_TABLE } from './units.js';

/** Multipliers after Arabic digits or words. */
const BIG: Record<string, number> = { nghìn: 3, ngàn: 3, ngìn: 3, triệu: 6, tỷ: 9, tỉ: 9 };
const DIGIT: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9 };
/** Digit forms used only after mươi/mười: hai mươi mốt (21), ba mươi tư (34), mười lăm (15). */
const AFTER_TENS: Record<string, number> = { mốt: 1, tư: 4, lăm: 5, nhăm: 5 };
const NEXT_IS_NUMBER = new Set(['mươi', 'chục', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ', 'mười']);
/** `chục` is ten as a counted unit: `ba chục` (30), `5 chục triệu` (50 million), `hai chục nghìn` (20,000). */
const TENS_UNIT = 'chục';
const WORD = /[\p{L}]+/uy;

function wordAt(text: string, pos: number): string | null {
  WORD.lastIndex = pos;
  const m = WORD.exec(text);
  return m ? m[0] : null;
}

export function viCanStart(text: string, pos: number): boolean {
  const c = text[pos];
  if (c === ',') return isDigit(text[pos + 1]) && !isDigit(text[pos - 1]) && !isLatinLetter(text[pos - 1]);
  if (c === 'â' || c === 'Â') return text[pos + 1] === 'm' && text[pos + 2] === ' ' && isDigit(text[pos + 3]);
  if (isDigit(c)) return !isLatinLetter(text[pos - 1]) || /[\s]/.test(text[pos - 1]) || (!isDigit(text[pos - 1]) && afterCurrencyCode(text, pos, 'vi'));
  if (c === '-' || c === '−') return (isDigit(text[pos + 1]) || (text[pos + 1] === ' ' && isDigit(text[pos + 2]))) && !isLatinLetter(text[pos - 1]);
  if (isLatinLetter(text[pos - 1])) return false;
  return /[mhbnstcklvdMHBNSTCKLVD]/.test(c);
}

/** The words a number written in words may start with (a digit word, mười; `không`, `trăm`, `chục` alone). */
const WORD_STARTS = new Set([...Object.keys(DIGIT), 'mười', 'không', 'trăm', 'chục']);

/** Words that make the magnitude after them vague: `hàng nghìn` (thousands of), `vài trăm`, `mấy chục`, `dăm chục`. */
const VAGUE_WORDS = new Set(['hàng', 'vài', 'mấy', 'dăm']);
/** Magnitude words and their powers of ten. */
const MAGNITUDE: Record<string, number> = { chục: 1, trăm: 2, ...BIG };

/** `hàng nghìn`, `hàng chục tỷ`, `vài trăm`: at least the magnitude, below ten times it. */
function readVague(text: string, pos: number): NumberRead | null {
  const first = wordAt(text, pos);
  if (!first || !VAGUE_WORDS.has(first.toLowerCase())) return null;
  let end = pos + first.length;
  let pow = 0;
  let words = 0;
  for (let w = nextWord(text, end); w && MAGNITUDE[w.w] !== undefined && words < 3; w = nextWord(text, end)) {
    pow += MAGNITUDE[w.w];
    end = w.end;
    words++;
  }
  if (!words) return null;
  const low = new Dec(1n, pow);
  return { start: pos, end, value: low, float: low.toNumber(), approx: true, tailPow: pow, vague: [low, new Dec(1n, pow + 1)] };
}

/** Words after which `năm` is "year", never five: `trong năm`, `hàng năm`, `mỗi năm`, `cả năm`, `những năm`. */
const YEAR_BEFORE = new Set(['trong', 'hàng', 'mỗi', 'cả', 'cùng', 'nửa', 'cuối', 'đầu', 'giữa', 'những', 'các', 'từng', 'sang',
  'qua', 'nhiều', 'mấy', 'vài', 'hằng', 'quanh', 'suốt', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín', 'mười']);

/** The word right before pos (across spaces), lower-cased; '' when a mark or nothing stands there. */
function wordBefore(text: string, pos: number): string {
  let j = pos;
  while (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '\u00a0')) j--;
  let i = j;
  while (i > 0 && /[\p{L}\p{M}]/u.test(text[i - 1])) i--;
  return text.slice(i, j).toLowerCase();
}

/** After the number: spaces then the next word, lower-cased, and where it ends. */
function nextWord(text: string, pos: number): { w: string; start: number; end: number } | null {
  let j = pos;
  if (text[j] !== ' ' && text[j] !== '\u00a0') return null;
  while (text[j] === ' ' || text[j] === '\u00a0') j++;
  const w = wordAt(text, j);
  return w ? { w: w.toLowerCase(), start: j, end: j + w.length } : null;
}

/** `250 triệu`, `1 tỷ 200 triệu`, `3 nghìn`: an Arabic number and the multipliers after it. */
function readArabicVi(text: string, pos: number, sign: boolean, start: number): NumberRead | null {
  const a = readArabic(text, pos, VI_SEPARATORS);
  if (!a) return null;
  let value = Dec.parse(a.digits);
  let end = a.end;
  let tailPow = 0;
  let plain: string | undefined = a.plain ? a.digits : undefined;
  let w = nextWord(text, end);
  if (w && w.w === TENS_UNIT) {
    value = value.shift(1);
    tailPow = 1;
    end = w.end;
    plain = undefined;
    w = nextWord(text, end);
  }
  if (w && BIG[w.w] !== undefined) {
    value = value.shift(BIG[w.w]);
    tailPow += BIG[w.w];
    end = w.end;
    plain = undefined;
    // Stacked multipliers: `17,5 nghìn tỷ` is 17.5 × 10³ × 10⁹ (a trillion-scale budget figure).
    for (let w2 = nextWord(text, end); w2 && BIG[w2.w] !== undefined && BIG[w2.w] > BIG[w.w]; w2 = nextWord(text, end)) {
      value = value.shift(BIG[w2.w]);
      tailPow += BIG[w2.w];
      end = w2.end;
    }
    // `1 tỷ 200 triệu`, `2 triệu 500 nghìn`: a smaller group added.
    let lastPow = BIG[w.w];
    for (;;) {
      if (text[end] !== ' ' || !isDigit(text[end + 1])) break;
      const b = readArabic(text, end + 1, VI_SEPARATORS)!;
      const w2 = nextWord(text, b.end);
      if (!w2 || BIG[w2.w] === undefined || BIG[w2.w] >= lastPow) break;
      value = value.add(Dec.parse(b.digits).shift(BIG[w2.w]));
      lastPow = BIG[w2.w];
      end = w2.end;
    }
  }
  const v = sign ? value.negate() : value;
  return { start, end, value: v, float: v.toNumber(), approx: false, tailPow, plainDigits: sign ? undefined : plain };
}

/** `hai trăm năm mươi`, `một nghìn không trăm linh năm`, `mười`, `ba mươi lăm`. */
function readWords(text: string, pos: number): NumberRead | null {
  const tokens: NumeralToken[] = [];
  let j = pos;
  let end = pos;
  let prev = '';
  let count = 0;
  let lastPow = 0;
  for (;;) {
    const raw = wordAt(text, j);
    if (!raw) break;
    const w = raw.toLowerCase();
    const after = nextWord(text, j + raw.length);
    const following = after?.w ?? '';
    let tok: NumeralToken[] | null = null;
    if (w === 'mười') tok = [{ k: 'd', v: Dec.int(1), literal: false }, { k: 'u', p: 1 }];
    else if ((w === 'mươi' || w === TENS_UNIT) && count) tok = [{ k: 'u', p: 1 }];
    else if (w === 'trăm' && count) tok = [{ k: 'u', p: 2 }];
    else if (BIG[w] !== undefined && count) tok = [{ k: 'b', p: BIG[w] }];
    else if ((w === 'linh' || w === 'lẻ') && count && (DIGIT[following] !== undefined)) tok = [{ k: 'z' }];
    else if (w === 'không' && count && following === 'trăm') tok = [{ k: 'd', v: Dec.ZERO, literal: true }];
    else if (AFTER_TENS[w] !== undefined && (prev === 'mươi' || prev === 'mười')) tok = [{ k: 'd', v: Dec.int(AFTER_TENS[w]), literal: false }];
    else if (w === 'rưỡi' && count && lastPow >= 2) tok = [{ k: 'd', v: Dec.int(5), literal: false }];
    else if (DIGIT[w] !== undefined) {
      // năm is also "year": after mươi it is always "years" (25 is hai mươi lăm); elsewhere a digit only when a
      // number word, linh/lẻ or a counter makes it one.
      if (w === 'năm' && prev !== 'linh' && prev !== 'lẻ') {
        if (prev === 'mươi' || prev === 'mười') break;
        // `trong năm Công ty …`, `hàng năm người lao động …`: after these words năm is "year", whatever follows.
        if (count === 0 && YEAR_BEFORE.has(wordBefore(text, pos))) break;
        if (!NEXT_IS_NUMBER.has(following) && !(count === 0 && UNIT_TABLE.matchAt(text, after?.start ?? -1, 'vi'))) break;
      }
      if (prev === 'trăm' || BIG[prev] !== undefined) {
        // `hai trăm năm` is 200 years; `hai trăm năm mươi` 250; `một nghìn hai` 1200.
        if (w === 'năm' && !NEXT_IS_NUMBER.has(following)) break;
      }
      tok = [{ k: 'd', v: Dec.int(DIGIT[w]), literal: false }];
    }
    if (!tok) break;
    tokens.push(...tok);
    for (const t of tok) if (t.k === 'u' || t.k === 'b') lastPow = t.p;
    count++;
    prev = w;
    end = j + raw.length;
    if (!after) break;
    j = after.start;
  }
  if (count === 0) return null;
  // A lone number word is a number only before a unit or counter (`mười người`, `hai hộ`): `một số` is "some".
  if (count === 1) {
    const u = nextWord(text, end);
    if (!u || !UNIT_TABLE.matchAt(text, u.start, 'vi')) return null;
  }
  const ev = evaluateNumeral(tokens);
  if (!ev) return null;
  return { start: pos, end, value: ev.value, float: ev.value.toNumber(), approx: false, tailPow: ev.tailPow };
}

/** Tight suffixes of informal writing: `50k` (nghìn), `5tr` and `2,5M` (triệu), `1,2 tỏi` is left alone. */
const TIGHT_SUFFIX: Record<string, number> = { k: 3, K: 3, tr: 6, M: 6 };

function readTightSuffix(text: string, r: NumberRead): NumberRead {
  if (r.tailPow || !r.value) return r;
  for (const [s, pow] of Object.entries(TIGHT_SUFFIX)) {
    if (text.startsWith(s, r.end) && !isLatinLetter(text[r.end + s.length])) {
      const v = r.value.shift(pow);
      return { ...r, end: r.end + s.length, value: v, float: v.toNumber(), tailPow: pow, plainDigits: undefined };
    }
  }
  return r;
}

/** A number word standing alone between marks (`một`, `không`, `trăm` as a whole cell or answer), not inside a sentence. */
function aloneWord(text: string, pos: number): NumberRead | null {
  const raw = wordAt(text, pos);
  if (!raw) return null;
  const w = raw.toLowerCase();
  const v = w === 'không' ? 0 : w === 'trăm' ? 100 : w === 'mười' ? 10 : w === 'chục' ? 10 : DIGIT[w];
  if (v === undefined) return null;
  let b = pos;
  while (b > 0 && /\s/.test(text[b - 1])) b--;
  let a = pos + raw.length;
  while (a < text.length && /\s/.test(text[a])) a++;
  if ((b > 0 && /[\p{L}\p{N}]/u.test(text[b - 1])) || (a < text.length && /[\p{L}\p{N}]/u.test(text[a]))) return null;
  return { start: pos, end: pos + raw.length, value: Dec.int(v), float: v, approx: false, tailPow: 0 };
}

export function readViNumber(text: string, pos: number): NumberRead | null {
  const c = text[pos];
  // `,45`: a decimal comma with no leading digit.
  if (c === ',' && isDigit(text[pos + 1]) && !isDigit(text[pos - 1]) && !isLatinLetter(text[pos - 1])) {
    const a = readArabic(text, pos + 1, { thousands: [], decimal: [] })!;
    const v = Dec.parse(`0.${a.digits}`);
    return { start: pos, end: a.end, value: v, float: v.toNumber(), approx: false, tailPow: 0 };
  }
  // `âm 2.500.000`: minus in words; `: - 2.500.000` after a label.
  if ((c === 'â' || c === 'Â') && /^âm $/i.test(text.slice(pos, pos + 3)) && isDigit(text[pos + 3])) {
    const r = readArabicVi(text, pos + 3, true, pos);
    return r && readTightSuffix(text, r);
  }
  if ((c === '-' || c === '−') && text[pos + 1] === ' ' && isDigit(text[pos + 2]) && /[:=(]\s*$/.test(text.slice(Math.max(0, pos - 3), pos))) {
    const r = readArabicVi(text, pos + 2, true, pos);
    return r && readTightSuffix(text, r);
  }
  if (c === '-' || c === '−') {
    const r = readArabicVi(text, pos + 1, true, pos);
    return r && readTightSuffix(text, r);
  }
  if (isDigit(c)) {
    if (isDigit(text[pos - 1])) return null;
    const r = readArabicVi(text, pos, false, pos);
    return r && readTightSuffix(text, r);
  }
  const raw = wordAt(text, pos);
  if (!raw) return null;
  const w = raw.toLowerCase();
  if (VAGUE_WORDS.has(w)) return readVague(text, pos);
  if (!WORD_STARTS.has(w)) return null;
  return readWords(text, pos) ?? aloneWord(text, pos);
}
