/**
 * Stage 2, clean: a decoded page → the article's title line and body text, every character mapped back into
 * `page.content`, plus metadata. HTML goes through the DOM cleaner, text dumps through the line-based cleaner; both
 * share one boilerplate vocabulary (boilerplate.ts).
 */
import type { CleanDoc, DecodedPage, PageMessage } from '../types.js';
import { cleanHtml } from './html.js';
import { cleanTextDump } from './text.js';

export { cleanHtml } from './html.js';
export { cleanTextDump } from './text.js';

/** Stage 2. Why a page has no text is appended to `messages` (the page's one list). */
export function cleanPage(page: DecodedPage, messages: PageMessage[] = []): CleanDoc {
  return page.format === 'html' ? cleanHtml(page, messages) : cleanTextDump(page, messages);
}
