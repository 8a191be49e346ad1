/** What a language's number reader returns for one number at a position; the figure layer builds quantities from it. */
import type { Dec } from './decimal.js';

export interface NumberRead {
  start: number;
  end: number;
  /** Exact value; null when only a float is known (fractions such as 三分之一, powers such as 2^-1). */
  value: Dec | null;
  float: number;
  /** 余/多/几 written inside the figure (`2.03万余`, `二十几万`). */
  approx: boolean;
  /** Power of ten of trailing multipliers (`5万` → 4, `250 triệu` → 6), lent to a bare lower bound of a range. */
  tailPow: number;
  /** Power of a trailing 十/百/千 (`四千` → 3, `5百` → 2), lent to a lone digit before a range word (`三到四千`). */
  tailUnit?: number;
  /** The digits exactly as written when the number is a plain run of digits (`2017`, `003`, `0573`). */
  plainDigits?: string;
  /** A span written as neighbouring digits (`三四十`, `五六百`): its lower bound; `value` is the upper. */
  rangeLow?: Dec;
  /** Set when the reader itself consumed a percent form (`百分之二十`, `三成`, `九折`). */
  percent?: boolean;
  /** The number without a percent frame (`百分之五十五` → the span of `五十五`). */
  numStart?: number;
  numEnd?: number;
  /** The run looked like a number but is not one well-formed number: skip all of it, read nothing. */
  malformed?: boolean;
  /**
   * A vague magnitude (`数十亿`, `上千`, `几百`, `hàng nghìn`, `vài trăm`): the span its words allow. `value` is the
   * lower bound and `approx` is set.
   */
  vague?: [Dec, Dec];
  /** A numeral inside a word or name (`一致`, `万一`, `千家万户`): `start`–`end` is the word; never a quantity. */
  nameWord?: boolean;
}

export type NumberReader = (text: string, pos: number) => NumberRead | null;

/** Half-width value of an ASCII or full-width digit, or -1. */
export function digitValue(c: string | undefined): number {
  if (c === undefined) return -1;
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

export function isDigit(c: string | undefined): boolean {
  return digitValue(c) >= 0;
}

/** Half-width form of the ASCII/full-width digits in s (other characters unchanged). */
export function halfWidthDigits(s: string): string {
  let out = '';
  for (const c of s) {
    const d = digitValue(c);
    out += d >= 0 ? String(d) : c === '．' ? '.' : c === '，' ? ',' : c;
  }
  return out;
}
