/**
 * Full-width (and ideographic) forms to their ASCII twins: `１２３` → `123`, `，` → `,`, `（` → `(`, U+3000 → space.
 * One character for one, so the offset map stays exact. Chinese punctuation that has no ASCII twin (`、` `。` `“”`
 * `《》`) is left alone: it is not in the full-width block.
 */
import { TrackedText } from '../offsets.js';

/** U+FF01–U+FF5E are ASCII U+0021–U+007E shifted by 0xFEE0; U+3000 is the ideographic space. */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;
const FULL_WIDTH_OFFSET = 0xfee0;

export function foldChar(c: string): string {
  const cp = c.charCodeAt(0);
  if (cp === 0x3000) return ' ';
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - FULL_WIDTH_OFFSET);
  return c;
}

export function foldWidth(src: TrackedText): TrackedText {
  FULL_WIDTH.lastIndex = 0;
  if (!FULL_WIDTH.test(src.text)) return src;
  // One character for one: the map stays the input's (copied, so that no two texts share an array).
  return new TrackedText(src.text.replace(FULL_WIDTH, foldChar), src.starts.slice(), src.ends.slice());
}
