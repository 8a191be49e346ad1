/**
 * The place-value evaluator shared by Chinese numerals (`四千五百六十九万零一十五`, `3万2517`) and Vietnamese number
 * words (`một nghìn không trăm linh năm`): both languages write digits followed by small units (十百千 / mươi trăm)
 * inside sections closed by big units (万亿兆 / nghìn triệu tỷ). The readers turn text into these tokens; this file
 * only does the arithmetic, exactly, and says when a sequence is malformed (`十一十二`, `百十一`).
 */
import { Dec } from './decimal.js';

export type NumeralToken =
  /** A digit, or an Arabic literal (`2517`, `2.03`) when `literal` is set: literals are never abbreviations. */
  | { k: 'd'; v: Dec; literal: boolean }
  /** 零 / linh / lẻ / không-before-trăm: the next digit is not an abbreviation (`一百零五` is 105, not 150). */
  | { k: 'z' }
  /** A unit below the section size: 十 (1), 百 (2), 千 (3); mươi (1), trăm (2). */
  | { k: 'u'; p: number }
  /** A section-closing unit: 万 (4), 亿 (8), 兆 (12); nghìn (3), triệu (6), tỷ (9). */
  | { k: 'b'; p: number }
  /** 几 / 余 / 多 inside the numeral (`二十几万`, `三十万多亿`): an unknown digit, read as 0 with more_than. */
  | { k: 'approx' };

export interface NumeralValue {
  value: Dec;
  approx: boolean;
  /** Power of ten of the trailing big units (`5万` → 4, `4.78万亿` → 12): a bare `3` in `3至5万` borrows it. */
  tailPow: number;
}

const pow10 = (p: number) => new Dec(1n, p);

/** Evaluate a token sequence; null when the sequence is not one well-formed number. */
export function evaluateNumeral(tokens: NumeralToken[]): NumeralValue | null {
  if (tokens.length === 0) return null;
  // A bare leading 百/千 abbreviates only `百三`, `千三`, `百万`, `千余`, `百多万`: `百十一` is not a number.
  const first = tokens[0];
  if (first.k === 'u' && first.p >= 2 && tokens.length > 1) {
    const second = tokens[1];
    const approxThenBig = second.k === 'approx' && (tokens.length === 2 || tokens[2].k === 'b');
    // `百五万` is 150万: the lone digit counts in the unit below (see the section's end).
    const digitThenBig = second.k === 'd' && (tokens.length === 2 || tokens[2].k === 'b');
    if (!(digitThenBig || second.k === 'b' || approxThenBig)) return null;
  }
  let total = Dec.ZERO;
  let section = Dec.ZERO;
  let pend: Dec | null = null;
  let pendLiteral = false;
  let zero = false;
  let lastSmall = Infinity;
  let lastBig = 0;
  let lastUnit = 0;
  let prevBig = false;
  let approx = false;
  let fractionScaled = false;
  let any = false;
  let tailPow = 0;
  for (const t of tokens) {
    switch (t.k) {
      case 'd':
        if (pend !== null || fractionScaled) return null;
        pend = t.v;
        pendLiteral = t.literal;
        prevBig = false;
        any = true;
        tailPow = 0;
        break;
      case 'z':
        if (pend !== null || fractionScaled) return null;
        zero = true;
        prevBig = false;
        any = true;
        tailPow = 0;
        break;
      case 'approx':
        approx = true;
        if (pend === null && !prevBig) {
          pend = Dec.ZERO;
          pendLiteral = true;
        }
        break;
      case 'u': {
        if (t.p >= lastSmall || fractionScaled) return null;
        const d = pend ?? Dec.int(1);
        if (!d.isInteger()) fractionScaled = true;
        section = section.add(d.shift(t.p));
        lastSmall = t.p;
        lastUnit = t.p;
        pend = null;
        zero = false;
        prevBig = false;
        any = true;
        tailPow = 0;
        break;
      }
      case 'b': {
        if (pend !== null && !pend.isInteger()) fractionScaled = true;
        // `百五万`, `三百五万`, `两千五万`: a lone last digit of the section counts in the unit below the last one.
        if (pend !== null && !zero && !pendLiteral && lastSmall !== Infinity && lastSmall >= 2 && pend.isInteger()) pend = pend.shift(lastSmall - 1);
        const s = pend === null ? section : section.add(pend);
        const empty = pend === null && section.isZero();
        if (empty && prevBig) {
          total = total.shift(t.p);
          lastBig = Math.max(lastBig, t.p);
        } else if (empty && !any) {
          return null;
        } else if (lastBig && t.p > lastBig) {
          total = total.add(s).shift(t.p);
          lastBig = t.p;
        } else {
          if (lastBig && t.p === lastBig && !empty) return null;
          total = total.add(s.shift(t.p));
          lastBig = Math.max(lastBig, t.p);
        }
        tailPow = prevBig ? tailPow + t.p : t.p;
        section = Dec.ZERO;
        pend = null;
        lastSmall = Infinity;
        lastUnit = t.p;
        zero = false;
        prevBig = true;
        any = true;
        break;
      }
    }
  }
  if (!any) return null;
  if (pend !== null) {
    // `一万三` is 13000 and `两千四百五` 2450: a lone last digit counts in the unit below the last one.
    if (!zero && !pendLiteral && lastUnit >= 2 && pend.isInteger()) section = section.add(pend.shift(lastUnit - 1));
    else section = section.add(pend);
  }
  total = total.add(section);
  void pow10;
  return { value: total, approx, tailPow };
}
