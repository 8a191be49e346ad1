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
import { CodePointReader, type CodePoints } from './codepoints.js';

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /[A-Za-z]/;
/**
 * ASCII punctuation that does not follow a real question mark: closers (`?)` `?"`), more `?`/`!` (`???`, `?!`) and
 * sentence punctuation can; `?;` and `?#` come from broken bytes.
 */
const GLUED_PUNCT = /[;:<>=@#$%^&*_~|\\/`+]/;
/** Private-use characters and C1 controls: what a broken decoder leaves. */
const CONTROL_OR_PRIVATE = /[\uE000-\uF8FF\u0080-\u009F]/;
const SPACE = /\s/;

/**
 * What a code point is, as bits (the expressions above run once per distinct character, then are remembered);
 * KNOWN keeps the kind of a plain character non-zero.
 */
const IS_HAN = 1;
const IS_COMMON_HAN = 2;
const IS_SPACE = 4;
const IS_GLUED = 8;
const IS_LATIN = 16;
const IS_CONTROL = 32;
const KNOWN = 128;

function classify(c: string): number {
  let k = KNOWN;
  if (HAN.test(c)) k |= IS_HAN;
  if (COMMON_HAN.has(c)) k |= IS_COMMON_HAN;
  if (SPACE.test(c)) k |= IS_SPACE;
  if (GLUED_PUNCT.test(c)) k |= IS_GLUED;
  if (LATIN_LETTER.test(c)) k |= IS_LATIN;
  if (CONTROL_OR_PRIVATE.test(c)) k |= IS_CONTROL;
  return k;
}
const reader = new CodePointReader(classify);

const QUESTION = 0x3f;
const REPLACEMENT = 0xfffd;

/** How far a damaged stretch is followed from its anchor, and how much oddness makes it a flag. */
const REACH = 3;
const THRESHOLD = 3;
/** oddness() of a plain character. */
const PLAIN = -1;

/**
 * Oddness of one character of a stretch, judged with its neighbours; PLAIN for a plain character. Weights: a lone
 * uncommon character is weak evidence (names, 尴尬), glued punctuation and a Latin letter wedged between Han
 * characters are strong.
 */
function oddness({ n, cps, kinds }: CodePoints, i: number): number {
  const c = cps[i];
  const k = kinds[i];
  const prev = i > 0 ? cps[i - 1] : -1;
  if (c === REPLACEMENT) return THRESHOLD;
  if (c === QUESTION) return prev === QUESTION ? 0 : 1; // a run of ??? counts once
  if (k & IS_GLUED && (prev === QUESTION || prev === REPLACEMENT)) return 1.5;
  if (k & IS_LATIN && i > 0 && kinds[i - 1] & IS_HAN && i + 1 < n && kinds[i + 1] & IS_HAN) return 1.5;
  if (k & IS_HAN && !(k & IS_COMMON_HAN)) return 0.5;
  if (k & IS_CONTROL) return 1;
  return PLAIN;
}

/**
 * Signature 1: grow a stretch from an anchor over odd characters (tolerating one plain character at a time),
 * flag it when the oddness adds up.
 */
function damagedStretches(t: CodePoints, out: Flag[]): void {
  const { n, cps, kinds, offsets } = t;
  for (let i = 0; i < n; i++) {
    const c = cps[i];
    const anchor = c === REPLACEMENT || (c === QUESTION && ((i > 0 && kinds[i - 1] & IS_HAN) || (i + 1 < n && kinds[i + 1] & IS_HAN)));
    if (!anchor) continue;
    let score = Math.max(oddness(t, i), 0);
    let lo = i;
    let hi = i;
    for (let dir = -1; dir <= 1; dir += 2) {
      let plain = 0;
      for (let j = i + dir; j >= 0 && j < n && Math.abs(j - i) <= REACH + 1; j += dir) {
        if (kinds[j] & IS_SPACE) break;
        const odd = oddness(t, j);
        if (odd === PLAIN) {
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

function rareRuns({ n, kinds, offsets }: CodePoints, out: Flag[]): void {
  for (let i = 0; i < n; ) {
    if (!(kinds[i] & IS_HAN)) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && kinds[j] & IS_HAN) j++;
    if (j - i >= MIN_RUN) {
      for (let w = i; w < j; w += WINDOW / 2) {
        const end = Math.min(j, w + WINDOW);
        const len = end - w;
        let rare = 0;
        for (let k = w; k < end; k++) if (!(kinds[k] & IS_COMMON_HAN)) rare++;
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
    const t = reader.read(text);
    damagedStretches(t, flags);
    rareRuns(t, flags);
  }
  return merge(flags);
}

/** True when [start, end) overlaps a flag. */
export function isFlagged(flags: readonly Flag[], start: number, end: number): boolean {
  return flags.some((f) => f.start < end && start < f.end);
}
