import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TrackedText } from '../offsets.js';
import type { DocumentRecord, StoredTexts, WritableDocument } from './types.js';

/**
 * Map blobs (clean_map, norm_map) start with this tag: 'NFZ1', then a raw-deflated Int32 array — for each character
 * the step from the previous character's original start, then for each character its original length. Both are
 * almost always 1, so a map shrinks ~70× (it was a fifth of a database, written on the one writing thread). Blobs
 * without the tag are the first format, all starts then all ends, and still read.
 */
const MAP_TAG = Buffer.from('NFZ1', 'latin1');

/** A TrackedText's map as bytes for a BLOB column (see MAP_TAG). */
export function encodeMap(t: TrackedText): Buffer {
  const n = t.length;
  const out = new Int32Array(n * 2);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    out[i] = t.starts[i] - prev;
    out[n + i] = t.ends[i] - t.starts[i];
    prev = t.starts[i];
  }
  const packed = deflateRawSync(new Uint8Array(out.buffer, out.byteOffset, out.byteLength), { level: 1 });
  // One buffer of its own (never a slice of Node's pool), so that a worker can transfer it.
  const blob = Buffer.from(new ArrayBuffer(MAP_TAG.length + packed.length));
  MAP_TAG.copy(blob, 0);
  packed.copy(blob, MAP_TAG.length);
  return blob;
}

export function decodeMap(text: string, blob: Buffer): TrackedText {
  const n = text.length;
  if (blob.length >= MAP_TAG.length && blob.subarray(0, MAP_TAG.length).equals(MAP_TAG)) {
    const raw = inflateRawSync(blob.subarray(MAP_TAG.length));
    const steps = new Int32Array(raw.buffer.slice(raw.byteOffset, raw.byteOffset + raw.byteLength));
    const starts = new Int32Array(n);
    const ends = new Int32Array(n);
    let prev = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = prev + steps[i];
      ends[i] = starts[i] + steps[n + i];
      prev = starts[i];
    }
    return new TrackedText(text, starts, ends);
  }
  const all = new Int32Array(blob.buffer.slice(blob.byteOffset, blob.byteOffset + blob.byteLength));
  return new TrackedText(text, all.slice(0, n), all.slice(n, n * 2));
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
  const text = (bytes: Buffer) => (texts === 'as-given' ? bytes : bytes.toString('utf8'));
  // original_text, clean_text, normalized_text, clean_map, norm_map
  const large =
    'stored' in doc
      ? [text(doc.stored.original), text(doc.stored.cleanText), text(doc.stored.normalizedText), doc.stored.cleanMap, doc.stored.normMap]
      : [doc.original, doc.clean.text, doc.normalized.text, encodeMap(doc.clean), encodeMap(doc.normalized)];
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
    ...large,
    JSON.stringify(doc.flags),
    doc.pipelineVersion,
  ];
}

/** Bytes of a document's original text, for sizing write batches. */
export function originalBytes(doc: WritableDocument): number {
  return 'stored' in doc ? doc.stored.original.byteLength : doc.original.length * 2;
}
