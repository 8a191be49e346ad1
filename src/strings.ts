/**
 * A string that holds its own characters. V8 makes a long substring (13 or more characters) a view into the string it
 * was cut from, so a substring kept as a cache key keeps its whole page (source or text) alive: a page per key. Keys
 * cut from pages are stored as copies made here, once, when the cache first meets them.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}
