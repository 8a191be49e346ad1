import { TrackedText } from '../offsets.js';
import type { DocumentRecord } from './types.js';

/** A TrackedText's map as bytes for a BLOB column: all starts, then all ends, little-endian Int32. */
export function encodeMap(t: TrackedText): Buffer {
  const out = new Int32Array(t.length * 2);
  out.set(t.starts, 0);
  out.set(t.ends, t.length);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

export function decodeMap(text: string, blob: Buffer): TrackedText {
  const all = new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  return new TrackedText(text, all.slice(0, text.length), all.slice(text.length, text.length * 2));
}

/**
 * A document's column values in the order both stores write them: source, url, fetched_at, format, encoding,
 * decode_issues, lang, title, published, source_name, author, empty_reason, original_text, clean_text,
 * normalized_text, clean_map, norm_map, flags, pipeline_version.
 */
export function documentValues(doc: DocumentRecord): unknown[] {
  return [
    doc.source,
    doc.url ?? null,
    doc.fetchedAt ?? null,
    doc.format,
    doc.encoding,
    doc.decodeIssues.length ? JSON.stringify(doc.decodeIssues) : null,
    doc.lang,
    doc.meta.title,
    doc.meta.date,
    doc.meta.source,
    doc.meta.author,
    doc.emptyReason ?? null,
    doc.original,
    doc.clean.text,
    doc.normalized.text,
    encodeMap(doc.clean),
    encodeMap(doc.normalized),
    JSON.stringify(doc.flags),
    doc.pipelineVersion,
  ];
}
