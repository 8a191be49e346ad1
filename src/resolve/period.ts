/**
 * The interval a figure refers to, from the period words its sentence states (`今年1-9月`, `截至9月末`, `6 tháng đầu năm
 * 2017`, `"十二五"期间`) resolved against the page's publication date. The words that shift or anchor a period
 * (`今年`, `去年`, `以来`, `đến nay`) are data (`resolve.period` in `extractors/<lang>/_language.yaml`); this module is the
 * calendar grammar: years, ROC years, school years, months, quarters, halves, days, ranges, "since", "until".
 *
 * A period that names no year takes the publication year — and the year before when the period would otherwise end
 * after publication (`1-5月` in a page of March 2011 is 2010's): a page reports what has happened.
 */
import type { RuleLang } from '../types.js';
import { isoDay, monthEnd, monthStart, yearOf, asDay } from './dates.js';

export interface PeriodVocabulary {
  this_year?: string[];
  last_year?: string[];
  two_years_ago?: string[];
  next_year?: string[];
  /** The period ends at publication: `目前`, `至今`, `đến nay`. */
  to_date?: string[];
  /** Before a date: the period ends there and its start is not stated (`截至`, `到`, `tính đến`). */
  until?: string[];
  /** After a date: from there to publication (`以来`). */
  since_after?: string[];
  /** Before a date, with a `to_date` word after it: from there to publication (`từ năm 2012 đến nay`). */
  since_before?: string[];
  /** Before `N年`: the N years from the publication year on (`未来十年`). */
  coming?: string[];
  /** The whole year (`全年`, `cả năm`). */
  whole_year?: string[];
  /** End of year (`年底`, `cuối năm`). */
  year_end?: string[];
  /** A part of a period no calendar date bounds (`đầu năm`, `年初`): the interval stays unknown. */
  vague?: string[];
}

export interface Interval {
  start: string | null;
  end: string | null;
}

export interface PeriodResolution extends Interval {
  /** The words that decided, as found in the period phrase: `去年`, `1-9月`, `以来`. */
  how: string[];
  /** The period spans more than one calendar year or runs "since": figures over it are running totals. */
  spansYears: boolean;
}

export interface PeriodOptions {
  /** ISO publication date of the page, or null when unknown (then relative periods stay null). */
  published: string | null;
  /** Bare 2–3 digit years are ROC years (`106年` = 2017): Taiwan pages. */
  rocYears?: boolean;
}

const ZH_NUM: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

function smallNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return +s;
  if (s === '十') return 10;
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? ZH_NUM[m[1]] : 1) * 10 + (m[2] ? ZH_NUM[m[2]] : 0);
  return ZH_NUM[s] ?? null;
}

function has(phrase: string, words: string[] | undefined): string | null {
  const lower = phrase.toLowerCase();
  for (const w of [...(words ?? [])].sort((a, b) => b.length - a.length)) if (lower.includes(w.toLowerCase())) return w;
  return null;
}

/** One calendar unit the phrase names: a year, or part of one. `year` null: no year stated (nor a relative one). */
interface Unit {
  year: number | null;
  endYear?: number;
  /** Months [from, to] within the year (both 1-12), or a day. */
  months?: [number, number];
  day?: number;
  /** School year starting in this month of `year`, ending the month before in the next year. */
  schoolFrom?: number;
  /** Only the end of the unit is meant (`年底`, `9月末`, `cuối năm`). */
  endOnly?: boolean;
  at: number;
  text: string;
}

function unitStart(u: Unit, year: number): string | null {
  if (u.schoolFrom) return monthStart(year, u.schoolFrom);
  if (u.day && u.months) return isoDay(year, u.months[0], u.day);
  return monthStart(year, u.months ? u.months[0] : 1);
}

function unitEnd(u: Unit, year: number): string | null {
  const y = u.endYear ?? year;
  if (u.schoolFrom) {
    if (u.months) return monthEnd(u.schoolFrom + u.months[1] - 1 > 12 ? y + 1 : y, ((u.schoolFrom + u.months[1] - 2) % 12) + 1);
    return monthEnd(y + 1, u.schoolFrom === 1 ? 12 : u.schoolFrom - 1);
  }
  if (u.day && u.months) return isoDay(y, u.months[1], u.day);
  return monthEnd(y, u.months ? u.months[1] : 12);
}

/** Calendar units named in a Chinese period phrase (simplified, half-width). */
function zhUnits(p: string, vocab: PeriodVocabulary, pubYear: number | null, rocYears: boolean): Unit[] {
  const units: Unit[] = [];
  const relYear = (s: string): number | null => {
    if (pubYear === null) return null;
    if (has(s, vocab.two_years_ago)) return pubYear - 2;
    if (has(s, vocab.last_year)) return pubYear - 1;
    if (has(s, vocab.next_year)) return pubYear + 1;
    if (has(s, vocab.this_year)) return pubYear;
    return null;
  };
  // Five-year plans: the Nth from the third (1966) on runs 1966 + 5(N-3) … +4.
  const plan = /十([一二三四五六七八九])?五|([一二三四五六七八九])五(?=计划|规划|时期|期间|末|以来)/.exec(p);
  if (plan) {
    const n = plan[1] ? 10 + ZH_NUM[plan[1]] : ZH_NUM[plan[2]];
    if (n >= 3) {
      const y = 1966 + 5 * (n - 3);
      units.push({ year: y, endYear: y + 4, at: plan.index, text: plan[0] });
    }
  }
  // School years: `2022/23学年` (September on), ROC `105学年度` (August on).
  const school = /(\d{4})\/(\d{2,4})(?:整个)?学年(?:首(\d{1,2})个月)?/.exec(p);
  if (school) units.push({ year: +school[1], schoolFrom: 9, months: school[3] ? [1, +school[3]] : undefined, at: school.index, text: school[0] });
  const rocSchool = /(?<!\d)(\d{2,3})学年度?/.exec(p);
  if (!school && rocSchool) units.push({ year: +rocSchool[1] + 1911, schoolFrom: 8, at: rocSchool.index, text: rocSchool[0] });
  if (units.length) return units;

  // Explicit years (`2016年`, `2016-2018年`, `民国106年`, Taiwan `106年`), each with what follows it.
  const yearRe = rocYears
    ? /(?:民国)?(?<![\d.])(\d{4}|\d{2,3})(?:年)?(?:[-—–~至到](?:民国)?(\d{4}|\d{2,3}))?年/g
    : /(?:民国(\d{2,3})|(?<![\d.])(\d{4}))(?:年)?(?:[-—–~至到](\d{4}))?年/g;
  let m: RegExpExecArray | null;
  const found: Array<{ y: number; y2?: number; at: number; end: number; text: string }> = [];
  while ((m = yearRe.exec(p)) !== null) {
    let y: number;
    let y2: number | undefined;
    if (rocYears) {
      y = +m[1] < 1000 ? +m[1] + 1911 : +m[1];
      if (m[2]) y2 = +m[2] < 1000 ? +m[2] + 1911 : +m[2];
    } else {
      y = m[1] ? +m[1] + 1911 : +m[2];
      if (m[3]) y2 = +m[3];
    }
    found.push({ y, y2, at: m.index, end: m.index + m[0].length, text: m[0] });
  }
  const sub = (s: string): Omit<Unit, 'year' | 'at' | 'text'> | null => {
    let r: RegExpExecArray | null;
    if ((r = /^(\d{1,2})[-—–~至到](\d{1,2})月/.exec(s))) return { months: [+r[1], +r[2]] };
    if ((r = /^(\d{1,2})月(\d{1,2})[日号]/.exec(s))) return { months: [+r[1], +r[1]], day: +r[2] };
    if ((r = /^(\d{1,2})月(?:份)?(末|底)/.exec(s))) return { months: [+r[1], +r[1]], endOnly: true };
    if ((r = /^(\d{1,2})月/.exec(s))) return { months: [+r[1], +r[1]] };
    if ((r = /^前(\d{1,2}|[一二三四五六七八九十]{1,2})个?月/.exec(s))) return { months: [1, smallNumber(r[1]) ?? 12] };
    if (/^上半年/.test(s)) return { months: [1, 6] };
    if (/^下半年/.test(s)) return { months: [7, 12] };
    if ((r = /^前([一二三])季度/.exec(s))) return { months: [1, 3 * ZH_NUM[r[1]]] };
    if ((r = /^第?([一二三四1-4])季度/.exec(s))) {
      const q = smallNumber(r[1])!;
      return { months: [3 * q - 2, 3 * q] };
    }
    if (has(s.slice(0, 3), vocab.year_end)) return { endOnly: true };
    return null;
  };
  for (const f of found) {
    const rest = p.slice(f.end);
    const s = sub(rest);
    units.push({ year: f.y, endYear: f.y2, ...(s ?? {}), at: f.at, text: f.text });
  }
  if (units.length) return units;
  // No explicit year: a relative one (`今年1-9月`, `去年`), or none (`1-5月`, `9月末`, `上半年`).
  const rel = relYear(p);
  const relWord = has(p, [...(vocab.this_year ?? []), ...(vocab.last_year ?? []), ...(vocab.two_years_ago ?? []), ...(vocab.next_year ?? [])]);
  const after = relWord ? p.slice(p.indexOf(relWord) + relWord.length) : p.replace(/^[^\d上下前第一二三四年]*/, '');
  const s = sub(after.replace(/^(?:一整年|全年)/, ''));
  if (relWord || s) units.push({ year: relWord ? rel : null, ...(s ?? {}), at: relWord ? p.indexOf(relWord) : 0, text: relWord ?? after });
  else if (has(p, vocab.whole_year)) units.push({ year: null, at: 0, text: has(p, vocab.whole_year)! });
  return units;
}

/** Calendar units named in a Vietnamese period phrase. */
function viUnits(p: string, vocab: PeriodVocabulary, pubYear: number | null): Unit[] {
  const units: Unit[] = [];
  const re =
    /(?:ngày\s*)?(?<!\d)(\d{1,2})\/(\d{1,2})\/(\d{4})|tháng\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4})|(\d{1,2})\s*tháng đầu(?: năm)?(?:\s*(?:năm\s*)?(\d{4}))?|quý\s*(IV|III|II|I|[1-4])(?:\s*(?:\/|năm)\s*(\d{4}))?|(?:năm\s*)?(?<![\d/])(\d{4})(?:\s*[-–]\s*(\d{4}))?/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p)) !== null) {
    const at = m.index;
    const text = m[0];
    if (m[3]) units.push({ year: +m[3], months: [+m[2], +m[2]], day: +m[1], at, text });
    else if (m[5]) units.push({ year: +m[5], months: [+m[4], +m[4]], at, text });
    else if (m[6]) units.push({ year: m[7] ? +m[7] : null, months: [1, +m[6]], at, text });
    else if (m[8]) {
      const q = ROMAN[m[8].toUpperCase()] ?? +m[8];
      units.push({ year: m[9] ? +m[9] : null, months: [3 * q - 2, 3 * q], at, text });
    } else if (m[10]) units.push({ year: +m[10], endYear: m[11] ? +m[11] : undefined, at, text });
  }
  const lower = p.toLowerCase();
  const rel = pubYear === null ? null : has(p, vocab.last_year) ? pubYear - 1 : has(p, vocab.this_year) ? pubYear : null;
  const relWord = has(p, [...(vocab.last_year ?? []), ...(vocab.this_year ?? [])]);
  // A day or month without a year (`30/11`, `tháng 8`) belongs to the year of the phrase or to the page's.
  if (!units.length) {
    const dm = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?![\d/])/.exec(p);
    const mo = /tháng\s*(\d{1,2})(?![\d/])/i.exec(p);
    if (dm) units.push({ year: rel, months: [+dm[2], +dm[2]], day: +dm[1], at: dm.index, text: dm[0] });
    else if (mo) units.push({ year: rel, months: [+mo[1], +mo[1]], at: mo.index, text: mo[0] });
    else if (relWord) units.push({ year: rel, at: lower.indexOf(relWord.toLowerCase()), text: relWord });
  } else if (rel !== null) {
    for (const u of units) if (u.year === null) u.year = rel;
  }
  if (has(p, vocab.year_end)) for (const u of units) if (!u.months) u.endOnly = true;
  return units;
}

/**
 * Resolves a period phrase. Returns null when the phrase states nothing this grammar reads (`每年`, `hàng năm`): the
 * interval is then unknown, which is not the same as an interval of unknown ends.
 */
export function resolvePeriod(phrase: string, lang: RuleLang, vocab: PeriodVocabulary, opts: PeriodOptions): PeriodResolution | null {
  const p = phrase.replace(/[“”"「」『』]/g, '').replace(/～/g, '~').trim();
  // `Đầu năm 2016`, `今年年初` — but not `6 tháng đầu năm` (the first six months).
  for (const w of vocab.vague ?? []) {
    const i = p.toLowerCase().indexOf(w.toLowerCase());
    if (i === 0 || (i > 0 && p[i - 1] === '年')) return null;
  }
  const published = asDay(opts.published);
  const pubYear = yearOf(published);
  const how: string[] = [];
  const toDate = has(p, vocab.to_date);
  const until = (() => {
    for (const w of [...(vocab.until ?? [])].sort((a, b) => b.length - a.length)) {
      const i = p.toLowerCase().indexOf(w.toLowerCase());
      if (i >= 0 && i <= 2) return w; // a prefix word: `截至`, `到`, `Tính đến`
    }
    return null;
  })();
  const sinceAfter = has(p, vocab.since_after);
  const sinceBefore = (() => {
    for (const w of vocab.since_before ?? []) if (p.toLowerCase().startsWith(w.toLowerCase())) return w;
    return null;
  })();

  // `未来十年`: the publication year and the N-1 after it.
  const coming = has(p, vocab.coming);
  if (coming) {
    const n = new RegExp(`${coming}(\\d{1,2}|[一二两三四五六七八九十]{1,2})年`).exec(p);
    const k = n ? smallNumber(n[1]) : null;
    if (k && pubYear !== null) return { start: `${pubYear}-01-01`, end: `${pubYear + k - 1}-12-31`, how: [n![0]], spansYears: k > 1 };
    return null;
  }

  const units = lang === 'vi' ? viUnits(p, vocab, pubYear) : zhUnits(p, vocab, pubYear, !!opts.rocYears);

  // Only words of "now": `目前`, `至今`, `hiện nay` — and `近3年来` (its start is not a date).
  if (!units.length || units.every((u) => u.year === null && !u.months && !u.day)) {
    if (toDate) return { start: null, end: published, how: [toDate], spansYears: false };
    if (sinceAfter && /(?:\d+|[一二两三四五六七八九十]+)年/.test(p)) return { start: null, end: published, how: [p], spansYears: true };
    if (units.length && units[0].year !== null) {
      // `全年`: the publication year (the page speaks of its own year).
      const y = units[0].year;
      return { start: `${y}-01-01`, end: `${y}-12-31`, how: [units[0].text], spansYears: false };
    }
    if (units.length && has(p, vocab.whole_year) && pubYear !== null) {
      return { start: `${pubYear}-01-01`, end: `${pubYear}-12-31`, how: [units[0].text], spansYears: false };
    }
    return null;
  }

  // A unit without a year takes the publication year, or the year before when it would end after publication.
  const yearFor = (u: Unit): number | null => {
    if (u.year !== null) return u.year;
    if (pubYear === null) return null;
    const end = unitEnd(u, pubYear);
    return end && published && end > published ? pubYear - 1 : pubYear;
  };
  const first = units[0];
  const last = units[units.length - 1];
  const y0 = yearFor(first);
  const y1 = yearFor(last);
  for (const u of units) how.push(u.text);
  if (y0 === null || y1 === null) return { start: null, end: null, how, spansYears: false };
  let start = first.endOnly ? null : unitStart(first, y0);
  let end = unitEnd(last, y1);
  if (last.endOnly && units.length === 1) start = null;

  if (units.length === 1 && until && !sinceBefore) {
    how.unshift(until);
    start = null;
  }
  // `2008年至2010年3年间`: a range of years says where the span ends.
  if (sinceAfter && last.endYear !== undefined && !toDate) {
    how.push(sinceAfter);
    return { start, end, how, spansYears: true };
  }
  // `từ 1/10/2017` with no end: from that date on, the end not stated.
  if (sinceBefore && !toDate && !sinceAfter && units.length === 1) {
    how.unshift(sinceBefore);
    return { start, end: null, how, spansYears: false };
  }
  if (sinceAfter || (sinceBefore && toDate)) {
    how.push(sinceAfter ?? toDate!);
    end = published;
    if (units.length === 1 && first.months && !first.endOnly) start = unitStart(first, y0);
  }
  // More than a year (a school year or a 12-month span across New Year is one period, not a running total).
  const longer = !!start && !!end && Date.parse(end) - Date.parse(start) > 366 * 86_400_000;
  const spansYears = !!(sinceAfter || (sinceBefore && toDate)) || longer;
  return { start, end, how, spansYears };
}

/**
 * `2016年-2018年…分别为…` (`2016-2018年分别为3、5、8亿元`): the year a list figure stands for, by its place among the
 * list's figures. `figureIndex` is the figure's index among those after `分别`/`lần lượt`; `figureCount` how many there
 * are. Null unless the sentence names exactly as many years as the list has figures.
 */
export function yearOfListPosition(sentenceBeforeList: string, figureIndex: number, figureCount: number): number | null {
  const range = /(?<!\d)(\d{4})年?\s*[-—–~至到]\s*(\d{4})年?/.exec(sentenceBeforeList);
  let years: number[] = [];
  if (range && +range[2] > +range[1] && +range[2] - +range[1] < 30) {
    for (let y = +range[1]; y <= +range[2]; y++) years.push(y);
  } else {
    const list = /(?<!\d)(\d{4})年?(?:\s*[、,，和及与và]\s*(?:năm\s*)?(\d{4})年?)+/.exec(sentenceBeforeList);
    if (list) years = [...list[0].matchAll(/\d{4}/g)].map((x) => +x[0]);
  }
  if (years.length < 2 || years.length !== figureCount || figureIndex >= years.length) return null;
  return years[figureIndex];
}
