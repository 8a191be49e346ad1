/**
 * Arabic numerals with the separators of each language: `1,713.5` (zh, en), `1.713,5` (vi), `1 713` (all), ASCII
 * or full-width digits. Returns the normalized decimal string; the caller scales it.
 */
import { digitValue, isDigit } from './reading.js';

export interface ArabicRead {
  end: number;
  /** `1713.5`, `-` never included. */
  digits: string;
  /** True for a bare run of digits with no separator (`2017`, `0573`). */
  plain: boolean;
  hasDecimal: boolean;
}

export interface Separators {
  thousands: string[];
  decimal: string[];
  /** vi: a `.` not followed by exactly three digits is a decimal point after all (`3.14`). */
  decimalFallback?: string[];
}

export const ZH_EN_SEPARATORS: Separators = { thousands: [',', '，'], decimal: ['.', '．'] };
export const VI_SEPARATORS: Separators = { thousands: ['.'], decimal: [','], decimalFallback: ['.'] };

const SPACE_GROUP = new Set([' ', '\u00a0', '\u202f', '\u2009']);

function runOfDigits(text: string, pos: number): number {
  let j = pos;
  while (isDigit(text[j])) j++;
  return j;
}

function digitsOf(text: string, from: number, to: number): string {
  let s = '';
  for (let k = from; k < to; k++) s += String(digitValue(text[k]));
  return s;
}

/** Exactly three digits at pos, not followed by a fourth. */
function threeDigits(text: string, pos: number): boolean {
  return isDigit(text[pos]) && isDigit(text[pos + 1]) && isDigit(text[pos + 2]) && !isDigit(text[pos + 3]);
}

export function readArabic(text: string, pos: number, sep: Separators): ArabicRead | null {
  if (!isDigit(text[pos])) return null;
  let j = runOfDigits(text, pos);
  let digits = digitsOf(text, pos, j);
  let plain = true;
  let hasDecimal = false;
  const firstLen = j - pos;
  // Thousands groups: a separator then exactly three digits, repeatedly.
  if (firstLen <= 3) {
    // A full-width comma is Chinese punctuation (`5，780` may be two numbers) unless the digits themselves are
    // full-width (`４，５６５`) or the figure shows it is one number: it has another group (`12,345，678`,
    // `1，234，567`) or cents (`56，780.00`).
    let groups = 0;
    let lastSure = j;
    let lastSureDigits = digits;
    while (sep.thousands.includes(text[j]) && threeDigits(text, j + 1)) {
      const sure = text[j] !== '，' || text.charCodeAt(j - 1) > 0xff00;
      digits += digitsOf(text, j + 1, j + 4);
      j += 4;
      groups++;
      if (sure) {
        lastSure = j;
        lastSureDigits = digits;
      }
    }
    if (j !== lastSure && groups < 2 && !(sep.decimal.includes(text[j]) && isDigit(text[j + 1]))) {
      j = lastSure;
      digits = lastSureDigits;
    }
    if (j > pos + firstLen) plain = false;
    // `1 713`: one space group, only when the number is otherwise ungrouped and what follows is not a fraction.
    if (plain && SPACE_GROUP.has(text[j]) && threeDigits(text, j + 1) && text[j + 4] !== '/' && text[j + 4] !== '／') {
      const after = text[j + 4];
      if (!(after && /[.,]/.test(after) && isDigit(text[j + 5]))) {
        digits += digitsOf(text, j + 1, j + 4);
        j += 4;
        plain = false;
      }
    }
  }
  const decimalMarks = sep.decimalFallback && plain ? [...sep.decimal, ...sep.decimalFallback] : sep.decimal;
  if (decimalMarks.includes(text[j]) && isDigit(text[j + 1])) {
    const k = runOfDigits(text, j + 1);
    digits += '.' + digitsOf(text, j + 1, k);
    j = k;
    plain = false;
    hasDecimal = true;
  }
  return { end: j, digits, plain, hasDecimal };
}
