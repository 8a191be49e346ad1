/**
 * What a reader sees of a document: its cleaned text and title without the pinyin notes some converters leave after
 * every character (`創(chuàng)業(yè)` → `創業`). The normalized text has none (the pipeline strips them); the cleaned
 * text keeps everything of the page, so the web interface strips them for display. The "original page" view keeps
 * them: it shows the page as it was.
 */
import { stripPinyinNotes } from '../normalize/pinyin.js';
import { TrackedText } from '../offsets.js';
import type { StoredDocument } from '../store/types.js';

const readerTexts = new WeakMap<StoredDocument, TrackedText>();

/** The cleaned text without pinyin notes, still mapped to the original page (facts and hits find their characters). */
export function readerText(doc: StoredDocument): TrackedText {
  let t = readerTexts.get(doc);
  if (!t) {
    t = stripPinyinNotes(doc.clean);
    readerTexts.set(doc, t);
  }
  return t;
}

/** A title (or any short text) without pinyin notes. */
export function readerTitle(title: string): string;
export function readerTitle(title: string | null): string | null;
export function readerTitle(title: string | null): string | null {
  return title === null ? null : stripPinyinNotes(TrackedText.fromOriginal(title)).text;
}
