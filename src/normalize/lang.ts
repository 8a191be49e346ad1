/**
 * Language of a document: 'zh-Hans' | 'zh-Hant' | 'vi' | 'en'.
 *
 * Cheap by design: looks at a sample of the text (a few slices spread over it), counts Han characters against Latin
 * letters, and then
 * - for Chinese, characters that OpenCC's character tables would change: a traditional form changes under t→s
 *   (發, 們, 萬), a simplified one under s→t (发, 们, 万); the larger count wins, ties go to simplified;
 * - for Latin script, Vietnamese's own letters and tone marks (ă â đ ê ô ơ ư, ạ ả ấ … ỹ, composed or as
 *   combining marks); enough of them and the text is Vietnamese, otherwise English.
 */
import type { Lang } from '../types.js';
import { isSimplifiedForm, isTraditionalForm } from './chinese.js';

const SAMPLE_SLICES = 4;
const SLICE_LENGTH = 4000;

/** Up to SAMPLE_SLICES slices spread evenly over the text (the whole text when it is short). */
export function sampleText(text: string): string {
  if (text.length <= SAMPLE_SLICES * SLICE_LENGTH) return text;
  const parts: string[] = [];
  const step = (text.length - SLICE_LENGTH) / (SAMPLE_SLICES - 1);
  for (let k = 0; k < SAMPLE_SLICES; k++) {
    const at = Math.round(k * step);
    parts.push(text.slice(at, at + SLICE_LENGTH));
  }
  return parts.join('\n');
}

const HAN = /\p{Script=Han}/u;
const LATIN = /\p{Script=Latin}/u;
/**
 * Letters that mark Vietnamese: ă â đ ê ô ơ ư and ĩ ũ, the whole Latin Extended Additional block used for tones
 * (U+1EA0–U+1EF9), and the five tone marks when they arrive as combining characters.
 */
const VIETNAMESE_MARK = /[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1EA0-\u1EF9\u0300\u0301\u0303\u0309\u0323]/;

/** Han characters per Latin letter above which a text is Chinese (a Han character carries about a word). */
const HAN_PER_LATIN = 0.25;
/** Share of Vietnamese marks among Latin letters above which a text is Vietnamese (real text: 15–30 %). */
const VIETNAMESE_SHARE = 0.04;

/** What one code point counts as (see detectLanguage); 0 = not yet known. */
const NONE = 1;
const HAN_TRADITIONAL = 2;
const HAN_SIMPLIFIED = 3;
const HAN_OTHER = 4;
const VIET_LATIN = 5;
const VIET_OTHER = 6;
const LATIN_ONLY = 7;

function classify(c: string): number {
  if (HAN.test(c)) return isTraditionalForm(c) ? HAN_TRADITIONAL : isSimplifiedForm(c) ? HAN_SIMPLIFIED : HAN_OTHER;
  if (VIETNAMESE_MARK.test(c)) return LATIN.test(c) ? VIET_LATIN : VIET_OTHER;
  return LATIN.test(c) ? LATIN_ONLY : NONE;
}

/** Classes of BMP code units, filled as they are met (the expressions and OpenCC tables run once per character). */
const bmpClass = new Uint8Array(0x10000);
const astralClass = new Map<number, number>();

export function detectLanguage(text: string): Lang {
  const sample = sampleText(text);
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  // By code point, as string iteration goes: a surrogate pair is one character, a lone half is one of its own.
  for (let i = 0; i < sample.length; i++) {
    const u = sample.charCodeAt(i);
    let k: number;
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < sample.length) {
      const lo = sample.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        const cp = ((u - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
        k = astralClass.get(cp) ?? 0;
        if (k === 0) astralClass.set(cp, (k = classify(String.fromCodePoint(cp))));
        counts[k]++;
        continue;
      }
    }
    k = bmpClass[u];
    if (k === 0) bmpClass[u] = k = classify(String.fromCharCode(u));
    counts[k]++;
  }
  const traditional = counts[HAN_TRADITIONAL];
  const simplified = counts[HAN_SIMPLIFIED];
  const han = traditional + simplified + counts[HAN_OTHER];
  const latin = counts[VIET_LATIN] + counts[LATIN_ONLY];
  const viet = counts[VIET_LATIN] + counts[VIET_OTHER];
  if (han > 0 && han >= latin * HAN_PER_LATIN) return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
  if (latin > 0 && viet / latin >= VIETNAMESE_SHARE) return 'vi';
  return 'en';
}
