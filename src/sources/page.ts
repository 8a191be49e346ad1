/**
 * One page file → a page, or the reason it cannot be one: empty, over the size limit, a truncated or corrupt .gz.
 * The size is checked before reading, so a 50 MB page never enters memory.
 */
import { promises as fs } from 'node:fs';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import { pageFormat } from './files.js';
import { DEFAULT_MAX_PAGE_BYTES, fsReason, megabytes, gzipReason, tooLarge, type ReadOptions, type SourceItem } from './types.js';

const gunzipAsync = promisify(gunzip);

export async function readPage(file: string, opts: ReadOptions = {}): Promise<SourceItem> {
  const limit = opts.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  const fail = (reason: string): SourceItem => ({ kind: 'error', source: file, record: null, reason });
  let bytes: Buffer;
  try {
    const st = await fs.stat(file);
    if (opts.progress) opts.progress.bytes += st.size;
    if (st.size === 0) return fail('empty file (0 bytes): nothing to read');
    if (st.size > limit) return fail(tooLarge(st.size, limit));
    bytes = await fs.readFile(file);
  } catch (err) {
    return fail(fsReason(err));
  }
  if (/\.gz$/i.test(file)) {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: limit });
    } catch (err: any) {
      if (err?.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
        return fail(`page is over the ${megabytes(limit)} limit for one page once uncompressed (not a news article)`);
      }
      return fail(gzipReason(err));
    }
    if (bytes.length === 0) return fail('empty file once uncompressed: nothing to read');
  }
  const format = pageFormat(file) ?? (looksLikeHtml(bytes) ? 'html' : 'text');
  return { kind: 'page', page: { source: file, bytes, format }, record: null };
}

export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').toLowerCase();
  return /<html|<!doctype html|<body|<head|<div|<p[\s>]/.test(head);
}
