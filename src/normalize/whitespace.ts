/**
 * Whitespace: one line per paragraph, single spaces inside lines, no blank lines, no stray invisible characters.
 * Runs of spaces, tabs, no-break and other Unicode spaces become one space; lines are trimmed; CR/CRLF and blank
 * lines collapse to one `\n`, which later stages read as a paragraph (and sentence) break. Zero-width characters
 * are dropped. Kept characters keep their exact offsets.
 */
import { TextBuilder, type TrackedText } from '../offsets.js';

/** Horizontal whitespace: ASCII space and tab, form feed, NBSP, the U+2000 block, narrow NBSP, math space. */
function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0c || c === 0x0b || (c >= 0x80 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f));
}
/** Invisible characters a scraper leaves behind: zero-width space/joiners, word joiner, BOM, soft hyphen. */
function isInvisible(c: number): boolean {
  return c >= 0xad && (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff);
}
/** Line breaks: CR, LF, line and paragraph separators, NEL. */
function isLineBreak(c: number): boolean {
  return c === 0x0a || c === 0x0d || (c >= 0x85 && (c === 0x85 || c === 0x2028 || c === 0x2029));
}

export function collapseWhitespace(src: TrackedText): TrackedText {
  const s = src.text;
  const b = new TextBuilder(src);
  // pendingSpace / pendingBreak: index of the first whitespace of a run not yet emitted (−1 if none);
  // [run, runEnd): the current stretch of kept characters (runEnd −1 while it goes on), copied in one piece when
  // the next kept character shows it has really ended. A single ' ' or '\n' between two stretches is emitted as
  // itself, which is what copying it gives: the stretch then simply goes on over it (most of a page's spaces).
  let pendingSpace = -1;
  let pendingBreak = -1;
  let run = -1;
  let runEnd = -1;
  let lineHasText = false;
  let anyText = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Most characters are none of these: one comparison answers for all printable ASCII but space.
    const isBreak = c < 0x21 || c >= 0x7f ? isLineBreak(c) : false;
    const isSpaceChar = !isBreak && (c < 0x21 || c >= 0x7f) && isSpace(c);
    if (isBreak || isSpaceChar || (c >= 0x7f && isInvisible(c))) {
      if (run >= 0 && runEnd < 0) runEnd = i;
      if (isBreak) {
        if (anyText && pendingBreak < 0) pendingBreak = i;
        pendingSpace = -1;
        lineHasText = false;
      } else if (isSpaceChar && lineHasText && pendingSpace < 0) {
        pendingSpace = i;
      }
      continue;
    }
    if (runEnd >= 0) {
      // The stretch before went up to runEnd; it goes on when the one emitted character is runEnd itself, as is.
      const at = pendingBreak >= 0 ? pendingBreak : pendingSpace;
      const as = pendingBreak >= 0 ? 0x0a : 0x20;
      if (at === runEnd && at + 1 === i && s.charCodeAt(at) === as) {
        runEnd = -1;
        pendingBreak = -1;
        pendingSpace = -1;
      } else {
        b.copy(run, runEnd);
        run = -1;
        runEnd = -1;
      }
    }
    if (pendingBreak >= 0) {
      b.replace(pendingBreak, pendingBreak + 1, '\n');
    } else if (pendingSpace >= 0) {
      b.replace(pendingSpace, pendingSpace + 1, ' ');
    }
    pendingBreak = -1;
    pendingSpace = -1;
    if (run < 0) run = i;
    lineHasText = true;
    anyText = true;
  }
  if (run >= 0) b.copy(run, runEnd >= 0 ? runEnd : s.length);
  const out = b.build();
  // Characters are only kept or dropped, so an equal text means an equal map: hand back the input itself.
  return out.text === s ? src : out;
}
