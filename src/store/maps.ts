import { TrackedText } from '../offsets.js';
import type { DocumentRecord, StoredTexts, WritableDocument } from './types.js';

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

/** UTF-8 bytes in a buffer of their own (never a slice of Node's shared pool), so that it can be transferred. */
function ownUtf8(text: string): Buffer {
  const bytes = new TextEncoder().encode(text);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A record's large columns in their stored form (see StoredTexts): made by a worker thread, written by the store. */
export function storedTexts(doc: DocumentRecord): StoredTexts {
  return {
    original: ownUtf8(doc.original),
    cleanText: ownUtf8(doc.clean.text),
    normalizedText: ownUtf8(doc.normalized.text),
    cleanMap: encodeMap(doc.clean),
    normMap: encodeMap(doc.normalized),
  };
}

/**
 * A document's column values in the order both stores write them: source, url, fetched_at, format, encoding,
 * decode_issues, lang, title, published, source_name, author, empty_reason, original_text, clean_text,
 * normalized_text, clean_map, norm_map, flags, pipeline_version. With `texts: 'as-given'`, a document whose texts
 * arrive as UTF-8 bytes keeps them as bytes (SQLite stores them with CAST(? AS TEXT)); otherwise they are strings.
 */
export function documentValues(doc: WritableDocument, texts: 'strings' | 'as-given' = 'strings'): unknown[] {
  const stored = 'stored' in doc ? doc.stored : null;
  const text = (bytes: Buffer) => (texts === 'as-given' ? bytes : bytes.toString('utf8'));
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
    stored ? text(stored.original) : (doc as DocumentRecord).original,
    stored ? text(stored.cleanText) : (doc as DocumentRecord).clean.text,
    stored ? text(stored.normalizedText) : (doc as DocumentRecord).normalized.text,
    stored ? stored.cleanMap : encodeMap((doc as DocumentRecord).clean),
    stored ? stored.normMap : encodeMap((doc as DocumentRecord).normalized),
    JSON.stringify(doc.flags),
    doc.pipelineVersion,
  ];
}

/** Bytes of a document's original text, for sizing write batches. */
export function originalBytes(doc: WritableDocument): number {
  return 'stored' in doc ? doc.stored.original.byteLength : doc.original.length * 2;
}
