/**
 * From numbers to quantities, the same for every language: scan the text once, let the language's reader read each
 * number, then attach what stands around it — a range's second bound, a unit or currency, qualifier words before and
 * after — and decide the kind (money, count, percent, year, date, ordinal, identifier, plain).
 */
import type { Qualifier, RuleLang } from '../types.js';
import { Dec } from './decimal.js';
import type { NumberRead, NumberReader } from './reading.js';
import { findSpecials } from './specials.js';
import { wordUseKind } from './articles.js';
import { isZhNumeralChar as isZhNumeral } from './zh.js';
import { readCurrencySubunit, readLatinSubunit, readLoneSubunit, readSubunits, SUBUNIT_POW } from './subunits.js';
import type { Quantity, QuantityKind } from './types.js';
import {
  CURRENCY_SUBUNITS,
  PREFIX_CURRENCIES,
  PREFIX_CURRENCY_TABLE,
  PREFIX_QUALIFIER_TABLE,
  RANGE_SEPARATOR_TABLE,
  SUFFIX_QUALIFIER_TABLE,
  UNIT_TABLE,
  type UnitEntry,
} from './units.js';

export interface LanguageReader {
  lang: RuleLang;
  read: NumberReader;
  /** Cheap test run on every character before calling `read`. */
  canStart: (text: string, pos: number) => boolean;
}

const HSPACE = /[ \t\u00a0\u3000\u202f]/;

function skipSpaces(text: string, j: number): number {
  while (j < text.length && HSPACE.test(text[j])) j++;
  return j;
}

function skipSpacesBack(text: string, j: number): number {
  while (j > 0 && HSPACE.test(text[j - 1])) j--;
  return j;
}

/** Single-character Chinese qualifiers that are also the end of ordinary words (最近, 经过, 签约, 同比). */
const ZH_QUALIFIER_STOP_BEFORE: Record<string, string> = {
  近: '最附临臨靠亲親远遠就接将將',
  过: '经經通度不超越路跨闯闖错錯穿走',
  過: '经經通度不超越路跨闯闖错錯穿走',
  超: '高',
  约: '签簽制节節公条條预預违違践踐契合',
  約: '签簽制节節公条條预預违違践踐契合',
};
/** Words a Chinese qualifier may be separated from the number by (`超过了80`, `至少有10`, `最多为5`). */
const ZH_FILLERS = '了有是为為达達在占佔';

function yearLike(r: NumberRead): boolean {
  return r.plainDigits !== undefined && r.plainDigits.length === 4 && /^(1[5-9]|20)\d\d$/.test(r.plainDigits);
}

export function parseWith(text: string, reader: LanguageReader): Quantity[] {
  const { lang } = reader;
  const out: Quantity[] = [];
  const specials = findSpecials(text);
  let si = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (si < specials.length && specials[si].end <= i) si++;
    const sp = specials[si];
    if (sp && sp.start <= i) {
      if (sp.start === i) out.push(specialQuantity(text, sp.start, sp.end, sp.kind));
      i = sp.end;
      si++;
      continue;
    }
    if (!reader.canStart(text, i)) {
      i++;
      continue;
    }
    // A dash right after a figure joins it to the next one (`三元二角-三元四毛五分`, `2019年-2020年`): never a sign.
    const last = out[out.length - 1];
    if (DASHES.has(text[i]) && last && skipSpaces(text, last.end) === i) {
      i++;
      continue;
    }
    const r = reader.read(text, i);
    if (!r) {
      i++;
      continue;
    }
    if (r.malformed) {
      i = Math.max(r.end, i + 1);
      continue;
    }
    const limit = sp ? sp.start : n;
    if (r.nameWord) {
      if (r.end <= limit && (!out.length || out[out.length - 1].end <= r.start)) out.push(nameWordQuantity(text, r));
      i = Math.max(r.end, i + 1);
      continue;
    }
    if (r.end > limit) {
      i = limit;
      continue;
    }
    const q = buildQuantity(text, r, reader, limit, out[out.length - 1]);
    const merged = out.length ? mergeBounds(text, out[out.length - 1], q) ?? mergeRange(text, out[out.length - 1], q, lang) : null;
    if (merged) out[out.length - 1] = merged;
    else out.push(q);
    i = Math.max(q.end, i + 1);
  }
  return out;
}

/** Currency codes and signs written before a number, longest first (`US$` before `$`). */
const LATIN_PREFIX_CURRENCIES = PREFIX_CURRENCIES.map((c) => c.text).filter((t) => !/\p{Script=Han}/u.test(t)).sort((a, b) => b.length - a.length);

/** Counters and measures a 半 may follow (`两个半`, `一年半`, `三公斤半`), and what after 半 makes it another word. */
const HALF_AFTER_UNIT = /^(?:[个個年天岁歲斤吨噸亩畝米倍]|小时|小時|公斤|公里|千克)$/;
const HALF_NOT_BEFORE = /[数數价價年月天个個小日]/;
const PAIR = new Set(['对', '對', '双', '雙']);
/** Currencies with no hundredths in use: a number after them is something else. */
const NO_CENTS = new Set(['VND', 'JPY', 'KRW']);

/** `(含)`, `（含）`, `(不含)` after a bound. */
const INCLUSION_NOTE = /^[(（](?:含|不含)[)）]/;

const DASHES = new Set(['-', '－', '−', '—', '–']);

/**
 * Two whole figures with the same unit joined by a range word, each read with its subunits (`三块二到三块五毛六`,
 * `三元二角-三元四毛五分`, `2万元--8万元`): one range. The figure reader joins simpler ranges itself (`3至5万元`).
 */
function mergeRange(text: string, a: Quantity, b: Quantity, lang: RuleLang): Quantity | null {
  if (a.range || b.range || a.kind !== b.kind || (a.kind !== 'money' && a.kind !== 'count') || a.unit !== b.unit) return null;
  if (a.qualifier !== 'exact' || b.qualifier !== 'exact' || !(a.value >= 0 && a.value < b.value)) return null;
  const gap = text.slice(a.end, b.start).trim();
  const sep = RANGE_SEPARATOR_TABLE.matchAt(gap, 0, lang);
  if (!sep || sep.text.length !== gap.length || sep.text === '和' || sep.text === '与' || sep.text === 'and' || sep.text === 'và') return null;
  return {
    ...a,
    end: b.end,
    text: text.slice(a.start, b.end),
    qualifier: 'range',
    range: [a.value, b.value],
    rangeText: [a.valueText, b.valueText],
    numberEnd: b.numberEnd,
  };
}

/** Words that may join a lower and an upper bound into one range (`大于10小于20`, `大于100 并且小于300`). */
const BOUND_JOINERS = /^[\s,，、]*(?:的同时|同时|并且|并|且|而且|和|與|与)?[\s,，、]*$/;

/** `大于X…小于Y` or `最多Y最少X`: two one-sided bounds of the same thing next to each other are one range. */
function mergeBounds(text: string, a: Quantity, b: Quantity): Quantity | null {
  if (a.qualifierStart === undefined || b.qualifierStart === undefined || a.range || b.range) return null;
  const lower = (q: Quantity) => q.qualifier === 'more_than' || q.qualifier === 'at_least';
  const upper = (q: Quantity) => q.qualifier === 'less_than';
  const lo = lower(a) && upper(b) ? a : upper(a) && lower(b) ? b : null;
  if (!lo) return null;
  const hi = lo === a ? b : a;
  const gapStart = Math.max(a.end, a.qualifierEnd ?? a.end);
  const gapEnd = Math.min(b.start, b.qualifierStart);
  if (gapEnd < gapStart || !BOUND_JOINERS.test(text.slice(gapStart, gapEnd))) return null;
  // One counter may serve both bounds (`最多100最少20个`).
  const unitless = (q: Quantity) => q.unit === null && q.kind === 'plain';
  if (!(lo.value < hi.value) || ((a.kind !== b.kind || a.unit !== b.unit) && !unitless(a) && !unitless(b))) return null;
  const withUnit = unitless(a) ? b : a;
  return {
    ...a,
    kind: withUnit.kind,
    unit: withUnit.unit,
    unitText: withUnit.unitText,
    end: b.end,
    text: text.slice(a.start, b.end),
    value: lo.value,
    valueText: lo.valueText,
    qualifier: 'range',
    range: [lo.value, hi.value],
    rangeText: [lo.valueText, hi.valueText],
    qualifierStart: Math.min(a.qualifierStart, a.start),
    qualifierEnd: Math.max(b.qualifierEnd ?? b.end, b.numberEnd ?? b.end),
    numberEnd: b.numberEnd,
  };
}

function nameWordQuantity(text: string, r: NumberRead): Quantity {
  const value = r.value!;
  return { start: r.start, end: r.end, text: text.slice(r.start, r.end), value: value.toNumber(), valueText: value.toString(), unit: null, unitText: null, qualifier: 'exact', kind: 'name_word' };
}

function specialQuantity(text: string, start: number, end: number, kind: QuantityKind): Quantity {
  const s = text.slice(start, end);
  const digits = s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)).match(/\d+/g) ?? ['0'];
  const first = digits[0];
  return { start, end, text: s, value: Number(first), valueText: first.replace(/^0+(?=\d)/, ''), unit: null, unitText: null, qualifier: 'exact', kind, digits: digits.join('') };
}

function matchUnit(text: string, pos: number, lang: RuleLang, bridgeModifiers = false): { entry: UnitEntry; start: number; end: number } | null {
  let e = UNIT_TABLE.matchAt(text, pos, lang);
  if (e) return { entry: e, start: pos, end: pos + e.text.length };
  if (lang === 'zh' && !HSPACE.test(text[pos] ?? '')) return null;
  const j = skipSpaces(text, pos);
  if (j === pos || j - pos > 4) return null;
  e = UNIT_TABLE.matchAt(text, j, lang);
  if (e && !e.tight) return { entry: e, start: j, end: j + e.text.length };
  return lang === 'en' && bridgeModifiers ? counterAfterModifiers(text, j) : null;
}

/**
 * Words that never modify a counted noun: articles, prepositions, conjunctions, pronouns, auxiliaries. Anything else
 * (`rural`, `new`, `young`, `low-income`, `Vietnamese`) may stand between an English number and its noun.
 */
const EN_NOT_MODIFIER = new Set(
  (
    'the a an of and or but nor in on at to for from by with as than per each every all both into onto over under about ' +
    'were was are is be been being have has had will would could should may might can must do does did ' +
    'who whom whose which that this these those their its his her our your my them they we he she it you i ' +
    'not no yes so if then when where while since until after before during between among against ' +
    'hundred thousand million billion trillion dozen percent per cent years year months month days day times'
  ).split(' '),
);
/** At most this many adjectives between an English number and the noun it counts (`1,500 poor rural women`). */
const EN_MODIFIER_GAP = 2;
const EN_WORD = /[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*/y;

/** `1,500 rural women`, `300 new jobs`: a counted noun after one or two adjectives, nothing else in between. */
function counterAfterModifiers(text: string, pos: number): { entry: UnitEntry; start: number; end: number } | null {
  let j = pos;
  for (let words = 0; words < EN_MODIFIER_GAP; words++) {
    EN_WORD.lastIndex = j;
    const m = EN_WORD.exec(text);
    if (!m || EN_NOT_MODIFIER.has(m[0].toLowerCase()) || UNIT_TABLE.matchAt(text, j, 'en')) return null;
    const next = j + m[0].length;
    if (text[next] !== ' ') return null;
    j = next + 1;
    const e = UNIT_TABLE.matchAt(text, j, 'en');
    if (e) return e.kind === 'count' && !e.tight ? { entry: e, start: j, end: j + e.text.length } : null;
  }
  return null;
}

function buildQuantity(text: string, r: NumberRead, reader: LanguageReader, limit: number, prev: Quantity | undefined): Quantity {
  const { lang } = reader;
  let value = r.value;
  let end = r.end;
  let qualifier: Qualifier = r.approx ? 'more_than' : 'exact';
  let range: [number, number] | undefined;
  let rangeText: [string, string] | undefined;
  let numberEnd = r.numEnd ?? r.end;
  let unit = matchUnit(text, end, lang, !yearLike(r));
  // A span in the numeral itself: `三四十人` (30–40), `五六百元`.
  if (r.rangeLow && value) {
    range = [r.rangeLow.toNumber(), value.toNumber()];
    rangeText = [r.rangeLow.toString(), value.toString()];
    value = r.rangeLow;
    qualifier = 'range';
  }

  // A range: `3至5万元`, `1万-5万元`, `10—20人`, `từ 1000 đến 2000 đồng`, `5 to 10`.
  let afterFirst = unit && unit.entry.kind !== 'year' ? unit.end : end;
  // `3万(含)-6万元`: a note that the bound is included stands between the bound and the dash.
  const inclusion = INCLUSION_NOTE.exec(text.slice(afterFirst, afterFirst + 6));
  if (inclusion) afterFirst += inclusion[0].length;
  const sepPos = skipSpaces(text, afterFirst);
  const sep = RANGE_SEPARATOR_TABLE.matchAt(text, sepPos, lang);
  let frameStart: number | undefined;
  let frameEnd: number | undefined;
  if (sep && value && !range) {
    let p2 = skipSpaces(text, sepPos + sep.text.length);
    // `第十和第十五之间`: an ordinal range repeats 第 before the second bound.
    const ordinal = lang === 'zh' && text[r.start - 1] === '第';
    if (ordinal && text[p2] === '第') p2++;
    // `VND500-VND800`, `$20-$30`: the currency repeated before the second bound.
    const currency2 = LATIN_PREFIX_CURRENCIES.find((c) => text.startsWith(c, p2));
    if (currency2) p2 = skipSpaces(text, p2 + currency2.length);
    const r2 = p2 < limit && reader.canStart(text, p2) ? reader.read(text, p2) : null;
    // `20和30之间` (zh) and `between 2,000 and 3,000` (en): `and` joins two bounds only inside a between-frame.
    const zhBetween = lang === 'zh' && (sep.text === '和' || sep.text === '与');
    const enBetween = (lang === 'en' && sep.text.toLowerCase() === 'and') || (lang === 'vi' && sep.text.toLowerCase() === 'và');
    let betweenEnd = -1;
    // `20和30美元之间`: the counter or currency may stand before 之间.
    let unitBeforeBetween: ReturnType<typeof matchUnit> = null;
    const frameAt = (k: number) => (text.startsWith('之间', k) || text.startsWith('之間', k) ? k + 2 : text[k] === '间' || text[k] === '間' ? k + 1 : -1);
    if (r2 && zhBetween) {
      betweenEnd = frameAt(skipSpaces(text, r2.end));
      const u = betweenEnd < 0 ? matchUnit(text, r2.end, lang, true) : null;
      if (u) {
        betweenEnd = frameAt(skipSpaces(text, u.end));
        if (betweenEnd > 0) unitBeforeBetween = u;
      }
    }
    // `between 2,000 and 3,000`, `between $5,000 and $20,000`, `giữa 500 và 900`.
    const leadStart = Math.max(0, r.start - 16);
    const lead = text.slice(leadStart, r.start);
    const leadCurrency = LATIN_PREFIX_CURRENCIES.find((c) => lead.endsWith(c));
    const enBetweenStart = enBetween ? /(?:\bbetween|(?<![\p{L}])giữa)\s+$/iu.exec(leadCurrency ? lead.slice(0, -leadCurrency.length) : lead) : null;
    const framed = (!zhBetween || betweenEnd > 0) && (!enBetween || !!enBetweenStart);
    if (r2 && !r2.malformed && !r2.nameWord && r2.value && r2.end <= limit && framed && !!r2.percent === !!r.percent) {
      let low = value;
      // A bare lower bound borrows the upper bound's multiplier (`3至5万` is 30000–50000, `三到四千` 3000–4000,
      // `20~30k`), unless that makes it the larger (`从6500到2万` is 6500–20000).
      if (r.tailPow === 0 && !unit) {
        const lone = low.isInteger() && low.cmp(Dec.int(10)) < 0 && low.cmp(Dec.ZERO) > 0;
        const borrow = r2.tailPow > 0 ? r2.tailPow : lone ? r2.tailUnit ?? 0 : 0;
        if (borrow && low.shift(borrow).cmp(r2.value) < 0) low = low.shift(borrow);
      }
      const unit2 = matchUnit(text, r2.end, lang, true);
      const sameUnit = !unit || (unit2 && unit2.entry.unit === unit.entry.unit);
      if (low.cmp(r2.value) < 0 && sameUnit) {
        range = [low.toNumber(), r2.value.toNumber()];
        rangeText = [low.toString(), r2.value.toString()];
        value = low;
        qualifier = 'range';
        end = betweenEnd > 0 ? unitBeforeBetween?.end ?? betweenEnd : r2.end;
        numberEnd = betweenEnd > 0 && !unitBeforeBetween ? betweenEnd : r2.numEnd ?? r2.end;
        unit = betweenEnd > 0 ? unitBeforeBetween : unit2 ?? unit;
        if (unit) unit = { ...unit };
        if (!unit && betweenEnd < 0) unit = null;
        r = { ...r, percent: r.percent || r2.percent, plainDigits: r.plainDigits };
        // The frame words belong to the range: `(位于)(第)20和(第)30之间`, `between 2,000 and 3,000`.
        if (betweenEnd > 0) {
          frameStart = ordinal ? r.start - 1 : r.start;
          const verb = /(?:位于|位於|介于|介於|处于|處於|在)$/.exec(text.slice(Math.max(0, frameStart - 2), frameStart));
          if (verb) frameStart -= verb[0].length;
          frameEnd = betweenEnd;
        } else if (enBetweenStart) {
          frameStart = leadStart + enBetweenStart.index;
          frameEnd = r2.end;
        }
      }
    }
  }
  if (unit && unit.end <= limit) end = unit.end;
  else unit = null;
  // `300萬左右人次`, `3000万上下元`: an approximating word between the number and its counter.
  let innerQualifier: { qualifier: Qualifier; start: number; end: number } | null = null;
  if (lang === 'zh' && !unit && value && !range) {
    const w = SUFFIX_QUALIFIER_TABLE.matchAt(text, end, lang);
    const u = w && w.qualifier === 'approx' ? matchUnit(text, end + w.text.length, lang) : null;
    if (w && u && u.end <= limit && (u.entry.kind === 'count' || u.entry.kind === 'money')) {
      innerQualifier = { qualifier: w.qualifier, start: end, end: end + w.text.length };
      unit = u;
      end = u.end;
    }
  }
  // Yuan with jiao and fen: 六十四万零一百四十三元一角七分, 五元三毛, 壹元零壹分 — added exactly; spoken, the last
  // subunit word left out: 两块三, 四块零六, 五蚊二 (Cantonese 蚊, Hong Kong dollars).
  const mainUnit = unit ? text.slice(unit.start, unit.end) : '';
  const spoken = /^[块塊蚊]$/.test(mainUnit) || (/^[元圆]$/.test(mainUnit) && !r.plainDigits && !/[0-9０-９]/.test(text.slice(r.start, r.end)));
  if (lang === 'zh' && value && !range && ((unit && /^[元圆块塊蚊]$/.test(mainUnit) && (unit.entry.unit === 'CNY' || unit.entry.unit === 'HKD')) || (!unit && /[壹贰貳叁參肆伍陆陸柒捌玖]/.test(text.slice(r.start, r.end))))) {
    let sub: { value: Dec; end: number } | null = null;
    if (!unit) {
      const p = SUBUNIT_POW[text[end]];
      if (p !== undefined) {
        const more = readSubunits(text, end + 1, reader, limit, p);
        sub = { value: value.shift(p).add(value.negate()).add(more?.value ?? Dec.ZERO), end: more?.end ?? end + 1 };
      }
    } else sub = readSubunits(text, end, reader, limit, 0, spoken);
    if (sub) {
      // Subunits after a negative main amount make it more negative (`负三元二角` is -3.2); a leading `负壹角` is signed already.
      value = value.add(unit && value.cmp(Dec.ZERO) < 0 ? sub.value.negate() : sub.value);
      end = sub.end;
      if (!unit) unit = { entry: { text: '元', lang: 'zh', kind: 'money', unit: 'CNY' }, start: r.end, end };
      else unit = { ...unit, end };
    }
  }
  // Halves after a counter or a measure: 两个半小时 (2.5 小时), 三個半 (3.5), 一年半, 两公斤半.
  if (lang === 'zh' && value && !range && unit && text[end] === '半' && value.isInteger() && HALF_AFTER_UNIT.test(text.slice(unit.start, unit.end))) {
    const measure = /^[个個]$/.test(text.slice(unit.start, unit.end)) ? matchUnit(text, end + 1, lang) : null;
    if (measure || !HALF_NOT_BEFORE.test(text[end + 1] ?? '')) {
      value = value.add(Dec.parse('0.5'));
      end = measure ? measure.end : end + 1;
      unit = measure ?? { ...unit, end };
    }
  }
  // Pairs counted: 三對 (6), 四雙 (8); not a score (`5对3`) or `一对一`.
  let pairs: number | undefined;
  if (lang === 'zh' && value && !range && !unit && PAIR.has(text[end]) && value.isInteger() && value.cmp(Dec.ZERO) > 0 && !r.percent) {
    const next = text[end + 1] ?? '';
    if (!isZhNumeral(next) && !/[0-9０-９折]/.test(next) && end + 1 <= limit) {
      pairs = value.toNumber();
      value = value.mul(Dec.int(2));
      unit = { entry: { text: text[end], lang: 'zh', kind: 'count', unit: 'item' }, start: end, end: end + 1 };
      end++;
    }
  }
  // Cantonese 個 for dollars after a currency word: 港幣四個二毫五 (4.25), 港幣三個半.
  if (lang === 'zh' && value && !range && unit && /^[個个]$/.test(text.slice(unit.start, unit.end))) {
    const pc = PREFIX_CURRENCY_TABLE.matchBefore(text, skipSpacesBack(text, r.start), lang);
    const sub = pc ? readSubunits(text, end, reader, limit, 0, true) : null;
    if (pc && sub && SUBUNIT_POW[text[end + 1]] !== undefined) {
      value = value.add(sub.value);
      unit = { entry: { text: text[unit.start], lang: 'zh', kind: 'money', unit: pc.unit }, start: unit.start, end: sub.end };
      end = sub.end;
    }
  }
  // 三毛五, 5角, 三毫: a subunit with no main unit before it.
  if (lang === 'zh' && value && !range && !unit && !r.approx) {
    const lone = readLoneSubunit(text, end, value, reader, limit);
    if (lone) {
      value = lone.value;
      unit = { entry: { text: text[end], lang: 'zh', kind: 'money', unit: lone.code }, start: end, end: lone.end };
      end = lone.end;
    }
  }

  // Hundredths after another currency: 两美元又三美分, 10日元5日本銭.
  if (lang === 'zh' && value && !range && unit && unit.entry.kind === 'money') {
    const sub = readCurrencySubunit(text, end, reader, limit, unit.entry.unit);
    if (sub) {
      value = value.add(sub.value);
      end = sub.end;
      unit = { ...unit, end };
    }
  }

  // Cents in words after a Vietnamese or English currency: 3 đô 45, 5 đô la và 10 xen, 35 Rupees 10.
  if (lang !== 'zh' && value && !range && unit && unit.entry.kind === 'money' && !NO_CENTS.has(unit.entry.unit ?? '') && value.cmp(Dec.ZERO) >= 0) {
    const sub = readLatinSubunit(text, end);
    if (sub && sub.end <= limit) {
      value = value.add(sub.value);
      end = sub.end;
      unit = { ...unit, end };
    }
  }

  // Currency before the number: 新台币6亿元, 港幣100元, $1.2 million, VND 250 million.
  let start = r.start;
  let currency: string | null = null;
  const before = skipSpacesBack(text, start);
  const pc = PREFIX_CURRENCY_TABLE.matchBefore(text, before, lang);
  const pcStart = pc ? before - pc.text.length : 0;
  if (pc && (before === start || start - before <= 2) && !(prev && prev.end > pcStart - 2 && /^[\p{Script=Han}]/u.test(pc.text))) {
    currency = pc.unit;
    start = before - pc.text.length;
  }

  // Kind and unit.
  let kind: QuantityKind = 'plain';
  let unitCode: string | null = null;
  let unitText: string | null = null;
  if (unit) {
    const e = unit.entry;
    unitText = text.slice(unit.start, unit.end);
    kind = e.kind;
    unitCode = e.unit;
    if (e.kind === 'year' && !yearLike(r)) {
      kind = 'count';
      unitCode = '年';
    }
    if (e.kind === 'date') {
      const v = value?.toNumber() ?? NaN;
      const isMonth = unitText.startsWith('月');
      if (!(Number.isInteger(v) && v >= 1 && v <= (isMonth ? 12 : 31))) {
        kind = 'count';
        unitCode = unitText;
      }
    }
    if (e.kind === 'identifier' && prev && prev.kind === 'date' && prev.end === r.start - 1) kind = 'date';
    if (e.kind === 'identifier' && prev && prev.kind === 'date' && text.slice(prev.end, r.start).trim() === '') kind = 'date';
  }
  if (currency && (kind === 'plain' || (kind === 'money' && unitCode === 'CNY' && /^[元圆块]/.test(unitText ?? '')))) {
    kind = 'money';
    unitCode = currency;
    if (!unitText) unitText = text.slice(start, before).trim() || null;
  }
  if (r.percent) {
    kind = 'percent';
    unitCode = '%';
  }

  // Qualifier words after the figure: 300人以上, 50万元左右, 18 tuổi trở lên.
  let qualifierStart: number | undefined;
  let qualifierEnd: number | undefined;
  const sq = SUFFIX_QUALIFIER_TABLE.matchAt(text, skipSpaces(text, end), lang);
  // Before the figure: 近11万人次, 超过300人, khoảng 200, more than 1,500.
  let pqEnd = skipSpacesBack(text, start);
  if (lang === 'zh') {
    let f = 0;
    while (f < 2 && pqEnd > 0 && ZH_FILLERS.includes(text[pqEnd - 1])) {
      pqEnd--;
      f++;
    }
    pqEnd = skipSpacesBack(text, pqEnd);
    if (!PREFIX_QUALIFIER_TABLE.matchBefore(text, pqEnd, lang)) pqEnd = skipSpacesBack(text, start);
  }
  let pq = innerQualifier ? null : PREFIX_QUALIFIER_TABLE.matchBefore(text, pqEnd, lang);
  if (pq && lang === 'zh' && pq.text.length === 1) {
    const stop = ZH_QUALIFIER_STOP_BEFORE[pq.text];
    const b = text[pqEnd - 2];
    if (stop && b && stop.includes(b)) pq = null;
  }
  const comparative = pq && (pq.text === '比');
  if (innerQualifier) {
    qualifier = innerQualifier.qualifier;
    qualifierStart = innerQualifier.start;
    qualifierEnd = innerQualifier.end;
  }
  // A qualifier written inside the figure (`五百多个`) is more precise than an approximating word before it.
  if (pq && !comparative && qualifier !== 'range' && !(r.approx && pq.qualifier === 'approx')) {
    qualifier = pq.qualifier;
    qualifierStart = pqEnd - pq.text.length;
    qualifierEnd = pqEnd;
  }
  if (sq && qualifier !== 'range' && !innerQualifier) {
    const single = /^[大小低多余餘]$/.test(sq.text);
    if (!single || (sq.text !== '大' && sq.text !== '小' && sq.text !== '低') || comparative) {
      if (!single || comparative || unit) {
        const s = skipSpaces(text, end);
        if (comparative && pq) {
          qualifier = sq.qualifier;
          qualifierStart = pqEnd - pq.text.length;
          qualifierEnd = s + sq.text.length;
        } else if (qualifierStart === undefined) {
          qualifier = sq.qualifier;
          qualifierStart = s;
          qualifierEnd = s + sq.text.length;
        }
      }
    }
  }

  // Ordinals: 第八届, 105届, thứ 3, 3rd.
  const b1 = skipSpacesBack(text, start);
  if (kind !== 'identifier' && (text[b1 - 1] === '第' || /thứ$/i.test(text.slice(Math.max(0, b1 - 3), b1)))) kind = 'ordinal';
  // Years: năm 2006, in 2017; a four-digit number alone in English is a year.
  if (kind === 'plain' && yearLike(r)) {
    if (/(?:năm|Năm|NĂM)$/.test(text.slice(Math.max(0, b1 - 3), b1))) kind = 'year';
    else if (lang === 'en') kind = 'year';
  }
  // Digits with a leading zero (`0573`, `003`) or too long for a count are identifiers, unless they carry a unit.
  if (kind === 'plain' && r.plainDigits && ((r.plainDigits.length >= 3 && r.plainDigits[0] === '0' && /^\d+$/.test(r.plainDigits)) || r.plainDigits.length >= 11)) kind = 'identifier';

  const v = value ?? null;
  const q: Quantity = {
    start,
    end,
    text: text.slice(start, end),
    value: v ? v.toNumber() : r.float,
    valueText: v ? v.toString() : floatText(r.float),
    unit: unitCode,
    unitText,
    qualifier,
    kind,
  };
  // 余/多 closing the numeral (`五百多个`, `2.03万余名`) is the qualifier word itself.
  if (qualifierStart === undefined && qualifier === 'more_than' && r.approx && r.numEnd !== undefined && r.numEnd < r.end && !r.percent) {
    qualifierStart = r.numEnd;
    qualifierEnd = r.end;
  }
  if (frameStart !== undefined && qualifierStart === undefined) {
    qualifierStart = frameStart;
    qualifierEnd = frameEnd;
  }
  if (qualifierStart !== undefined) {
    q.qualifierStart = qualifierStart;
    q.qualifierEnd = qualifierEnd;
  }
  if (range) {
    q.range = range;
    q.rangeText = rangeText;
  }
  if (pairs !== undefined) q.numberValue = pairs;
  q.numberStart = r.numStart ?? r.start;
  q.numberEnd = numberEnd;
  if (r.plainDigits && /^\d+(?:\.\d+)?$/.test(r.plainDigits)) q.digits = r.plainDigits;
  if (!v) q.inexact = true;
  if (v && lang === 'vi' && kind === 'count' && !r.tailPow && !range) {
    const whole = thousandsMisread(text.slice(r.numStart ?? r.start, numberEnd), v, unitCode);
    if (whole) {
      q.value = whole.toNumber();
      q.valueText = whole.toString();
    }
  }
  q.kind = wordUseKind(text, q, lang);
  const vague = vagueSpan(text, r, q);
  if (vague) q.vagueRange = vague;
  return q;
}

/** Counts of whole things: people, firms, households, projects, jobs. */
const WHOLE_UNITS = new Set(['person', 'person_time', 'enterprise', 'household', 'establishment', 'project', 'job']);

/**
 * A count of whole things cannot have a fraction: `3574.303 người` (a thousands dot misplaced) and `135,400 người` (an
 * English thousands comma) are 3,574,303 and 135,400 people, not 3574.3 or 135.4. Only one separator followed by
 * exactly three digits is read so, and only without a multiplier word (`1,5 nghìn người` is 1,500).
 */
function thousandsMisread(numeral: string, value: Dec, unit: string | null): Dec | null {
  if (!unit || !WHOLE_UNITS.has(unit) || value.isInteger()) return null;
  if (!/^\d{1,4}[.,]\d{3}$/.test(numeral.trim())) return null;
  return value.shift(3);
}

/** Words of "nearly" before a bare magnitude (`近万人`, `将近千名`, `gần trăm`). */
const NEARLY = new Set(['近', '将近', '將近', '接近', 'gần', 'ngót', 'nearly', 'almost']);
/** A numeral that is a bare magnitude: `万`, `千`, `百万`, `nghìn`. */
const BARE_MAGNITUDE = /^(?:[十百千万萬亿億]+|(?:chục|trăm|nghìn|ngàn|triệu|tỷ|tỉ)(?: (?:nghìn|ngàn|triệu|tỷ|tỉ))*)$/i;

/**
 * The span a vague amount allows: the reader's own (`数十亿`, `hàng nghìn`); for 多/余/几 in or after the numeral,
 * one unit of its last non-zero digit above the value (`5000多` → [5000, 6000], `二十几` → [20, 30], `十余万` →
 * [100000, 200000]); for "nearly" before a bare magnitude, the fifth below it (`近万` → [8000, 10000]).
 */
function vagueSpan(text: string, r: NumberRead, q: Quantity): [number, number] | undefined {
  if (q.range || q.kind === 'percent' || !Number.isFinite(q.value)) return undefined;
  if (r.vague) return [r.vague[0].toNumber(), r.vague[1].toNumber()];
  if (r.approx && q.qualifier === 'more_than' && q.value > 0) {
    const step = lastDigitPlace(q.valueText);
    return [q.value, Dec.parse(q.valueText).add(step).toNumber()];
  }
  if (q.qualifier === 'approx' && q.qualifierStart !== undefined && q.qualifierStart < q.start) {
    const word = text.slice(q.qualifierStart, q.qualifierEnd).toLowerCase();
    const numeral = text.slice(q.numberStart ?? q.start, q.numberEnd ?? q.end);
    if (NEARLY.has(word) && BARE_MAGNITUDE.test(numeral)) return [q.value * 0.8, q.value];
  }
  return undefined;
}

/** One unit of the last non-zero digit of a decimal string: `5000` → 1000, `20300` → 100, `2.5` → 0.1. */
function lastDigitPlace(valueText: string): Dec {
  const [int, frac = ''] = valueText.replace('-', '').split('.');
  if (frac) return new Dec(1n, -frac.length);
  const zeros = /0*$/.exec(int)![0].length;
  return new Dec(1n, Math.min(zeros, int.length - 1));
}

/** Fifteen significant digits: a repeating fraction (三分之一) has no exact decimal string. */
function floatText(f: number): string {
  if (!Number.isFinite(f)) return String(f);
  const short = String(Number(f.toPrecision(15)));
  if (!/e/i.test(short)) return Dec.parse(short).toString();
  return Dec.parse(Number(f.toPrecision(15)).toFixed(20).replace(/\.?0+$/, '')).toString();
}
