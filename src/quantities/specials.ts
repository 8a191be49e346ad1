/**
 * Numbers that are never quantities, found by shape before any number is read: phone numbers, document and decree
 * numbers, ICP and postcodes (identifier), numeric dates and times (date). One pass per pattern over the text.
 */
import type { QuantityKind } from './types.js';

const D = '[0-9０-９]';
const ND = '(?<![0-9０-９])';
const NDA = '(?![0-9０-９])';

interface SpecialPattern {
  kind: QuantityKind;
  re: RegExp;
  /**
   * The expression to run on this text, or null when it cannot match there: a literal the pattern needs is missing.
   * Only for patterns that are slow to run (a lookbehind or a long run tried at every position); the result is the same.
   */
  choose?: (text: string) => RegExp | null;
}

const URL = /(?:https?:\/\/|www\.)[^\s，。、；）)"'<>]+/g;
const URL_OR_EMAIL = new RegExp(`${URL.source}|[\\w.+-]+@[\\w-]+\\.[\\w.-]+`, 'g');

/** `ngày 16/6`. */
const NGAY_DATE = new RegExp(`(?<=(?:ngày|Ngày|NGÀY)\\s?)${D}{1,2}[/／]${D}{1,2}${NDA}(?![/／])`, 'g');

const PATTERNS: SpecialPattern[] = [
  // Addresses on the web: numbers inside URLs and e-mail addresses are never figures. The e-mail branch tries a run of
  // word characters at every position of a text: without an `@`, only the URL branch can match.
  {
    kind: 'identifier',
    re: URL_OR_EMAIL,
    choose: (t) => (t.includes('@') ? URL_OR_EMAIL : t.includes('http') || t.includes('www.') ? URL : null),
  },
  // Phones: 0573-88118696, (86)0573-88118696, 400-123-4567, 13912345678, 0912.345.678, 024 3825 1234.
  { kind: 'identifier', re: new RegExp(`(?:[(（]\\+?${D}{1,4}[)）]\\s?)?${ND}0${D}{2,3}[-－—]${D}{7,8}(?:[-－]${D}{1,4})?${NDA}`, 'g') },
  { kind: 'identifier', re: new RegExp(`${ND}[48]00[-－]?${D}{3}[-－]?${D}{4}${NDA}`, 'g') },
  { kind: 'identifier', re: new RegExp(`${ND}1[3-9]${D}{9}${NDA}`, 'g') },
  { kind: 'identifier', re: new RegExp(`${ND}(?:\\+84\\s?|0)${D}{2,4}[.\\s]${D}{3}[.\\s]${D}{3,4}${NDA}`, 'g') },
  // Decrees and official letters: 134/2004/NĐ-CP, 341/UBND-CN, 12/2019/TT-BTC.
  { kind: 'identifier', re: new RegExp(`${ND}${D}+[/／]${D}{4}[/／][A-ZĐ][\\p{L}0-9\\-–]*`, 'gu') },
  { kind: 'identifier', re: new RegExp(`${ND}${D}+[/／](?:[A-ZĐ]{2,}|[A-ZĐ]+[-–][A-ZĐ]+)[\\p{L}0-9\\-–]*`, 'gu') },
  // Chinese document numbers: [2006]33号, 〔2006〕33号, 浙新办2006[33]号, 第12号令.
  { kind: 'identifier', re: new RegExp(`[\\[〔［【(（]\\s*${D}{4}\\s*[\\]〕］】)）]\\s*(?:第\\s*)?${D}+\\s*[号號]`, 'g') },
  { kind: 'identifier', re: new RegExp(`${ND}${D}{4}\\s*[\\[〔［【]\\s*${D}+\\s*[\\]〕］】]\\s*[号號]`, 'g') },
  // ICP numbers and postcodes.
  { kind: 'identifier', re: new RegExp(`ICP\\s*[备備证證]?\\s*[:：]?\\s*${D}+(?:\\s*[号號])?(?:-${D}+)?`, 'gi') },
  { kind: 'identifier', re: new RegExp(`(?:邮编|郵編|邮政编码|郵政編碼|postcode|zip code|mã bưu chính)\\s*[:：]?\\s*${D}{5,6}${NDA}`, 'gi') },
  // Dates and times: 16/6/2006, 2006-10-12, 10/2005, ngày 16/6, 20:30.
  { kind: 'date', re: new RegExp(`${ND}${D}{1,2}[/／.-]${D}{1,2}[/／.-](?:19|20)?${D}{2}${NDA}`, 'g') },
  { kind: 'date', re: new RegExp(`${ND}(?:1[89]|20)${D}{2}[-/／.]${D}{1,2}[-/／.]${D}{1,2}${NDA}`, 'g') },
  { kind: 'date', re: new RegExp(`${ND}(?:0?[1-9]|1[0-2])[/／](?:19|20)${D}{2}${NDA}`, 'g') },
  // The lookbehind is tried at every position: run only on a text that holds the word.
  { kind: 'date', re: NGAY_DATE, choose: (t) => (t.includes('ngày') || t.includes('Ngày') || t.includes('NGÀY') ? NGAY_DATE : null) },
  { kind: 'date', re: new RegExp(`${ND}(?:[01]?${D}|2[0-3])[:：][0-5]${D}(?:[:：][0-5]${D})?${NDA}`, 'g') },
  // Digit groups joined by more than one dot (`192.168.0.1`, `3.2.1`, `2222.2222.22222.222`): an address, a version or
  // a section number. Listed after the dates so `16.6.2006` stays a date; Vietnamese thousands (`1.234.567`, groups
  // of exactly three) are not matched.
  { kind: 'identifier', re: new RegExp(`${ND}(?!${D}{1,3}(?:\\.${D}{3})+(?![.0-9０-９]))${D}+(?:\\.${D}+){2,}${NDA}(?!\\.${D})`, 'g') },
];

export interface SpecialSpan {
  start: number;
  end: number;
  kind: QuantityKind;
}

/** All identifier and date spans, sorted, without overlaps (the earliest, then longest, wins). */
export function findSpecials(text: string): SpecialSpan[] {
  const found: SpecialSpan[] = [];
  for (const p of PATTERNS) {
    const re = p.choose ? p.choose(text) : p.re;
    if (!re) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) found.push({ start: m.index!, end: m.index! + m[0].length, kind: p.kind });
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: SpecialSpan[] = [];
  for (const s of found) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}
