/**
 * The one gunzip of a whole page: a `.gz` page file (sources/page.ts) and bytes that arrive gzipped under another
 * name (decode). Archives and JSONL files are gunzipped as streams instead (stream.ts). The output is capped, so a
 * small file cannot expand into gigabytes; failures throw an Error whose message is the reason a person reads.
 */
import { gunzipSync } from 'node:zlib';
import { DEFAULT_MAX_PAGE_BYTES, gzipReason, megabytes } from './types.js';

export const GZIP_MAGIC = [0x1f, 0x8b] as const;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

export function gunzipPage(bytes: Uint8Array, limit = DEFAULT_MAX_PAGE_BYTES): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: limit });
  } catch (err: any) {
    if (err?.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new Error(`page is over the ${megabytes(limit)} limit for one page once uncompressed (not a news article)`);
    }
    throw new Error(gzipReason(err));
  }
}
