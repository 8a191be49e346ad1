/**
 * One page file → a page, or the reason it cannot be one: empty, over the size limit, a truncated or corrupt .gz.
 * The size is checked before reading, so a 50 MB page never enters memory. The one reader of a page file: `ingest`,
 * the queue's file units and `clean` all read through it.
 */
import { promises as fs } from 'node:fs';
import { pageFormat } from './files.js';
import { gunzipPage } from './gzip.js';
import { DEFAULT_MAX_PAGE_BYTES, fsReason, tooLarge, type ReadOptions, type SourceItem } from './types.js';

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
      bytes = gunzipPage(bytes, limit);
    } catch (err) {
      return fail((err as Error).message);
    }
    if (bytes.length === 0) return fail('empty file once uncompressed: nothing to read');
  }
  return { kind: 'page', page: { source: file, bytes, format: formatOf(file, bytes) }, record: null };
}

/** HTML or text: from the file name (`.html`, `.htm`, `.txt`, …, also gzipped), else from the first bytes. */
export function formatOf(file: string, bytes: Uint8Array): 'html' | 'text' {
  return pageFormat(file) ?? (looksLikeHtml(bytes) ? 'html' : 'text');
}

/** The one "is this HTML?" sniff, for pages whose name or record does not say. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 2048)).toString('latin1').toLowerCase();
  return /<html|<!doctype html|<body|<head|<div|<p[\s>]/.test(head);
}
