/**
 * What every source reader hands to ingest: a page, a problem with one input or one record of it (stored in the errors
 * table, never fatal), or a record deliberately passed over (a WARC request record, an image, a redirect).
 */
import type { RawPage } from '../types.js';

export type SourceItem =
  | { kind: 'page'; page: RawPage; record: string | null }
  | { kind: 'error'; source: string; record: string | null; reason: string }
  | {
      kind: 'skipped';
      source: string;
      record: string | null;
      reason: string;
      /** What was passed over, for counting in the summary (`file .jpg`, `WARC record`); default `record`. */
      what?: string;
    };

export interface ReadOptions {
  /** The input as it was given, for sources and messages, when it is read under another path (a queue unit's). */
  name?: string;
  /** Pages larger than this (after gunzip) are refused with a reason instead of being read. Default 16 MB. */
  maxPageBytes?: number;
  /** How many page files are read ahead of the consumer, concurrently (p-queue). Default 16. */
  readAhead?: number;
  /** Counts input bytes as they are consumed on disk (compressed size for .gz), for progress and time estimates. */
  progress?: { bytes: number };
}

export const DEFAULT_MAX_PAGE_BYTES = 16 * 1024 * 1024;

export function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The reason for a page over the size limit, the same wherever the page comes from. */
export function tooLarge(size: number, limit: number): string {
  return `page is ${megabytes(size)}, over the ${megabytes(limit)} limit for one page (not a news article; raise it with --max-page-mb)`;
}

/** A gzip failure as a person would put it. */
export function gzipReason(err: any): string {
  const msg = String(err?.message ?? err);
  if (err?.code === 'Z_BUF_ERROR' || /unexpected end/i.test(msg)) return 'truncated gzip file: the data ends before the compressed stream does';
  if (err?.code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) return 'too large once uncompressed';
  if (err?.code === 'Z_DATA_ERROR') return `not valid gzip data (${msg})`;
  return `cannot gunzip: ${msg}`;
}

/** A file-system failure as a person would put it. */
export function fsReason(err: any): string {
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EACCES') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a directory';
  return String(err?.message ?? err);
}
