/**
 * A page's publication date: the date its metadata states (meta tags, JSON-LD, a `发布时间：` dateline line, a WARC or
 * JSONL record's date field, as clean/metadata.ts reads them), else a dateline at the head of the text — ISO, Chinese
 * (`2017年3月12日`), ROC (`民國106年3月12日`) or Vietnamese (`(ngày 12/3/2017)`, `12/3/2017`). Only the head counts: a
 * date in the body is what the article speaks of, not when it was written. A fetch date is not a publication date.
 */
import { isoDay, asDay } from './dates.js';

export interface Published {
  date: string | null;
  /** Where it came from: `metadata`, or `dateline` with the words and their offsets in the text searched. */
  from: 'metadata' | 'dateline' | null;
  words?: { text: string; start: number; end: number };
}

/** How far into the cleaned text a dateline is looked for (title, byline, the first lines). */
const HEAD = 200;

const DATELINES: Array<{ re: RegExp; day: (m: RegExpExecArray) => string | null }> = [
  { re: /民[国國]\s*(\d{2,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/, day: (m) => isoDay(+m[1] + 1911, +m[2], +m[3]) },
  { re: /(?<!\d)((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)/, day: (m) => isoDay(+m[1], +m[2], +m[3]) },
  { re: /\(\s*ngày\s+(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)\s*\)/i, day: (m) => isoDay(+m[3], +m[2], +m[1]) },
  { re: /(?:^|\n)[^\n]{0,40}?(?<![\d/])(\d{1,2})\/(\d{1,2})\/((?:19|20)\d\d)(?:\s+\d{1,2}:\d\d)?\s*(?:\n|$)/, day: (m) => isoDay(+m[3], +m[2], +m[1]) },
];

export function resolvePublished(metaDate: string | null | undefined, text: string): Published {
  const fromMeta = asDay(metaDate ?? null);
  if (fromMeta) return { date: fromMeta, from: 'metadata' };
  const head = text.slice(0, HEAD);
  let best: (Published & { at: number }) | null = null;
  for (const { re, day } of DATELINES) {
    const m = re.exec(head);
    if (!m) continue;
    const d = day(m);
    if (d && (!best || m.index < best.at)) best = { date: d, from: 'dateline', words: { text: m[0].trim(), start: m.index, end: m.index + m[0].length }, at: m.index };
  }
  if (!best) return { date: null, from: null };
  const { at: _at, ...out } = best;
  return out;
}
