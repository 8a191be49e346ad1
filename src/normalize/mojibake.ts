/**
 * Flag spans of normalized text that look like mojibake, so that no fact is read from garbage.
 *
 * Three signatures, each cheap and each rare in clean text:
 * 1. A damaged stretch of Chinese: around a U+FFFD or a `?` that touches a Han character, count the odd things
 *    nearby — the `?`/U+FFFD itself, ASCII punctuation glued to it, Han characters outside the 3,755 common ones
 *    (GB2312 level 1), a lone Latin letter between Han characters. A clean question mark scores 1 (`吗?我们`),
 *    a broken one piles up signs (`担?;鸬娘L险`: `?` `;` `鸬` `L`).
 * 2. UTF-8 read as GBK: runs of Han characters made mostly of uncommon ones (`鏂囨湰`, `鍙戝竷`), and the
 *    notorious `锟斤拷` (U+FFFD's bytes read twice).
 * 3. UTF-8 read as Latin-1/cp1252: `Ã©`, `Â `, `â€™`, `Ä‘`, `á»‡` (never a lone `á”`: Vietnamese `giá”`).
 */
import type { Flag } from '../types.js';
import { COMMON_HAN } from './charsets.js';

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;
/**
 * ASCII punctuation that does not follow a real question mark: closers (`?)` `?"`), more `?`/`!` (`???`, `?!`) and
 * sentence punctuation can; `?;` and `?#` come from broken bytes.
 */
const GLUED_PUNCT = /[;:<>=@#$%^&*_~|\\/`+]/;

function isHan(c: string | undefined): boolean {
  return c !== undefined && HAN.test(c);
}
function isRareHan(c: string): boolean {
  return HAN.test(c) && !COMMON_HAN.has(c);
}

/** How far a damaged stretch is followed from its anchor, and how much oddness makes it a flag. */
const REACH = 3;
const THRESHOLD = 3;

/**
 * Oddness of one character of a stretch, judged with its neighbours; null for a plain character. Weights: a lone
 * uncommon character is weak evidence (names, 尴尬), glued punctuation and a Latin letter wedged between Han
 * characters are strong.
 */
function oddness(chars: string[], i: number): number | null {
  const c = chars[i];
  if (c === '\uFFFD') return THRESHOLD;
  if (c === '?') return chars[i - 1] === '?' ? 0 : 1; // a run of ??? counts once
  if (GLUED_PUNCT.test(c) && (chars[i - 1] === '?' || chars[i - 1] === '\uFFFD')) return 1.5;
  if (LATIN_LETTER.test(c) && isHan(chars[i - 1]) && isHan(chars[i + 1])) return 1.5;
  if (isRareHan(c)) return 0.5;
  if (/[\uE000-\uF8FF\u0080-\u009F]/.test(c)) return 1;
  return null;
}

/**
 * Signature 1: grow a stretch from an anchor over odd characters (tolerating one plain character at a time),
 * flag it when the oddness adds up.
 */
function damagedStretches(chars: string[], offsets: number[], out: Flag[]): void {
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const anchor = c === '\uFFFD' || (c === '?' && (isHan(chars[i - 1]) || isHan(chars[i + 1])));
    if (!anchor) continue;
    let score = oddness(chars, i) ?? 0;
    let lo = i;
    let hi = i;
    for (let dir = -1; dir <= 1; dir += 2) {
      let plain = 0;
      for (let j = i + dir; j >= 0 && j < chars.length && Math.abs(j - i) <= REACH + 1; j += dir) {
        if (/\s/.test(chars[j])) break;
        const odd = oddness(chars, j);
        if (odd === null) {
          if (++plain > 1) break;
          continue;
        }
        plain = 0;
        score += odd;
        if (dir < 0) lo = j;
        else hi = j;
      }
    }
    if (score >= THRESHOLD) out.push({ kind: 'mojibake', start: offsets[lo], end: offsets[hi + 1] });
  }
}

/**
 * Signature 2: UTF-8 bytes read as GBK give long runs of uncommon characters. Judged in windows of a Han run, so
 * one garbled clause inside a clean paragraph is still caught; short runs (a name like 绮梦璇玑) are not judged.
 */
const WINDOW = 8;
const MIN_RUN = 5;
const MIN_RARE = 4;
const RARE_SHARE = 0.6;

function rareRuns(chars: string[], offsets: number[], out: Flag[]): void {
  for (let i = 0; i < chars.length; ) {
    if (!isHan(chars[i])) {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && isHan(chars[j])) j++;
    if (j - i >= MIN_RUN) {
      for (let w = i; w < j; w += WINDOW / 2) {
        const end = Math.min(j, w + WINDOW);
        const len = end - w;
        let rare = 0;
        for (let k = w; k < end; k++) if (!COMMON_HAN.has(chars[k])) rare++;
        if (len >= MIN_RUN && rare >= MIN_RARE && rare >= RARE_SHARE * len) {
          out.push({ kind: 'mojibake', start: offsets[w], end: offsets[end] });
        }
        if (end === j) break;
      }
    }
    i = j;
  }
}

/** Signatures 2b and 3: literal patterns. */
const LITERAL =
  /(?:锟斤拷|烫烫烫|屯屯屯)+|(?:[ÃÂÄÅÆ]|á»|áº)[\u0080-\u00BF\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC]+|â€[\u0080-\u00BF\u2018-\u201E\u2122\u02DC]?/g;

function literalPatterns(text: string, out: Flag[]): void {
  LITERAL.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LITERAL.exec(text)) !== null) out.push({ kind: 'mojibake', start: m.index, end: m.index + m[0].length });
}

/** Sort and merge overlapping or touching flags. */
function merge(flags: Flag[]): Flag[] {
  flags.sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Flag[] = [];
  for (const f of flags) {
    const last = out[out.length - 1];
    if (last && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else out.push({ ...f });
  }
  return out;
}

/** Mojibake flags on (normalized) text, as UTF-16 offsets into it, merged and sorted. */
export function findMojibake(text: string): Flag[] {
  const flags: Flag[] = [];
  literalPatterns(text, flags);
  if (/[?\uFFFD]/.test(text) || /\p{Script=Han}/u.test(text)) {
    // Work on code points (rare Han characters can be astral), remembering each one's UTF-16 offset.
    const chars = [...text];
    const offsets: number[] = new Array(chars.length + 1);
    let o = 0;
    for (let k = 0; k < chars.length; k++) {
      offsets[k] = o;
      o += chars[k].length;
    }
    offsets[chars.length] = o;
    damagedStretches(chars, offsets, flags);
    rareRuns(chars, offsets, flags);
  }
  return merge(flags);
}

/** True when [start, end) overlaps a flag. */
export function isFlagged(flags: readonly Flag[], start: number, end: number): boolean {
  return flags.some((f) => f.start < end && start < f.end);
}
