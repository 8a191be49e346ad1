import { TrackedText } from '../offsets.js';

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
