/**
 * Unicode NFC with the offset map kept. Vietnamese arrives both precomposed and decomposed (base letter followed by
 * combining marks: `ư` + U+0300 …); the rules and the number parser see one spelling. A composed character maps to
 * the whole range of the parts it was made from.
 */
import { replaceTracked, type TrackedText } from '../offsets.js';

/**
 * What NFC can change: a base with its combining marks, and the singleton decompositions that occur in scraped
 * text (CJK compatibility ideographs, which also hide in legacy Big5/GBK pages).
 */
const NFC_CANDIDATE = /[^\p{M}]\p{M}+|[\uF900-\uFAFF]|[\u{2F800}-\u{2FA1F}]|[\u2126\u212A\u212B]/gu;

export function toNFC(src: TrackedText): TrackedText {
  if (src.text.normalize('NFC') === src.text) return src;
  return replaceTracked(src, NFC_CANDIDATE, (m) => m[0].normalize('NFC'));
}
