/**
 * Units, currencies, counters and qualifier words of all three languages: one table each, as data. The readers look
 * words up here; nothing else in the module knows a currency or a counter.
 */
import type { Qualifier, RuleLang } from '../types.js';
import type { QuantityKind } from './types.js';

type Langs = RuleLang | '*';

export interface UnitEntry {
  /** As written, lower-case for Latin scripts (matching is case-insensitive there). */
  text: string;
  lang: Langs;
  kind: QuantityKind;
  /** ISO currency code, counter code, '%' … */
  unit: string | null;
  /** A multiplier the unit word carries itself (`万元` is read by the number reader, but `triệu đồng`… no: 0). */
  pow?: number;
  /** Only valid right after the number, no space (`đ`, `k`). */
  tight?: boolean;
}

const zh = 'zh' as const;
const vi = 'vi' as const;
const en = 'en' as const;

/** English nouns for people counted by what they are or do (all read as unit `person`). */
const EN_PEOPLE = [
  ...'people persons person individuals workers worker trainees trainee employees employee students student'.split(' '),
  ...'farmers farmer residents resident villagers graduates youths youth women men girls boys children migrants'.split(' '),
  ...'labourers laborers participants entrepreneurs staff members learners apprentices beneficiaries teachers'.split(' '),
  ...'jobseekers job-seekers volunteers officials'.split(' '),
  'job seekers',
  'civil servants',
];

/** Units that follow the number. Longest match wins, so `人次` beats `人`, `港元` beats `元`. */
export const SUFFIX_UNITS: UnitEntry[] = [
  // Chinese money. 万/亿/千 are part of the number (`460万元` reads 460万 then 元).
  ...['元', '圆', '块', '塊', '块钱', '塊錢', '元钱', '元整', '元正', '圆整', '圆正', '元人民币', '人民币', '块人民币'].map((text) => ({ text, lang: zh, kind: 'money' as const, unit: 'CNY' })),
  ...['美元', '美圆', '美金', '美刀'].map((text) => ({ text, lang: zh, kind: 'money' as const, unit: 'USD' })),
  ...['港元', '港币', '港幣', '港圆', '蚊'].map((text) => ({ text, lang: zh, kind: 'money' as const, unit: 'HKD' })),
  ...['新台币', '新台幣', '新臺幣', '台币', '台幣', '臺幣', '新台币元'].map((text) => ({ text, lang: zh, kind: 'money' as const, unit: 'TWD' })),
  { text: '欧元', lang: zh, kind: 'money', unit: 'EUR' },
  { text: '歐元', lang: zh, kind: 'money', unit: 'EUR' },
  { text: '日元', lang: zh, kind: 'money', unit: 'JPY' },
  { text: '日圆', lang: zh, kind: 'money', unit: 'JPY' },
  { text: '英镑', lang: zh, kind: 'money', unit: 'GBP' },
  { text: '英鎊', lang: zh, kind: 'money', unit: 'GBP' },
  { text: '韩元', lang: zh, kind: 'money', unit: 'KRW' },
  { text: '韓元', lang: zh, kind: 'money', unit: 'KRW' },
  { text: '澳元', lang: zh, kind: 'money', unit: 'AUD' },
  { text: '加元', lang: zh, kind: 'money', unit: 'CAD' },
  { text: '卢布', lang: zh, kind: 'money', unit: 'RUB' },
  { text: '瑞士法郎', lang: zh, kind: 'money', unit: 'CHF' },
  { text: '奈拉', lang: zh, kind: 'money', unit: 'NGN' },
  { text: '越南盾', lang: zh, kind: 'money', unit: 'VND' },
  { text: '个比特币', lang: zh, kind: 'money', unit: 'BTC' },
  { text: '比特币', lang: zh, kind: 'money', unit: 'BTC' },
  // Chinese counters.
  ...['人', '名', '位', '人員', '人员'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: 'person' })),
  ...['人次', '人(次)', '人（次）'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: 'person_time' })),
  ...['户', '戶'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: 'household' })),
  ...['家'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: 'enterprise' })),
  ...['个项目', '個項目', '项', '項'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: 'project' })),
  ...['个', '個'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: 'item' })),
  // `3个月`: months counted, not items.
  ...['个月', '個月'].map((text) => ({ text, lang: zh, kind: 'count' as const, unit: '月' })),
  ...['所', '笔', '筆', '张', '張', '期', '次', '批', '场', '場', '台', '辆', '輛', '套', '件', '篇', '条', '條', '间', '間', '座', '处', '處', '村', '亩', '畝', '吨', '噸', '公斤', '斤', '千克', '平方米', '公里', '米', '岁', '歲', '天', '小时', '小時'].map(
    (text) => ({ text, lang: zh, kind: 'count' as const, unit: text }),
  ),
  // Temperatures (not counts): `三十九摄氏度`, `零下四摄氏度`.
  ...['摄氏度', '攝氏度', '℃', '°C'].map((text) => ({ text, lang: '*' as const, kind: 'plain' as const, unit: '°C' })),
  // Dates, ordinals and identifiers by what follows the number.
  { text: '年', lang: zh, kind: 'year', unit: null },
  { text: '年度', lang: zh, kind: 'year', unit: null },
  { text: '月', lang: zh, kind: 'date', unit: null },
  { text: '月份', lang: zh, kind: 'date', unit: null },
  { text: '月末', lang: zh, kind: 'date', unit: null },
  { text: '月底', lang: zh, kind: 'date', unit: null },
  { text: '月初', lang: zh, kind: 'date', unit: null },
  { text: '日', lang: zh, kind: 'date', unit: null },
  { text: '号', lang: zh, kind: 'identifier', unit: null },
  { text: '號', lang: zh, kind: 'identifier', unit: null },
  { text: '届', lang: zh, kind: 'ordinal', unit: null },
  { text: '屆', lang: zh, kind: 'ordinal', unit: null },
  // Vietnamese money and counters (multipliers triệu/tỷ are read by the number reader).
  ...['đồng', 'vnđ', 'vnd', 'đ', 'việt nam đồng'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'VND', tight: text === 'đ' })),
  ...['usd', 'đô la', 'đô-la', 'đôla', 'đô la mỹ', 'đô'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'USD' })),
  ...['bảng anh', 'bảng', 'pound', 'pounds', 'gbp'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'GBP' })),
  ...['rupee', 'rupees', 'inr'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'INR' })),
  ...['yên', 'yên nhật', 'jpy'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'JPY' })),
  ...['eur'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'EUR' })),
  ...['nhân dân tệ', 'tệ'].map((text) => ({ text, lang: vi, kind: 'money' as const, unit: 'CNY' })),
  { text: 'euro', lang: vi, kind: 'money', unit: 'EUR' },
  ...['người', 'lao động', 'học viên', 'công nhân', 'cán bộ', 'thanh niên', 'sinh viên', 'học sinh', 'nông dân', 'người lao động', 'thành viên', 'xã viên', 'nhân viên', 'hội viên', 'đoàn viên', 'phụ nữ', 'người dân', 'ngư dân'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'person' })),
  // Abbreviations of report tables: LĐ (lao động), LĐNT (lao động nông thôn).
  ...['lđ', 'lđnt'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'person' })),
  ...['lượt người', 'lượt'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'person_time' })),
  ...['hộ', 'hộ gia đình'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'household' })),
  ...['doanh nghiệp', 'công ty', 'hợp tác xã', 'tổ hợp tác', 'htx', 'dn', 'liên hiệp hợp tác xã', 'liên hiệp htx'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'enterprise' })),
  // `300 lượt doanh nghiệp`: firm-times count firms (a fair's exhibitors over its sessions), not person-times.
  ...['lượt doanh nghiệp', 'lượt dn', 'lượt hợp tác xã', 'lượt htx'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'enterprise' })),
  { text: 'lượt hộ', lang: vi, kind: 'count', unit: 'household' },
  { text: 'cơ sở', lang: vi, kind: 'count', unit: 'establishment' },
  { text: 'dự án', lang: vi, kind: 'count', unit: 'project' },
  ...['việc làm', 'chỗ làm'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: 'job' })),
  ...['lớp', 'khóa', 'khoá', 'xã', 'ha', 'tấn', 'km', 'ngày', 'tháng', 'tuổi'].map((text) => ({ text, lang: vi, kind: 'count' as const, unit: text })),
  // English.
  ...['dollars', 'dollar', 'usd', 'us dollars'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'USD' })),
  ...['yuan', 'rmb', 'renminbi', 'yuan renminbi'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'CNY' })),
  ...['dong', 'vnd', 'vietnamese dong'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'VND' })),
  ...['hong kong dollars', 'hk dollars'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'HKD' })),
  ...['new taiwan dollars', 'taiwan dollars', 'nt dollars'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'TWD' })),
  ...['euros', 'euro'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'EUR' })),
  ...['pounds', 'pound', 'pounds sterling', 'gbp'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'GBP' })),
  ...['rupees', 'rupee', 'inr'].map((text) => ({ text, lang: en, kind: 'money' as const, unit: 'INR' })),
  // English counted nouns: people by role, households, jobs, enterprises, projects. Adjectives may stand between
  // the number and the noun (`1,500 rural women`, `300 new jobs`): see EN_MODIFIER_GAP in figure.ts.
  ...EN_PEOPLE.map((text) => ({ text, lang: en, kind: 'count' as const, unit: 'person' })),
  ...['person-times', 'person times', 'person-time', 'man-times', 'times of people'].map((text) => ({ text, lang: en, kind: 'count' as const, unit: 'person_time' })),
  ...['jobs', 'job', 'job opportunities', 'positions', 'vacancies'].map((text) => ({ text, lang: en, kind: 'count' as const, unit: 'job' })),
  ...['households', 'household', 'families', 'family'].map((text) => ({ text, lang: en, kind: 'count' as const, unit: 'household' })),
  ...[
    'enterprises', 'enterprise', 'businesses', 'business', 'companies', 'company', 'firms', 'firm', 'cooperatives', 'cooperative', 'co-operatives',
    'co-ops', 'coops', 'smes', 'msmes', 'microenterprises', 'micro-enterprises', 'start-ups', 'startups',
  ].map((text) => ({ text, lang: en, kind: 'count' as const, unit: 'enterprise' })),
  ...['projects', 'project'].map((text) => ({ text, lang: en, kind: 'count' as const, unit: 'project' })),
  // `15K$`: a dollar sign after the figure.
  { text: '$', lang: '*', kind: 'money', unit: 'USD', tight: true },
  // Percent in every language.
  { text: '%', lang: '*', kind: 'percent', unit: '%', tight: false },
  { text: '％', lang: '*', kind: 'percent', unit: '%' },
  { text: '个百分点', lang: zh, kind: 'percent', unit: '%' },
  ...['个 百 分 点', '个 百 分点', '个百分 点', '個 百 分 點', '個 百 分點', '個百分 點'].map((text) => ({ text, lang: zh, kind: 'percent' as const, unit: '%' })),
  { text: '個百分點', lang: zh, kind: 'percent', unit: '%' },
  { text: 'phần trăm', lang: vi, kind: 'percent', unit: '%' },
  { text: 'percent', lang: en, kind: 'percent', unit: '%' },
  { text: 'per cent', lang: en, kind: 'percent', unit: '%' },
  { text: 'percentage points', lang: en, kind: 'percent', unit: '%' },
];

/** Currency words and signs written before the number (`新台币6亿元`, `$1.2 million`, `VND 250 million`). */
export const PREFIX_CURRENCIES: { text: string; lang: Langs; unit: string }[] = [
  ...['人民币', '人民幣', 'RMB', '¥', '￥'].map((text) => ({ text, lang: '*' as const, unit: 'CNY' })),
  ...['新台币', '新台幣', '新臺幣', '台币', '台幣', '臺幣', 'NT$', 'NTD', 'TWD'].map((text) => ({ text, lang: '*' as const, unit: 'TWD' })),
  ...['港币', '港幣', '港元', 'HK$', 'HKD'].map((text) => ({ text, lang: '*' as const, unit: 'HKD' })),
  ...['美元', 'US$', 'USD', '$', 'US $'].map((text) => ({ text, lang: '*' as const, unit: 'USD' })),
  ...['VND', 'VNĐ'].map((text) => ({ text, lang: '*' as const, unit: 'VND' })),
  ...['€', 'EUR'].map((text) => ({ text, lang: '*' as const, unit: 'EUR' })),
  ...['£', 'GBP'].map((text) => ({ text, lang: '*' as const, unit: 'GBP' })),
  ...['₹', 'INR', 'Rs', 'Rs.'].map((text) => ({ text, lang: '*' as const, unit: 'INR' })),
  ...['JPY', 'AUD', 'CAD', 'SGD', 'KRW', 'THB', 'MOP'].map((text) => ({ text, lang: '*' as const, unit: text })),
];

/** Hundredths of a currency written after its main unit (`两美元又三美分`, `10日元5日本銭`). Yuan's 角/分 are read apart. */
export const CURRENCY_SUBUNITS: { text: string; unit: string; pow: number }[] = [
  ...['美分'].map((text) => ({ text, unit: 'USD', pow: -2 })),
  ...['欧分', '歐分'].map((text) => ({ text, unit: 'EUR', pow: -2 })),
  ...['日本銭', '日本钱', '日本錢', '銭'].map((text) => ({ text, unit: 'JPY', pow: -2 })),
  ...['便士'].map((text) => ({ text, unit: 'GBP', pow: -2 })),
  ...['港仙', '仙'].map((text) => ({ text, unit: 'HKD', pow: -2 })),
];

export interface QualifierWord {
  text: string;
  lang: Langs;
  qualifier: Qualifier;
}

/** Qualifier words before the figure (`近11万人次`, `超过300人`, `khoảng 200`, `more than 1,500`). */
export const PREFIX_QUALIFIERS: QualifierWord[] = [
  ...['超过', '超過', '逾', '超', '突破', '多于', '多於', '大于', '大於', '高于', '高於', '过', '過', '比'].map((text) => ({ text, lang: zh, qualifier: 'more_than' as const })),
  ...['近', '将近', '將近', '接近', '约', '約', '大约', '大約', '大概', '约为', '約為', '约合', '約合', '左右'].map((text) => ({ text, lang: zh, qualifier: 'approx' as const })),
  ...['至少', '最少', '起码', '不少于', '不少於', '不低于', '不低於', '不小于', '不小於', '不下', '大于等于', '大於等於', '大于或者等于', '大于或等于', '≥', '>='].map((text) => ({ text, lang: zh, qualifier: 'at_least' as const })),
  ...['不到', '不足', '少于', '少於', '低于', '低於', '小于', '小於', '不超过', '不超過', '不大于', '不大於', '最多', '至多', '小于等于', '小于或等于', '小于 或 等于', '≤', '<=', '< ='].map((text) => ({ text, lang: zh, qualifier: 'less_than' as const })),
  ...['等于', '等於', '为', '為'].slice(0, 2).map((text) => ({ text, lang: zh, qualifier: 'exact' as const })),
  ...['hơn', 'trên', 'vượt', 'quá'].map((text) => ({ text, lang: vi, qualifier: 'more_than' as const })),
  ...['khoảng', 'gần', 'ngót', 'ngót nghét', 'chừng', 'xấp xỉ', 'khoảng chừng', 'ước tính', 'ước khoảng', 'trên dưới'].map((text) => ({ text, lang: vi, qualifier: 'approx' as const })),
  ...['ít nhất', 'tối thiểu', 'không dưới', 'không ít hơn'].map((text) => ({ text, lang: vi, qualifier: 'at_least' as const })),
  ...['dưới', 'chưa đến', 'chưa tới', 'chưa đầy', 'không đầy', 'không đến', 'không tới', 'không quá', 'tối đa', 'ít hơn'].map((text) => ({ text, lang: vi, qualifier: 'less_than' as const })),
  ...['more than', 'over', 'above', 'in excess of', 'upwards of'].map((text) => ({ text, lang: en, qualifier: 'more_than' as const })),
  ...['about', 'around', 'approximately', 'nearly', 'almost', 'roughly', 'some', 'close to', 'an estimated', 'approx.'].map((text) => ({ text, lang: en, qualifier: 'approx' as const })),
  ...['at least', 'no fewer than', 'no less than', 'a minimum of'].map((text) => ({ text, lang: en, qualifier: 'at_least' as const })),
  ...['less than', 'fewer than', 'under', 'below', 'up to', 'at most', 'no more than'].map((text) => ({ text, lang: en, qualifier: 'less_than' as const })),
];

/** Qualifier words after the figure (`300人以上`, `50万元左右`, `18 tuổi trở lên`, `500 or more`). */
export const SUFFIX_QUALIFIERS: QualifierWord[] = [
  ...['或以上', '或者以上', '或者更多', '或更多'].map((text) => ({ text, lang: zh, qualifier: 'at_least' as const })),
  ...['以上', '之上', '有余', '有餘', '多', '余', '餘', '大'].map((text) => ({ text, lang: zh, qualifier: 'more_than' as const })),
  ...['左右', '上下', '前后', '前後'].map((text) => ({ text, lang: zh, qualifier: 'approx' as const })),
  ...['以下', '以内', '以內', '之下', '低', '小'].map((text) => ({ text, lang: zh, qualifier: 'less_than' as const })),
  ...['trở lên'].map((text) => ({ text, lang: vi, qualifier: 'at_least' as const })),
  ...['trở xuống'].map((text) => ({ text, lang: vi, qualifier: 'less_than' as const })),
  ...['or more', 'plus', 'and above'].map((text) => ({ text, lang: en, qualifier: 'at_least' as const })),
  ...['or less', 'or fewer'].map((text) => ({ text, lang: en, qualifier: 'less_than' as const })),
];

/** Range separators between two numbers (`3至5万元`, `10—20人`, `từ 1000 đến 2000`, `5 to 10`). */
export const RANGE_SEPARATORS: { text: string; lang: Langs }[] = [
  ...['至', '到', '~', '～', '〜', '—', '——', '–', '-', '－', '--', '－－', '~~', '与', '和'].map((text) => ({ text, lang: zh })),
  // `và` only inside `giữa … và …` (checked by the figure layer).
  ...['-', '–', '—', '--', 'đến', 'tới', '~', 'và'].map((text) => ({ text, lang: vi })),
  // `and` only inside `between … and …` (checked by the figure layer).
  ...['-', '–', '—', 'to', '~', 'and'].map((text) => ({ text, lang: en })),
];

/** An entry of a WordTable with what matching asks of its text, worked out once. */
interface TableEntry<T> {
  e: T;
  lower: string;
  /** The text ends with a Latin letter: it must not run on into a word. */
  latinEnd: boolean;
  /** The text starts with a Latin letter: it must not close a word. */
  latinStart: boolean;
}

/** A word list compiled once into a per-language lookup by first character, longest first. */
export class WordTable<T extends { text: string; lang: Langs }> {
  private readonly byLang = new Map<RuleLang, Map<string, TableEntry<T>[]>>();
  /** The same entries keyed by their last character, for matching backwards from a number. */
  private readonly byLangLast = new Map<RuleLang, Map<string, TableEntry<T>[]>>();
  constructor(entries: T[], caseInsensitive: boolean) {
    const compiled = entries.map((e) => ({
      e,
      lower: e.text.toLowerCase(),
      latinEnd: /[\p{L}]$/u.test(e.text) && /^[\p{Script=Latin}]$/u.test(e.text.slice(-1)),
      latinStart: /^[\p{Script=Latin}]/u.test(e.text),
    }));
    for (const lang of ['zh', 'vi', 'en'] as RuleLang[]) {
      const last = new Map<string, TableEntry<T>[]>();
      for (const c of compiled) {
        if (c.e.lang !== '*' && c.e.lang !== lang) continue;
        const key = c.e.text[c.e.text.length - 1].toLowerCase();
        const list = last.get(key) ?? [];
        list.push(c);
        last.set(key, list);
      }
      for (const list of last.values()) list.sort((a, b) => b.e.text.length - a.e.text.length);
      this.byLangLast.set(lang, last);
      const m = new Map<string, TableEntry<T>[]>();
      for (const c of compiled) {
        if (c.e.lang !== '*' && c.e.lang !== lang) continue;
        const key = caseInsensitive ? c.e.text[0].toLowerCase() : c.e.text[0];
        const list = m.get(key) ?? [];
        list.push(c);
        m.set(key, list);
      }
      for (const list of m.values()) list.sort((a, b) => b.e.text.length - a.e.text.length);
      this.byLang.set(lang, m);
    }
  }

  /** Longest entry starting at `pos`; Latin words must end at a word boundary. */
  matchAt(text: string, pos: number, lang: RuleLang): T | null {
    const c = text[pos];
    if (c === undefined) return null;
    const list = this.byLang.get(lang)!.get(c.toLowerCase()) ?? this.byLang.get(lang)!.get(c);
    if (!list) return null;
    for (const { e, lower, latinEnd } of list) {
      const len = e.text.length;
      const s = text.slice(pos, pos + len);
      if (s === e.text || s.toLowerCase() === lower) {
        if (latinEnd && isLatinLetter(text[pos + len])) continue;
        return e;
      }
    }
    return null;
  }

  /** Longest entry ending exactly at `end`. */
  matchBefore(text: string, end: number, lang: RuleLang): T | null {
    const c = text[end - 1];
    if (c === undefined) return null;
    const list = this.byLangLast.get(lang)!.get(c.toLowerCase());
    if (!list) return null;
    for (const { e, lower, latinStart } of list) {
      const start = end - e.text.length;
      if (start < 0) continue;
      const s = text.slice(start, end);
      if (s === e.text || s.toLowerCase() === lower) {
        if (latinStart && isLatinLetter(text[start - 1])) continue;
        return e;
      }
    }
    return null;
  }
}

export function isLatinLetter(c: string | undefined): boolean {
  if (c === undefined) return false;
  // ASCII by code (the common case, asked at every character of a Latin text): the Latin letters and digits there are A-Z, a-z, 0-9.
  const code = c.length === 1 ? c.charCodeAt(0) : 128;
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return /[\p{Script=Latin}\d]/u.test(c);
}

export const UNIT_TABLE = new WordTable(SUFFIX_UNITS, true);
export const PREFIX_CURRENCY_TABLE = new WordTable(PREFIX_CURRENCIES, true);

/** A currency code written against the number (`VND500`, `USD4,56`, `Rs45`): letters before digits that still start a figure. */
export function afterCurrencyCode(text: string, pos: number, lang: RuleLang): boolean {
  const e = PREFIX_CURRENCY_TABLE.matchBefore(text, pos, lang);
  return !!e && /[A-Za-z.]$/.test(e.text) && e.text === text.slice(pos - e.text.length, pos);
}
export const PREFIX_QUALIFIER_TABLE = new WordTable(PREFIX_QUALIFIERS, true);
export const SUFFIX_QUALIFIER_TABLE = new WordTable(SUFFIX_QUALIFIERS, true);
export const RANGE_SEPARATOR_TABLE = new WordTable(RANGE_SEPARATORS, true);
