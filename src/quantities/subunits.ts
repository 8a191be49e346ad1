/**
 * Money below the main unit, in Chinese: 角/毛 (tenths) and 分 (hundredths) after 元 (`六十四万零一百四十三元一角七分`,
 * `五元三毛`), the spoken forms that leave the subunit word out (`两块三` 2.3, `四块零六` 4.06, `三毛五` 0.35, Cantonese
 * `五蚊二` 5.2, `三毫` 0.3), and the hundredths of other currencies (`两美元又三美分`, `10日元5日本銭`).
 */
import { Dec } from './decimal.js';
import type { LanguageReader } from './figure.js';
import { CURRENCY_SUBUNITS, UNIT_TABLE } from './units.js';

/** Tenths and hundredths of a yuan or a Hong Kong dollar (毫 is Cantonese for 角). */
export const SUBUNIT_POW: Record<string, number> = { 角: -1, 毛: -1, 毫: -1, 分: -2 };

/** Chinese digits that may stand alone for the next subunit down (`两块三`, `三毛五`); never 零 alone or 两 (`两块两`?). */
const SPOKEN_DIGIT = new Set([...'一二三四五六七八九两兩']);
/** What may follow a spoken subunit digit: the end of the phrase, a range word, 钱 (`两块三毛钱`), or a non-Chinese mark. */
const AFTER_SPOKEN = /^(?:$|[^\p{Script=Han}]|[到至钱錢左上多的])/u;

/** A lone digit after 元/块/毛 that names the next subunit down, with what follows it checked. */
function spokenDigit(text: string, j: number, limit: number): number | null {
  if (j >= limit || !SPOKEN_DIGIT.has(text[j])) return null;
  const next = text.slice(j + 1, j + 2);
  if (!AFTER_SPOKEN.test(next) || UNIT_TABLE.matchAt(text, j + 1, 'zh')) return null;
  return '一二三四五六七八九'.indexOf(text[j]) + 1 || 2;
}

/**
 * `一角七分`, `零壹分`, `三毛` after 元 (lastPow 0), or after a leading `壹角` (lastPow -1); with `spoken`, also the
 * digit with no subunit word (`两块三`, `四块零六`, `三毛五`).
 */
export function readSubunits(text: string, pos: number, reader: LanguageReader, limit: number, lastPow: number, spoken = false): { value: Dec; end: number } | null {
  let j = pos;
  let total = Dec.ZERO;
  let found = false;
  for (;;) {
    let zero = false;
    if (text[j] === '零') {
      j++;
      zero = true;
    }
    if (j >= limit || !reader.canStart(text, j)) break;
    const r = reader.read(text, j);
    if (!r || r.malformed || r.nameWord || !r.value || r.end > limit) break;
    const p = SUBUNIT_POW[text[r.end]];
    if (p === undefined || p >= lastPow) {
      // `两块三`: the digit counts in the next subunit down; after 零 (`四块零六`) in the one below that.
      const d = spoken && lastPow > -2 ? spokenDigit(text, j, limit) : null;
      const pow = lastPow - (zero ? 2 : 1);
      if (d !== null && r.end === j + 1 && pow >= -2) {
        total = total.add(Dec.int(d).shift(pow));
        j++;
        found = true;
      }
      break;
    }
    total = total.add(r.value.shift(p));
    lastPow = p;
    j = r.end + 1;
    found = true;
  }
  return found ? { value: total, end: j } : null;
}

/** Words after which 毛/角 is not money (`五角星`, `三角形`, `八角楼`). */
const NOT_MONEY_AFTER_SUBUNIT = /^[星形楼樓亭尖钱錢]/;

/**
 * `三毛五`, `5角`, `三毫` with no 元 before: tenths of a yuan (of a Hong Kong dollar for 毫), when the subunit word
 * ends the phrase or a spoken digit follows. `三毛的书` (a name) and `五角星` are not money.
 */
export function readLoneSubunit(text: string, end: number, value: Dec, reader: LanguageReader, limit: number): { value: Dec; end: number; code: string } | null {
  const c = text[end];
  const p = SUBUNIT_POW[c];
  if (p !== -1 || value.cmp(Dec.int(100)) >= 0 || !value.isInteger()) return null;
  const after = text.slice(end + 1, end + 2);
  if (NOT_MONEY_AFTER_SUBUNIT.test(after) && !/^[钱錢]/.test(after)) return null;
  const more = readSubunits(text, end + 1, reader, limit, -1, true);
  if (!more && !(after === '' || /^[钱錢]/.test(after) || !/\p{Script=Han}/u.test(after))) return null;
  const money = value.shift(-1).add(more?.value ?? Dec.ZERO);
  let e = more?.end ?? end + 1;
  if (text[e] === '钱' || text[e] === '錢') e++;
  return { value: money, end: e, code: c === '毫' ? 'HKD' : 'CNY' };
}

/** `又三美分`, `5日本銭` right after a currency: the amount in the main unit. */
export function readCurrencySubunit(text: string, pos: number, reader: LanguageReader, limit: number, code: string | null): { value: Dec; end: number } | null {
  let j = pos;
  if (text[j] === '又' || text[j] === '零') j++;
  if (j >= limit || !reader.canStart(text, j)) return null;
  const r = reader.read(text, j);
  if (!r || r.malformed || r.nameWord || !r.value || r.end >= limit) return null;
  const sub = CURRENCY_SUBUNITS.find((s) => s.unit === code && text.startsWith(s.text, r.end));
  if (!sub || r.end + sub.text.length > limit) return null;
  return { value: r.value.shift(sub.pow), end: r.end + sub.text.length };
}

/** Hundredths of a currency named in Vietnamese or English words: `xu`, `xen` (cent), `cents`, `pence`, `paise`. */
const LATIN_SUBUNIT = /^(?:xu|xen|cents?|pence|penny|paise)(?![\p{L}])/iu;

/**
 * `3 đô 45`, `35 Rupees 10`, `5 đô la và 10 xen`, `2 dollars and 5 cents` after a money unit in Vietnamese or English:
 * the hundredths. With no subunit word, only two digits that end the phrase count (`3 đô 45.`).
 */
export function readLatinSubunit(text: string, pos: number): { value: Dec; end: number } | null {
  const m = /^ +(?:(?:và|and) +)?(\d{1,2})(?![\d.,])/iu.exec(text.slice(pos, pos + 12));
  if (!m) return null;
  const joined = /^ +(?:và|and) /iu.test(m[0]);
  let end = pos + m[0].length;
  const word = /^ +/.exec(text.slice(end, end + 2));
  const sub = LATIN_SUBUNIT.exec(text.slice(end + (word ? word[0].length : 0), end + 12));
  if (sub) end += (word ? word[0].length : 0) + sub[0].length;
  else if (joined || m[1].length !== 2 || /^ *[\p{L}\d]/u.test(text.slice(end, end + 3))) return null;
  return { value: Dec.int(Number(m[1])).shift(-2), end };
}
