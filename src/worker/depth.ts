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

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isNameChar = (c: number) => isLetter(c) || (c >= 0x30 && c <= 0x39) || c === 0x3a || c === 0x2d;

/** The ASCII tag name bytes[from, to), lower-cased. */
function tagName(bytes: Uint8Array, from: number, to: number): string {
  let name = '';
  for (let i = from; i < to; i++) name += String.fromCharCode(bytes[i] | 0x20);
  return name;
}

/** Index of the end tag `</name` (any case) at or after `from`, or -1. */
function endTagAt(buf: Buffer, name: string, from: number): number {
  for (let i = buf.indexOf('</', from); i >= 0; i = buf.indexOf('</', i + 2)) {
    if (tagName(buf, i + 2, Math.min(buf.length, i + 2 + name.length)) === name) return i;
  }
  return -1;
}

/**
 * The deepest nesting of elements in the page (stops counting once past `stopAt`). Scans the bytes themselves:
 * no string is made of the page.
 */
export function nestingDepth(bytes: Uint8Array, stopAt = MAX_NESTING + 1): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let depth = 0;
  let max = 0;
  for (let i = buf.indexOf(LT); i >= 0; i = buf.indexOf(LT, i)) {
    if (buf[i + 1] === 0x21 && buf[i + 2] === 0x2d && buf[i + 3] === 0x2d) {
      const end = buf.indexOf('-->', i + 4);
      if (end < 0) break;
      i = end + 3;
      continue;
    }
    let j = i + 1;
    const closing = buf[j] === SLASH;
    if (closing) j++;
    if (!isLetter(buf[j])) {
      i++;
      continue;
    }
    let k = j + 1;
    while (k < buf.length && isNameChar(buf[k])) k++;
    const gt = buf.indexOf(GT, k);
    if (gt < 0) break;
    i = gt + 1;
    const name = tagName(buf, j, k);
    if (VOID.has(name) || OPTIONAL_END.has(name) || (gt > k && buf[gt - 1] === SLASH)) continue;
    if (closing) {
      if (depth > 0) depth--;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      // Skip to the end tag: scripts may hold '<div>' in strings.
      const end = endTagAt(buf, name, i);
      i = end < 0 ? buf.length : end;
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
