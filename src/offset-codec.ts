/**
 * TrackedText's offset map as bytes, for storage and for crossing threads: the codec belongs with the map it encodes
 * (offsets.ts), not with any one store.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { TrackedText } from './offsets.js';

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
  const { starts, ends } = t;
  let prev = 0;
  for (let i = 0; i < n; i++) {
    const s = starts[i];
    out[i] = s - prev;
    out[n + i] = ends[i] - s;
    prev = s;
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
