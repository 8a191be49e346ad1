/**
 * Reading one Chinese number at a position, simplified or traditional script, ASCII or full-width digits:
 * `一千二百`, `两万`, `壹佰贰拾元`, `廿二`, `6千`, `2.03万`, `3万2517`, `200亿零四千230`, `二〇〇二`, `十几万`,
 * `百分之二十`, `三分之一`, `三成`, `九折`, `2e5`, `40k`. The arithmetic lives in numeral.ts.
 */
import { Dec } from './decimal.js';
import { evaluateNumeral, type NumeralToken } from './numeral.js';
import { readArabic, ZH_EN_SEPARATORS } from './arabic.js';
import { digitValue, isDigit, type NumberRead } from './reading.js';
import { UNIT_TABLE } from './units.js';

const DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 两: 2, 兩: 2, 倆: 2, 俩: 2, 幺: 1,
  壹: 1, 贰: 2, 貳: 2, 弍: 2, 叁: 3, 參: 3, 叄: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9,
};
const SMALL: Record<string, number> = { 十: 1, 拾: 1, 百: 2, 佰: 2, 千: 3, 仟: 3 };
const BIG: Record<string, number> = { 万: 4, 萬: 4, 亿: 8, 億: 8, 兆: 12 };
/** 廿 is 二十, 卅 三十. */
const TENS: Record<string, number> = { 廿: 2, 卅: 3 };
const TWO = new Set(['两', '兩', '倆', '俩']);
const ZERO = new Set(['零', '〇']);
const POINT = new Set(['点', '點']);
/** A full stop between Chinese digits is a decimal point typed in Latin (`三.〇八亿`, full-width `三．〇八億`). */
const LATIN_POINT = new Set(['.', '．']);
/** U+25CB WHITE CIRCLE, typed for 〇 inside numerals (`二○○二年`, `三．○八億元`); alone it is a mark or a blank (`王○○`). */
const CIRCLE_ZERO = '○';
const APPROX_DIGIT = new Set(['几', '幾']);
const APPROX_AFTER = new Set(['余', '餘', '多']);
/** Financial capitals are also ordinary characters (队伍, 收拾, 大陆): alone, they need a numeric neighbour. */
const CAPITALS = new Set('壹贰貳叁參叄肆伍陆陸柒捌玖拾佰仟');
const SPACES = new Set([' ', '\u3000', '\u00a0', '\t']);
const NEG = new Set(['负', '負']);
/**
 * Characters that make 负 the end of a word, not a minus sign (`为纳税人减负180亿元` lightens a burden by 180亿元;
 * 胜负, 抱负, 辜负, 肩负, 担负, 欺负, 重负, 不负; `正负5%` is plus or minus, no negative): the number starts after it.
 */
const NEG_WORD_BEFORE = new Set('减減胜勝抱自辜肩背担擔身欺重不正');
const MINUS = new Set(['-', '－', '−']);

/**
 * Words in which a numeral character is not a number. Each entry: the word and the index of the numeral in it.
 * Kept short on purpose: figures that matter come with units, and extractors ignore bare numbers.
 */
const NOT_NUMBER_WORDS = [
  '一切', '一看', '一些', '一起', '一直', '一定', '一样', '一樣', '一般', '一致', '一旦', '统一', '統一', '唯一', '万一', '萬一',
  '四川', '十分', '十足', '千万别', '千萬別', '千万不', '千萬不', '大陆', '大陸', '陆地', '陸地', '登陆', '登陸', '着陆', '著陸', '海陆', '海陸',
  '陆续', '陸續', '队伍', '隊伍', '入伍', '退伍', '伍仁', '收拾', '拾取', '拾起', '拾到', '夕拾', '放肆', '肆意', '肆无', '肆無',
  '两岸', '兩岸', '两两', '兩兩', '一律', '一同', '一边', '一邊', '一度', '一方面', '万众', '萬眾', '千方百计', '百姓', '三农', '三農',
  '一带一路', '五角大楼', '标准普尔', '一家人', '百分百', '一下', '万分', '萬分', '一体', '一體', '一流', '一线', '一線', '一带', '一帶',
  '百货', '百貨', '千克', '万象', '萬象', '十字', '一再', '一向', '一手', '一身', '一番', '一路', '一时', '一時',
  // Idioms whose numerals are figures of speech (`走进千家万户` is "every home", not 1000 firms and 10000 households).
  '千家万户', '千家萬戶', '万家灯火', '萬家燈火', '百家争鸣', '百家爭鳴', '百家号', '百家號', '千人一面', '万人空巷', '萬人空巷',
  '千军万马', '千軍萬馬', '千千万万', '千千萬萬', '千辛万苦', '千辛萬苦', '万无一失', '萬無一失', '千变万化', '千變萬化',
];
const NOT_NUMBER_AT = new Map<string, { word: string; at: number }[]>();
for (const word of NOT_NUMBER_WORDS) {
  for (let at = 0; at < word.length; at++) {
    const c = word[at];
    if (DIGITS[c] === undefined && SMALL[c] === undefined && BIG[c] === undefined) continue;
    const list = NOT_NUMBER_AT.get(c) ?? [];
    list.push({ word, at });
    NOT_NUMBER_AT.set(c, list);
  }
}

/** The word of NOT_NUMBER_WORDS that the numeral at pos belongs to, as a span, or null. */
function nonNumberWordAt(text: string, pos: number): { start: number; end: number } | null {
  const list = NOT_NUMBER_AT.get(text[pos]);
  if (!list) return null;
  const hit = list.find(({ word, at }) => text.startsWith(word, pos - at));
  return hit ? { start: pos - hit.at, end: pos - hit.at + hit.word.length } : null;
}

function inNonNumberAt(text: string, pos: number): boolean {
  return nonNumberWordAt(text, pos) !== null;
}

/** After 半, what makes it the start of another word (`一半数`, `2半价`, `一半年`). */
const HALF_NOT_BEFORE = /[数數价價年月天个個小日]/;

/** The value a lone numeral character names (`一` 1, `万` 10000): what `numbers` shows for a name word. */
function charValue(c: string): Dec {
  if (DIGITS[c] !== undefined) return Dec.int(DIGITS[c]);
  if (TENS[c] !== undefined) return Dec.int(TENS[c] * 10);
  return new Dec(1n, SMALL[c] ?? BIG[c] ?? 0);
}

const NUMERAL_CHARS = new Set([...Object.keys(DIGITS), ...Object.keys(SMALL), ...Object.keys(BIG), ...Object.keys(TENS)]);

export function isZhNumeralChar(c: string | undefined): boolean {
  return c !== undefined && NUMERAL_CHARS.has(c);
}

/**
 * Words that make the magnitude after them vague (`数十亿`, `几百`, `上千`, `成千`, `好几万`): "several tens of …",
 * "upwards of a thousand". The amount is at least the magnitude and below ten times it.
 */
const VAGUE_PREFIXES = ['好几', '好幾', '数', '數', '几', '幾', '上', '成'];
const VAGUE_START = new Set(VAGUE_PREFIXES.map((w) => w[0]));
/** Every character but the digits a number may start with: numerals, signs, 半, `.5`, 对折, 个半, vague words. */
const START_CHARS = new Set([...NUMERAL_CHARS, ...NEG, ...MINUS, '半', '.', '对', '對', '个', '個', ...VAGUE_START]);
/** Magnitude characters a vague word may govern; 上 and 成 never take 十 (`上十` is not said). */
const MAGNITUDE: Record<string, number> = { 十: 1, 百: 2, 千: 3, 万: 4, 萬: 4, 亿: 8, 億: 8 };

/** START_CHARS and the ASCII and full-width digits by UTF-16 code (every start character is one code unit). */
const START_CODES = new Uint8Array(0x10000);
for (const c of START_CHARS) START_CODES[c.charCodeAt(0)] = 1;
for (let d = 0; d <= 9; d++) START_CODES[48 + d] = START_CODES[0xff10 + d] = 1;

/**
 * Could a number start at pos? A cheap test the scanner runs on every character: by code, so that no one-character
 * string is made (past the end, charCodeAt gives NaN, which reads as no).
 */
export function zhCanStartAt(text: string, pos: number): boolean {
  return START_CODES[text.charCodeAt(pos)] === 1;
}

/** `数十亿`, `几百`, `上千万`, `成千上万`, `成百上千` at pos: the magnitudes read as a vague amount, or null. */
function readVague(text: string, pos: number): NumberRead | null {
  const prefix = VAGUE_PREFIXES.find((w) => text.startsWith(w, pos));
  if (!prefix) return null;
  // `几个亿`: a classifier may stand before the magnitude.
  const k = pos + prefix.length + ((text[pos + prefix.length] === '个' || text[pos + prefix.length] === '個') && BIG[text[pos + prefix.length + 1]] !== undefined ? 1 : 0);
  const first = text[k];
  if (MAGNITUDE[first] === undefined || ((prefix === '上' || prefix === '成') && first === '十')) return null;
  // `马上千万别`: the numeral belongs to a word.
  if (nonNumberWordAt(text, k)) return null;
  let pow = 0;
  let j = k;
  while (MAGNITUDE[text[j]] !== undefined && j - k < 3) pow += MAGNITUDE[text[j++]];
  let high = pow + 1;
  // 成千上万, 成百上千: the upper magnitude closes the span.
  if (prefix === '成' && text[j] === '上' && MAGNITUDE[text[j + 1]] !== undefined) {
    let p2 = 0;
    let e = j + 1;
    while (MAGNITUDE[text[e]] !== undefined && e - j < 3) p2 += MAGNITUDE[text[e++]];
    if (p2 <= pow) return null;
    high = p2 + 1;
    j = e;
  }
  // A digit right after (`上千5百`) makes it something else.
  if (isDigit(text[j]) || DIGITS[text[j]] !== undefined) return null;
  const low = new Dec(1n, pow);
  return { start: pos, end: j, value: low, float: dn(low), approx: true, tailPow: pow, vague: [low, new Dec(1n, high)] };
}

function skipSpaces(text: string, j: number): number {
  while (SPACES.has(text[j])) j++;
  return j;
}

/** `百分之`, `百 分 之`, `千分之`, `万分之` at pos: the power of the denominator, and where the numerator starts. */
function percentFrame(text: string, pos: number): { pow: number; end: number } | null {
  const c = text[pos];
  let pow = 0;
  let j = pos + 1;
  if (c === '百' || c === '佰') pow = 2;
  else if (c === '千' || c === '仟') pow = 3;
  else if (c === '万' || c === '萬') pow = 4;
  else return null;
  // 百万分之 / 千万分之 / 万万分之
  for (let k = skipSpaces(text, j); BIG[text[k]] !== undefined && text[k] !== '兆'; k = skipSpaces(text, j)) {
    pow += BIG[text[k]];
    j = k + 1;
  }
  j = skipSpaces(text, j);
  if (text[j] !== '分') return null;
  j = skipSpaces(text, j + 1);
  if (text[j] !== '之') return null;
  return { pow, end: j + 1 };
}

interface Core {
  end: number;
  value: Dec;
  /** `三四十`, `五六百`, `十五六`: two neighbouring digits give a range; this is its lower bound (value the upper). */
  rangeLow?: Dec;
  approx: boolean;
  tailPow: number;
  plainDigits?: string;
  arabicOnly: boolean;
  malformed?: boolean;
  /** The number proper ends here when a qualifier character closes the numeral (`四百多`). */
  numEnd?: number;
  /** Power of a trailing 十/百/千 (`四千` → 3). */
  tailUnit?: number;
}

/** The numeral proper: digits, units, a decimal part, 余/多/几. No sign, no fraction, no percent. */
function readCore(text: string, pos: number): Core | null {
  const tokens: NumeralToken[] = [];
  let j = pos;
  let direct = '';
  let directOnly = true;
  let arabicOnly = true;
  let plainDigits: string | undefined;
  let sawTwo = false;
  let lastZh = false;
  let approx = false;
  let frac: string | null = null;
  let afterPointPow = 0;
  let fracDirect = '';
  const zhDigitAt = new Set<number>();
  /** Where a 余/多 closing the numeral stands (`四百多`): the number proper ends before it, the qualifier is the word. */
  let trailingApprox: number | undefined;
  while (j < text.length) {
    const c = text[j];
    if (isDigit(c)) {
      if (tokens.length && tokens[tokens.length - 1].k === 'd') break;
      const a = readArabic(text, j, ZH_EN_SEPARATORS)!;
      // `1, 234`: a comma then a space ends the number. A space typed after the point of a figure scaled by 万/亿
      // (`791. 62萬人次`) still leaves one decimal number.
      // A list number (`1. 62万元用于…`, at a line's start or of one digit) is not such a figure.
      const listNumber = a.end - j < 2 || j === 0 || text[j - 1] === '\n';
      const spaced = !listNumber && !a.hasDecimal && text[a.end] === '.' && text[a.end + 1] === ' ' ? /^\d+(?=[万萬亿億])/.exec(text.slice(a.end + 2, a.end + 12)) : null;
      if (spaced) {
        a.digits += `.${spaced[0]}`;
        a.hasDecimal = true;
        a.plain = false;
        a.end += 2 + spaced[0].length;
      }
      const v = Dec.parse(a.digits);
      tokens.push({ k: 'd', v, literal: a.end - j > 1 || a.hasDecimal || !lastZhUnit(tokens) });
      if (tokens.length === 1 && a.plain) plainDigits = a.digits;
      directOnly = false;
      lastZh = false;
      j = a.end;
      continue;
    }
    if (DIGITS[c] !== undefined || (c === CIRCLE_ZERO && lastZh)) {
      if (ZERO.has(c) || c === CIRCLE_ZERO) tokens.push({ k: 'z' });
      else {
        zhDigitAt.add(tokens.length);
        tokens.push({ k: 'd', v: Dec.int(DIGITS[c]), literal: false });
      }
      if (TWO.has(c)) sawTwo = true;
      direct += String(DIGITS[c] ?? 0);
      arabicOnly = false;
      lastZh = true;
      j++;
      continue;
    }
    // `三个亿`, `两个亿`: a classifier between the digits and 亿/万 is spoken filler.
    if ((c === '个' || c === '個') && tokens.length && BIG[text[j + 1]] !== undefined && tokens[tokens.length - 1].k !== 'b') {
      j++;
      continue;
    }
    if (SMALL[c] !== undefined) {
      // `七十百分位`, `二十百分点`: a 百分 that cannot continue the numeral (a unit after a unit) starts a new word.
      if (text[skipSpaces(text, j + 1)] === '分' && lastZhUnit(tokens)) break;
      // `三十万千瓦`: 千 before a unit of measure after a big unit is the prefix kilo- of that unit.
      if (KILO.has(c) && KILO_UNITS.has(text[j + 1]) && tokens.length && tokens[tokens.length - 1].k === 'b') break;
      // `百分之` after a digit is a fraction (`一百分之二`) handled by the caller.
      tokens.push({ k: 'u', p: SMALL[c] });
      directOnly = false;
      arabicOnly = false;
      lastZh = true;
      j++;
      continue;
    }
    if (BIG[c] !== undefined) {
      if (tokens.length === 0) {
        // `万人`, `逾万元`, `近亿元`: a bare 万/亿 before a counter or currency is one 万/亿; `萬三` is 13000.
        if (!bareBigUnit(text, j) && !elidedOne(text, j)) return null;
        tokens.push({ k: 'd', v: Dec.int(1), literal: false });
      }
      tokens.push({ k: 'b', p: BIG[c] });
      directOnly = false;
      arabicOnly = false;
      lastZh = true;
      j++;
      continue;
    }
    if (TENS[c] !== undefined) {
      tokens.push({ k: 'd', v: Dec.int(TENS[c]), literal: false }, { k: 'u', p: 1 });
      directOnly = false;
      arabicOnly = false;
      lastZh = true;
      j++;
      continue;
    }
    if (APPROX_DIGIT.has(c) && tokens.length) {
      tokens.push({ k: 'approx' });
      approx = true;
      directOnly = false;
      j++;
      continue;
    }
    if (APPROX_AFTER.has(c) && tokens.length && tokens[tokens.length - 1].k !== 'approx') {
      const next = text[j + 1];
      if (next === '额' || next === '額' || next === '数' || next === '數' || next === '种' || next === '種' || next === '样' || next === '樣' || next === '次') break;
      tokens.push({ k: 'approx' });
      approx = true;
      directOnly = false;
      j++;
      // Only a big unit may follow 余/多 inside the numeral (`十余万`, `一千多万`).
      const k = skipSpaces(text, j);
      if (BIG[text[k]] !== undefined) j = k;
      else {
        trailingApprox = j - 1;
        break;
      }
      continue;
    }
    if (SPACES.has(c) && tokens.length) {
      const k = skipSpaces(text, j);
      const n = text[k];
      const ok =
        SMALL[n] !== undefined ||
        BIG[n] !== undefined ||
        (lastZh && (DIGITS[n] !== undefined || APPROX_DIGIT.has(n))) ||
        (APPROX_AFTER.has(n) && BIG[text[skipSpaces(text, k + 1)]] !== undefined) ||
        (POINT.has(n) && lastZh) ||
        (isDigit(n) && lastZhUnit(tokens) && (SMALL[text[k + 1]] !== undefined || BIG[text[k + 1]] !== undefined));
      if (!ok) break;
      j = k;
      continue;
    }
    const latinPoint = LATIN_POINT.has(c) && lastZh && ((DIGITS[text[j + 1]] !== undefined && !TWO.has(text[j + 1])) || text[j + 1] === CIRCLE_ZERO);
    if ((POINT.has(c) || latinPoint) && tokens.length) {
      let k = latinPoint ? j + 1 : skipSpaces(text, j + 1);
      let f = '';
      while (k < text.length) {
        const d = text[k];
        if (isDigit(d) && !latinPoint) f += String(digitValue(d));
        else if (d === CIRCLE_ZERO) f += '0';
        else if (DIGITS[d] !== undefined && !TWO.has(d) && d !== '幺') f += String(DIGITS[d]);
        else if (SPACES.has(d) && f && (DIGITS[text[k + 1]] !== undefined && !TWO.has(text[k + 1]))) {
          /* spaced digits */
        } else break;
        k++;
      }
      if (!f) break;
      frac = f;
      fracDirect = f;
      j = k;
      // Only big units may follow the decimal part (`一点五万`).
      while (BIG[text[j]] !== undefined) {
        afterPointPow += BIG[text[j]];
        j++;
      }
      break;
    }
    break;
  }
  if (tokens.length === 0) return null;
  // `零点` alone is midnight, not 0.
  const end = j;
  let value: Dec;
  let tailPow = 0;
  const allDigits = directOnly && tokens.every((t) => t.k === 'z' || (t.k === 'd' && !t.literal));
  const pair = frac ? -1 : neighbourPair(tokens, zhDigitAt);
  if (pair >= 0 && (tokens.length > 2 || countedAfter(text, end))) {
    const low = evaluateNumeral(tokens.filter((_, i) => i !== pair + 1));
    const high = evaluateNumeral(tokens.filter((_, i) => i !== pair));
    if (low && high && low.value.cmp(high.value) < 0) {
      let lo = low.value;
      let hi = high.value;
      if (afterPointPow) {
        lo = lo.shift(afterPointPow);
        hi = hi.shift(afterPointPow);
      }
      return { end, value: hi, rangeLow: lo, approx: false, tailPow: afterPointPow || high.tailPow, arabicOnly };
    }
  }
  if (allDigits && tokens.length >= 2) {
    // `二〇〇二`, `一二三`, `幺八九`: digits read one by one. `两两` is not a number; `三四` means "three or four".
    if (sawTwo) return { end, value: Dec.ZERO, approx, tailPow, arabicOnly, malformed: true };
    if (tokens.length === 2 && direct[0] !== '0' && Number(direct[1]) === Number(direct[0]) + 1 && !frac) return { end, value: Dec.ZERO, approx, tailPow, arabicOnly, malformed: true };
    value = Dec.parse(frac ? `${direct}.${fracDirect}` : direct);
    // As written, trailing zeros included (`一二点三零` → `12.30`).
    plainDigits = frac ? `${direct}.${fracDirect}` : direct;
  } else if (digitsThenBig(tokens) && direct[0] !== '0' && !frac) {
    // `一二○億`, `三五○億元` (Taiwan news): digits read one by one, then 億/萬: 120億, 350億.
    const pow = tokens.reduce((p, t) => (t.k === 'b' ? p + t.p : p), 0);
    value = Dec.parse(direct).shift(pow);
    tailPow = pow;
  } else {
    let ev = evaluateNumeral(tokens);
    // `三十万千瓦`, `五十千`: a last 十/百/千 that cannot continue the numeral starts the next word (千瓦, 千克, 百分).
    if (!ev && tokens[tokens.length - 1].k === 'u' && SMALL[text[end - 1]] !== undefined && !frac) {
      ev = evaluateNumeral(tokens.slice(0, -1));
      if (ev) return { end: end - 1, value: ev.value, approx: approx || ev.approx, tailPow: ev.tailPow, arabicOnly };
    }
    if (!ev) return { end, value: Dec.ZERO, approx, tailPow, arabicOnly, malformed: true };
    value = ev.value;
    tailPow = ev.tailPow;
    approx = approx || ev.approx;
    if (frac) value = value.add(Dec.parse(`0.${frac}`));
  }
  if (afterPointPow) {
    value = value.shift(afterPointPow);
    tailPow = afterPointPow;
  }
  if (tokens.length > 1 || frac) plainDigits = allDigits ? plainDigits : undefined;
  const lastTok = tokens[tokens.length - 1];
  const tailUnit = lastTok.k === 'u' && !frac ? lastTok.p : undefined;
  return { end, value, approx, tailPow, plainDigits, arabicOnly, numEnd: trailingApprox, tailUnit };
}

/** Three or more Chinese digits with no place units, then only big units: `一二○億`. */
function digitsThenBig(tokens: NumeralToken[]): boolean {
  let i = 0;
  while (i < tokens.length && ((tokens[i].k === 'd' && !(tokens[i] as { literal: boolean }).literal) || tokens[i].k === 'z')) i++;
  if (i < 3 || i === tokens.length) return false;
  for (let j = i; j < tokens.length; j++) if (tokens[j].k !== 'b') return false;
  return true;
}

/**
 * Two neighbouring Chinese digits that name a span, `三四十` (30–40), `五六百`, `十五六`, `一两个`, `两三万`, `三五个`:
 * the index of the first, or -1. A third digit next to them makes a digit-by-digit reading (`一二三`, `二〇〇二`).
 */
function neighbourPair(tokens: NumeralToken[], zhDigitAt: Set<number>): number {
  const isDigitTok = (i: number) => tokens[i] !== undefined && (tokens[i].k === 'd' || tokens[i].k === 'z');
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!zhDigitAt.has(i) || !zhDigitAt.has(i + 1) || isDigitTok(i - 1) || isDigitTok(i + 2)) continue;
    const a = (tokens[i] as { v: Dec }).v.toNumber();
    const b = (tokens[i + 1] as { v: Dec }).v.toNumber();
    if (b === a + 1 || (a === 3 && b === 5)) return i;
  }
  return -1;
}

/** A counter or currency right after a numeral (`一两个`, `三五人`): what makes two bare digits a span. */
function countedAfter(text: string, pos: number): boolean {
  const e = UNIT_TABLE.matchAt(text, pos, 'zh');
  return !!e && (e.kind === 'count' || e.kind === 'money');
}

/** Characters before a bare 万/亿 that make it part of another expression (`上万`, `数万`, `成千上万`, `亿万`). */
const NOT_BEFORE_BARE_BIG = new Set([...'上数數几幾成千百十万萬亿億兆每']);

/** Characters before `萬三` that leave it a number: a qualifier or a verb of amount, or no Chinese word at all. */
const BEFORE_ELIDED_ONE = new Set([...'约約近逾超达達为為是有共计計薪资資']);

/**
 * `萬三` (13000), `万五`: 一 left out before a bare 万 followed by one digit, which counts in thousands. Only where no
 * word runs into it (`沈万三` is a name).
 */
function elidedOne(text: string, pos: number): boolean {
  const prev = text[pos - 1];
  const d = text[pos + 1];
  if (BIG[text[pos]] !== 4 || DIGITS[d] === undefined || ZERO.has(d)) return false;
  if (prev !== undefined && HAN.test(prev) && !BEFORE_ELIDED_ONE.has(prev)) return false;
  const after = text[pos + 2];
  return after === undefined || !(isZhNumeralChar(after) || isDigit(after));
}

/** `万人`, `万余人`, `亿元`: a bare 万/亿 counts one only before a counter or a currency. */
function bareBigUnit(text: string, pos: number): boolean {
  const prev = text[pos - 1];
  if (prev !== undefined && (NOT_BEFORE_BARE_BIG.has(prev) || isDigit(prev) || DIGITS[prev] !== undefined)) return false;
  let k = pos + 1;
  if (APPROX_AFTER.has(text[k])) k++;
  return countedAfter(text, k);
}

function lastZhUnit(tokens: NumeralToken[]): boolean {
  const t = tokens[tokens.length - 1];
  return t !== undefined && (t.k === 'u' || t.k === 'b');
}

const dn = (v: Dec) => v.toNumber();

function result(start: number, core: Core, sign: boolean, extra: Partial<NumberRead> = {}): NumberRead {
  const value = sign ? core.value.negate() : core.value;
  return {
    start,
    end: core.end,
    value,
    float: dn(value),
    approx: core.approx,
    tailPow: core.tailPow,
    plainDigits: core.plainDigits,
    ...(core.tailUnit ? { tailUnit: core.tailUnit } : {}),
    ...(core.rangeLow ? { rangeLow: sign ? core.rangeLow.negate() : core.rangeLow } : {}),
    ...(core.numEnd !== undefined && core.numEnd < core.end ? { numStart: start, numEnd: core.numEnd } : {}),
    ...extra,
  };
}

/** Read a number whose first character is at pos, or null. */
export function readZhNumber(text: string, pos: number): NumberRead | null {
  const c = text[pos];
  if (VAGUE_START.has(c)) return readVague(text, pos);
  // `个半月`: one and a half, 一 left out; not `这个半年` (this half-year).
  if (c === '个' || c === '個') {
    if (text[pos + 1] !== '半' || /[这這那哪每各某整上下本一两兩]/.test(text[pos - 1] ?? '') || isZhNumeralChar(text[pos - 1]) || isDigit(text[pos - 1])) return null;
    if (!UNIT_TABLE.matchAt(text, pos + 2, 'zh')) return null;
    return { start: pos, end: pos + 2, value: Dec.parse('1.5'), float: 1.5, approx: false, tailPow: 0 };
  }
  // Bare percent frames: 百分之二十, 千分之二点四, 百 分 之 2.
  const frame = percentFrame(text, pos);
  if (frame && !(isDigit(text[pos - 1]) || DIGITS[text[pos - 1]] !== undefined)) {
    let k = skipSpaces(text, frame.end);
    let neg = false;
    if (NEG.has(text[k])) {
      neg = true;
      k++;
    }
    const core = readCore(text, k);
    if (!core || core.malformed) return core ? { start: pos, end: core.end, value: null, float: NaN, approx: false, tailPow: 0, malformed: true } : null;
    const kEnd = readMultiplierSuffix(text, core);
    let value = core.value.shift(2 - frame.pow);
    if (neg) value = value.negate();
    const low = core.rangeLow?.shift(2 - frame.pow);
    return {
      start: pos, end: kEnd, value, float: dn(value), approx: core.approx, tailPow: 0, percent: true, numStart: k, numEnd: kEnd,
      ...(low ? { rangeLow: neg ? low.negate() : low } : {}),
    };
  }
  // 对折 / 對折: half price.
  if ((c === '对' || c === '對') && text[pos + 1] === '折' && pos > 0) {
    return { start: pos, end: pos + 2, value: Dec.int(50), float: 50, approx: false, tailPow: 0, percent: true };
  }
  // 半百 (50), 半成 (5%), 半折 (50%); 半 before a measure word is one half (`半斤`, `半个月`, `半年`).
  if (c === '半') {
    const n = text[pos + 1];
    if (n === '百') return { start: pos, end: pos + 2, value: Dec.int(50), float: 50, approx: false, tailPow: 0 };
    if (n === '成') return { start: pos, end: pos + 2, value: Dec.int(5), float: 5, approx: false, tailPow: 0, percent: true };
    if (n === '折') return { start: pos, end: pos + 2, value: Dec.int(50), float: 50, approx: false, tailPow: 0, percent: true };
    // Not after a word that makes 半 part of another (`一半`, `大半`, `过半`, `多半`, `一年半`).
    const prev = text[pos - 1] ?? '';
    if (UNIT_TABLE.matchAt(text, pos + 1, 'zh') && !/[一大过過多少]/.test(prev)) {
      return { start: pos, end: pos + 1, value: Dec.parse('0.5'), float: 0.5, approx: false, tailPow: 0 };
    }
    return null;
  }
  // 零下 (below zero) before a temperature: `零下四摄氏度` is -4 °C.
  if (ZERO.has(c) && text[pos + 1] === '下') {
    const core = readCore(text, pos + 2);
    if (core && !core.malformed && TEMPERATURE_AFTER.test(text.slice(core.end, core.end + 3))) {
      const v = core.value.negate();
      return { start: pos, end: core.end, value: v, float: dn(v), approx: false, tailPow: 0 };
    }
  }
  let start = pos;
  let k = pos;
  let sign = false;
  if (NEG.has(c) || MINUS.has(c)) {
    if (NEG.has(c) && NEG_WORD_BEFORE.has(text[pos - 1] ?? '')) return null;
    if (MINUS.has(c)) {
      // A hyphen after a number or a word is a range or a compound, not a sign.
      const prev = text[pos - 1];
      if (prev !== undefined && (isDigit(prev) || isZhNumeralChar(prev) || /[A-Za-z)）\]]/.test(prev) || MINUS.has(prev))) return null;
      if (MINUS.has(text[pos + 1])) return null;
    }
    sign = true;
    k = pos + 1;
    // `负 560000`: the word 负 may stand apart from its number.
    if (NEG.has(c) && text[k] === ' ' && isDigit(text[k + 1])) k++;
    if (MINUS.has(c) && text[k] === '.' && isDigit(text[k + 1])) {
      /* -.5 */
    } else if (!(isDigit(text[k]) || isZhNumeralChar(text[k]))) return null;
  }
  if (text[k] === '.' && isDigit(text[k + 1])) {
    // `.5`, `.23456000`
    if (isDigit(text[k - 1]) || text[k - 1] === '.') return null;
    const a = readArabic(text, k + 1, ZH_EN_SEPARATORS)!;
    const frac: Core = { end: a.end, value: Dec.parse(`0.${a.digits.replace('.', '')}`), approx: false, tailPow: 0, arabicOnly: true };
    readMultiplierSuffix(text, frac);
    const v = sign ? frac.value.negate() : frac.value;
    return { start, end: frac.end, value: v, float: dn(v), approx: false, tailPow: frac.tailPow };
  }
  const first = text[k];
  if (!isDigit(first)) {
    if (!isZhNumeralChar(first)) return null;
    // A 十/百/千 right after a numeral it could not continue (`五十千`) is not a number of its own.
    if (SMALL[first] !== undefined && !sign && (isZhNumeralChar(text[k - 1]) || isDigit(text[k - 1]))) return null;
    const word = nonNumberWordAt(text, k);
    if (word) {
      const v = charValue(first);
      return { start: word.start, end: word.end, value: v, float: dn(v), approx: false, tailPow: 0, nameWord: true };
    }
    // A digit right after a dangling 点 (`点零`) belongs to a malformed decimal; 两 never does (`两百点两`).
    if (POINT.has(text[k - 1]) && !TWO.has(first)) {
      const core = readCore(text, k);
      return core ? { start: k, end: core.end, value: null, float: NaN, approx: false, tailPow: 0, malformed: true } : null;
    }
  }
  const core = readCore(text, k);
  if (!core) return null;
  if (core.malformed) return { start, end: core.end, value: null, float: NaN, approx: false, tailPow: 0, malformed: true };
  // A zero in Chinese characters before a word (`零容忍`, `零增长`, `零点零大`) forms the word: not a figure.
  if (!core.arabicOnly && !sign && core.value.cmp(Dec.ZERO) === 0 && HAN.test(text[core.end] ?? '') && !UNIT_TABLE.matchAt(text, core.end, 'zh')) {
    return { start, end: core.end, value: null, float: NaN, approx: false, tailPow: 0, malformed: true };
  }
  // Digits read one by one between two words (`陽光九九是`, `三一重工`) are a name; a figure stands apart from words
  // (`电话零零三，`) or carries a unit (`二〇〇二年`).
  if (
    !core.arabicOnly && core.plainDigits !== undefined && core.plainDigits.length >= 2 && !core.plainDigits.includes('.') &&
    HAN.test(text[start - 1] ?? '') && HAN.test(text[core.end] ?? '') && !UNIT_TABLE.matchAt(text, core.end, 'zh')
  ) {
    return { start, end: core.end, value: null, float: NaN, approx: false, tailPow: 0, malformed: true };
  }
  // A lone financial capital (`伍`, `陆`) is a name or a word unless something numeric follows.
  if (core.end - k === 1 && CAPITALS.has(first) && /[\p{Script=Han}]/u.test(text[k + 1] ?? '') && !isUnitLike(text[k + 1])) return null;
  // `零点` alone is midnight.
  if (core.end - k === 1 && ZERO.has(first) && POINT.has(text[core.end])) return null;
  // `10..1万`: a number glued to a stray point is malformed.
  if ((text[core.end] === '.' && text[core.end + 1] === '.' ) || (text[core.end] === '.' && !isDigit(text[core.end + 1]) && isDigit(text[core.end - 1]) && text[core.end + 1] !== undefined && /[.\d万亿]/.test(text[core.end + 1]))) {
    let e = core.end;
    while (e < text.length && (text[e] === '.' || isDigit(text[e]) || isZhNumeralChar(text[e]))) e++;
    return { start, end: e, value: null, float: NaN, approx: false, tailPow: 0, malformed: true };
  }
  // 10.1万零100: more numerals after a scaled decimal.
  if (core.arabicOnly === false && ZERO.has(text[core.end]) && isDigit(text[core.end + 1])) {
    return { start, end: core.end + 1, value: null, float: NaN, approx: false, tailPow: 0, malformed: true };
  }
  let end = readMultiplierSuffix(text, core);
  core.end = end;

  // Exponents and powers on Arabic numbers: 2e5, 2.7890e-1, 2^5, 1.1^+23.
  if (core.arabicOnly) {
    const m = /^[eE]([+\-－]?)(\d+)/.exec(text.slice(end, end + 8).replace(/[０-９]/g, (d) => String(digitValue(d))));
    if (m && !/[a-zA-Z]/.test(text[end + m[0].length] ?? '')) {
      const e = Number(m[2]) * (m[1] === '-' || m[1] === '－' ? -1 : 1);
      core.value = core.value.shift(e);
      core.end = end + m[0].length;
      core.plainDigits = undefined;
      return result(start, core, sign);
    }
    const p = /^\^([+\-]*)(\d+(?:\.\d+)?)/.exec(text.slice(end, end + 12));
    if (p) {
      const minus = (p[1].match(/-/g) ?? []).length % 2 === 1;
      const base = core.value.toNumber();
      const f = Math.pow(base, (minus ? -1 : 1) * Number(p[2]));
      const v = sign ? -f : f;
      return { start, end: end + p[0].length, value: Number.isInteger(v) && Math.abs(v) < 2 ** 53 ? Dec.int(v) : null, float: v, approx: false, tailPow: 0 };
    }
  }

  // 一半 is one half; `2半` (Cantonese) two and a half.
  if (text[end] === '半' && !sign && core.value.isInteger() && !HALF_NOT_BEFORE.test(text[end + 1] ?? '')) {
    const one = core.end - k === 1 && DIGITS[first] === 1;
    if (one || (core.arabicOnly && core.plainDigits !== undefined && !HAN.test(text[end + 1] ?? ''))) {
      const v = one ? Dec.parse('0.5') : core.value.add(Dec.parse('0.5'));
      return { start, end: end + 1, value: v, float: dn(v), approx: false, tailPow: 0 };
    }
  }
  // Fractions: 五分之一, 三 分之 一, 16分之5, 3/5, 1 3/5, 三百五又三分之一; Cantonese 三份一 (1/3), 四份三 (3/4).
  const frac = readFraction(text, end) ?? readFraction(text, end, true);
  if (frac) {
    const v = frac.num / core.value.toNumber();
    const f = sign ? -v : v;
    return { start, end: frac.end, value: exactOrNull(f), float: f, approx: false, tailPow: 0 };
  }
  if (core.arabicOnly) {
    const slash = readSlashFraction(text, end, core.value.toNumber());
    if (slash) {
      const f = sign ? -slash.value : slash.value;
      return { start, end: slash.end, value: exactOrNull(f), float: f, approx: false, tailPow: 0 };
    }
  }
  const mixed = readMixed(text, end);
  if (mixed) {
    const v = core.value.toNumber() + mixed.value;
    const f = sign ? -v : v;
    return { start, end: mixed.end, value: exactOrNull(f), float: f, approx: false, tailPow: 0 };
  }

  // 成 and 折: tenths (三成 = 30%, 九折 = 90%, 75折 = 75%, 三八折 = 38%).
  const tenth = readTenths(text, k, core);
  if (tenth) {
    const v = sign ? tenth.value.negate() : tenth.value;
    return { start, end: tenth.end, value: v, float: dn(v), approx: false, tailPow: 0, percent: true, numStart: start, numEnd: core.end };
  }
  // 一打 = 12.
  if (text[end] === '打' && !/[工击擊造开開破通算响響印车車折架球卡电電扫掃动動伤傷死出进進入听聽]/.test(text[end + 1] ?? '')) {
    core.value = core.value.mul(Dec.int(12));
    core.end = end + 1;
    core.plainDigits = undefined;
  }
  return result(start, core, sign);
}

/** `40k`, `15K`, `-2.5 M` after Arabic numbers. */
function readMultiplierSuffix(text: string, core: Core): number {
  let end = core.end;
  if (!core.arabicOnly) return end;
  const c = text[end];
  const afterSpace = text[end] === ' ' ? text[end + 1] : undefined;
  const letterAfter = (i: number) => /[a-zA-Z]/.test(text[i] ?? '');
  const kk = c === ' ' ? afterSpace : c;
  if ((kk === 'k' || kk === 'K' || kk === 'Ｋ' || kk === 'ｋ') && !letterAfter(end + (c === ' ' ? 2 : 1))) {
    core.value = core.value.shift(3);
    core.tailPow = 3;
    core.plainDigits = undefined;
    return (core.end = end + (c === ' ' ? 2 : 1));
  }
  if ((c === 'M' || afterSpace === 'M') && !letterAfter(c === 'M' ? end + 1 : end + 2)) {
    core.value = core.value.shift(6);
    core.tailPow = 6;
    core.plainDigits = undefined;
    return (core.end = end + (c === 'M' ? 1 : 2));
  }
  // `.0035G` (giga), and the web's `50w` for 万 (a capital W is watts unless money or a counter follows: `3W元`).
  const pow = c === 'G' ? 9 : c === 'w' || (c === 'W' && UNIT_TABLE.matchAt(text, end + 1, 'zh')) ? 4 : 0;
  if (pow && !letterAfter(end + 1)) {
    core.value = core.value.shift(pow);
    core.tailPow = pow;
    core.plainDigits = undefined;
    return (core.end = end + 1);
  }
  return end;
}

function exactOrNull(f: number): Dec | null {
  if (!Number.isFinite(f)) return null;
  const s = String(f);
  // Terminating fractions (0.2, 1.5) are exact; repeating ones are not.
  return s.length <= 17 && !/e/.test(s) && !/(\d)\1{8,}/.test(s.replace('.', '')) ? Dec.parse(s) : null;
}

/** `分之Y` (spaces allowed) after a denominator: the numerator. */
function readFraction(text: string, pos: number, cantonese = false): { num: number; end: number } | null {
  let j = skipSpaces(text, pos);
  if (cantonese) {
    // `三份一`, `五分一` (after 又): no 之, and a one-character numerator that ends the phrase or its noun.
    if (text[j] !== '份' && text[j] !== '分') return null;
    const d = DIGITS[text[j + 1]];
    if (d === undefined || d === 0 || TWO.has(text[j + 1]) || isZhNumeralChar(text[j + 2]) || isDigit(text[j + 2]) || UNIT_TABLE.matchAt(text, j + 2, 'zh')) return null;
    if (inNonNumberAt(text, j + 1)) return null;
    return { num: d, end: j + 2 };
  }
  if (text[j] !== '分') return null;
  j = skipSpaces(text, j + 1);
  if (text[j] !== '之') return null;
  j = skipSpaces(text, j + 1);
  let neg = false;
  if (NEG.has(text[j])) {
    neg = true;
    j++;
  }
  const core = readCore(text, j);
  if (!core || core.malformed) return null;
  const v = core.value.toNumber();
  return { num: neg ? -v : v, end: core.end };
}

/** `3/5`, `16/5`, `1 3/5` (the leading integer given). Dates like 10/2005 are caught earlier as dates. */
function readSlashFraction(text: string, pos: number, whole: number): { value: number; end: number } | null {
  if (text[pos] === '/' || text[pos] === '／') {
    if (!isDigit(text[pos + 1])) return null;
    const b = readArabic(text, pos + 1, ZH_EN_SEPARATORS)!;
    if (text[b.end] === '/' || text[b.end] === '／' || /[A-Za-z]/.test(text[b.end] ?? '')) return null;
    return { value: whole / Number(b.digits), end: b.end };
  }
  if (text[pos] === ' ' && isDigit(text[pos + 1])) {
    const a = readArabic(text, pos + 1, ZH_EN_SEPARATORS)!;
    if ((text[a.end] === '/' || text[a.end] === '／') && isDigit(text[a.end + 1])) {
      const b = readArabic(text, a.end + 1, ZH_EN_SEPARATORS)!;
      if (text[b.end] === '/' || text[b.end] === '／') return null;
      return { value: whole + Number(a.digits) / Number(b.digits), end: b.end };
    }
  }
  return null;
}

/** `又三分之一` after a whole number. */
function readMixed(text: string, pos: number): { value: number; end: number } | null {
  const j = skipSpaces(text, pos);
  if (text[j] !== '又') return null;
  const k = skipSpaces(text, j + 1);
  const den = readCore(text, k);
  if (!den || den.malformed) return null;
  const f = readFraction(text, den.end) ?? readFraction(text, den.end, true);
  if (!f) return null;
  return { value: f.num / den.value.toNumber(), end: f.end };
}

/** `三成`, `七成 六`, `三成半`, `9.5成`, `九折`, `75折`, `三八折`, `三点一折`. */
function readTenths(text: string, numStart: number, core: Core): { value: Dec; end: number } | null {
  // `7 2 折`: two single digits spaced out, as `九 九 折` is, make one two-digit discount.
  if (core.arabicOnly && core.plainDigits?.length === 1) {
    const m = /^[ \u3000]([0-9０-９])[ \u3000]*折/.exec(text.slice(core.end, core.end + 5));
    if (m) return { value: Dec.int(Number(core.plainDigits) * 10 + digitValue(m[1])), end: core.end + m[0].length };
  }
  const j = skipSpaces(text, core.end);
  const c = text[j];
  if (c !== '成' && c !== '折') return null;
  const next = text[j + 1] ?? '';
  if (c === '成' && /[为為立功员員本果效交绩績都熟长長型品就年人分]/.test(next)) return null;
  if (c === '折' && /[合算旧舊叠疊腾騰扣服射线線]/.test(next)) return null;
  const v = core.value;
  const written = text.slice(numStart, core.end).replace(/\s+/g, '');
  // Two digits written side by side (`75折`, `三八折`, `九九折`) are a percentage as such.
  const twoDigits = /^[0-9０-９]{2}$/.test(written) || (core.plainDigits !== undefined && core.plainDigits.length === 2 && /^[^十拾]+$/.test(written));
  if (c === '折') {
    if (twoDigits) return { value: v, end: j + 1 };
    if (v.cmp(Dec.int(10)) >= 0) return null;
    return { value: v.shift(1), end: j + 1 };
  }
  if (v.cmp(Dec.int(10)) > 0) return null;
  let value = v.shift(1);
  let end = j + 1;
  if (text[end] === '半') {
    value = value.add(Dec.int(5));
    end++;
  } else {
    const k = skipSpaces(text, end);
    const d = DIGITS[text[k]] ?? digitValue(text[k]);
    if (d !== undefined && d >= 0 && k > end - 0 && !isDigit(text[k + 1]) && DIGITS[text[k + 1]] === undefined && !TWO.has(text[k]) && k !== end) {
      value = value.add(Dec.int(d));
      end = k + 1;
    }
  }
  return { value, end };
}

const HAN = /\p{Script=Han}/u;
const KILO = new Set(['千', '仟']);
/** Units of measure that take 千 as the prefix kilo- (千瓦 kW, 千克 kg, 千米 km, 千伏, 千帕, 千焦, 千卡). */
const KILO_UNITS = new Set([...'瓦克米伏帕焦卡']);
/** Temperature units that make 零下 a minus sign. */
const TEMPERATURE_AFTER = /^(?:摄氏度|攝氏度|度|℃|°C)/;

/** Characters that make a lone capital numeric (`叁元`, `伍个`). */
function isUnitLike(c: string | undefined): boolean {
  return c !== undefined && /[元圆块个個人名位户戶家万萬亿億千仟百佰十拾角分又年月日打]/.test(c);
}
