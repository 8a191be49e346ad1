/**
 * Whitespace: one line per paragraph, single spaces inside lines, no blank lines, no stray invisible characters.
 * Runs of spaces, tabs, no-break and other Unicode spaces become one space; lines are trimmed; CR/CRLF and blank
 * lines collapse to one `\n`, which later stages read as a paragraph (and sentence) break. Zero-width characters
 * are dropped. Kept characters keep their exact offsets.
 */
import { TextBuilder, type TrackedText } from '../offsets.js';

/** Horizontal whitespace: ASCII space and tab, form feed, NBSP, the U+2000 block, narrow NBSP, math space. */
const SPACE = /[ \t\f\v\u00A0\u1680\u2000-\u200A\u202F\u205F]/;
/** Invisible characters a scraper leaves behind: zero-width space/joiners, word joiner, BOM, soft hyphen. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/;
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;

export function collapseWhitespace(src: TrackedText): TrackedText {
  const s = src.text;
  const b = new TextBuilder(src);
  // pendingSpace / pendingBreak: index of the first whitespace of a run not yet emitted (−1 if none);
  // run: start of the current stretch of kept characters, copied in one piece when it ends.
  let pendingSpace = -1;
  let pendingBreak = -1;
  let run = -1;
  let lineHasText = false;
  let anyText = false;
  const flush = (end: number) => {
    if (run >= 0) b.copy(run, end);
    run = -1;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const isBreak = LINE_BREAK.test(c);
    const isSpace = !isBreak && SPACE.test(c);
    if (isBreak || isSpace || INVISIBLE.test(c)) {
      flush(i);
      if (isBreak) {
        if (anyText && pendingBreak < 0) pendingBreak = i;
        pendingSpace = -1;
        lineHasText = false;
      } else if (isSpace && lineHasText && pendingSpace < 0) {
        pendingSpace = i;
      }
      continue;
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
  flush(s.length);
  const out = b.build();
  // Characters are only kept or dropped, so an equal text means an equal map: hand back the input itself.
  return out.text === s ? src : out;
}
