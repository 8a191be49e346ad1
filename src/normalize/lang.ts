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
import { CodePointReader } from './codepoints.js';

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

/** What one code point counts as (see detectLanguage), as an index into the counts. */
const KIND = { none: 1, hanTraditional: 2, hanSimplified: 3, hanOther: 4, vietLatin: 5, vietOther: 6, latin: 7 } as const;

function classify(c: string): number {
  if (HAN.test(c)) return isTraditionalForm(c) ? KIND.hanTraditional : isSimplifiedForm(c) ? KIND.hanSimplified : KIND.hanOther;
  if (VIETNAMESE_MARK.test(c)) return LATIN.test(c) ? KIND.vietLatin : KIND.vietOther;
  return LATIN.test(c) ? KIND.latin : KIND.none;
}

const reader = new CodePointReader(classify);

export function detectLanguage(text: string): Lang {
  const { n, kinds } = reader.read(sampleText(text));
  const counts = [0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) counts[kinds[i]]++;
  const traditional = counts[KIND.hanTraditional];
  const simplified = counts[KIND.hanSimplified];
  const han = traditional + simplified + counts[KIND.hanOther];
  const latin = counts[KIND.vietLatin] + counts[KIND.latin];
  const viet = counts[KIND.vietLatin] + counts[KIND.vietOther];
  if (han > 0 && han >= latin * HAN_PER_LATIN) return traditional > simplified ? 'zh-Hant' : 'zh-Hans';
  if (latin > 0 && viet / latin >= VIETNAMESE_SHARE) return 'vi';
  return 'en';
}
