/**
 * Han character sets taken from the GB2312 codec table (via iconv-lite, built once): GB2312 is the character set
 * of simplified Chinese, and its level 1 holds the 3,755 most frequent characters.
 */
import iconv from 'iconv-lite';

function gb2312Rows(firstRow: number, lastRow: number): Set<string> {
  const bytes: number[] = [];
  for (let hi = firstRow; hi <= lastRow; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) bytes.push(hi, lo);
  return new Set([...iconv.decode(Buffer.from(bytes), 'gb2312')].filter((c) => c !== '\uFFFD'));
}

/** GB2312 level 1 (rows 0xB0–0xD7): the common characters. */
export const COMMON_HAN: ReadonlySet<string> = gb2312Rows(0xb0, 0xd7);
/** All GB2312 Han characters (levels 1 and 2): characters that are valid in simplified text. */
export const SIMPLIFIED_HAN: ReadonlySet<string> = gb2312Rows(0xb0, 0xf7);
