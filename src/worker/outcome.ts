/**
 * What a worker answers for one page, and how the main thread makes it whole again. Kept apart from ../page.ts so
 * that the pool (and the ingest coordinator) do not load the pipeline's stages: only the workers need them.
 */
import { TrackedText } from '../offsets.js';
import type { StoredTexts, WritableDocument } from '../store/types.js';
import type { Fact } from '../types.js';

export type PageOutcome =
  | { ok: true; record: WritableDocument; facts: Fact[] }
  | { ok: false; reason: string };

/**
 * A record after structured cloning: plain objects where TrackedText instances were, Uint8Arrays where Buffers were
 * (a worker sends its texts already encoded, see page-worker.ts): make them whole.
 */
export function reviveRecord(record: WritableDocument): WritableDocument {
  if ('stored' in record) {
    const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
    const s = record.stored;
    const stored: StoredTexts = {
      original: buf(s.original),
      cleanText: buf(s.cleanText),
      normalizedText: buf(s.normalizedText),
      cleanMap: buf(s.cleanMap),
      normMap: buf(s.normMap),
    };
    return { ...record, stored };
  }
  const revive = (t: any) => (t instanceof TrackedText ? t : new TrackedText(t.text, t.starts, t.ends));
  return { ...record, clean: revive(record.clean), normalized: revive(record.normalized) };
}
