/**
 * How deeply a page's HTML nests, measured before the page is parsed: thousands of nested elements are a broken or
 * hostile page (the parser and the cleaner's tree walks would take seconds or overflow the stack), never an article.
 * A fast tag scan over the bytes read as Latin-1 (tag names are ASCII in every encoding a page comes in): void
 * elements and elements whose end tag may be left out (p, li, td, …) do not count, so sloppy but ordinary HTML
 * stays far below the limit.
 */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
const OPTIONAL_END = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'option', 'optgroup', 'rb', 'rt', 'rp', 'colgroup', 'html', 'head', 'body']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript']);

export const MAX_NESTING = 1000;

/** The deepest nesting of elements in the page (stops counting once past `stopAt`). */
export function nestingDepth(bytes: Uint8Array, stopAt = MAX_NESTING + 1): number {
  // Case is folded per tag name, not over the whole page (a second copy of a large page for nothing).
  const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const tag = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>/g;
  let depth = 0;
  let max = 0;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(html))) {
    if (!m[2]) continue; // a comment
    const name = m[2].toLowerCase();
    if (VOID.has(name) || OPTIONAL_END.has(name) || m[3]) continue;
    if (m[1]) {
      if (depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skip to the end tag: scripts may hold '<div>' in strings.
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = tag.lastIndex;
      const found = close.exec(html);
      const end = found ? found.index : -1;
      tag.lastIndex = end < 0 ? html.length : end;
      depth++;
      continue;
    }
    depth++;
    if (depth > max) {
      max = depth;
      if (max >= stopAt) return max;
    }
  }
  return max;
}
