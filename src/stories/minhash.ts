/**
 * Near-duplicate detection for stories (reprints, syndicated copies): MinHash signatures over shingles of the
 * normalized text — character 5-grams for Chinese (simplified, so a traditional copy is the same text), syllable
 * 3-grams for Vietnamese and English — and locality-sensitive banding, so that only documents sharing a band are ever
 * compared and the work stays linear in the corpus.
 *
 * The signature is one-permutation MinHash (Li, Owen & Zhang 2012) with densification by rotation (Shrivastava & Li
 * 2014): each shingle is hashed once, the hash picks one of the 126 bins and the bin keeps its smallest hash; an
 * empty bin (a short text) takes the next filled bin's value, shifted by the distance, so that two texts agree on it
 * only as often as they agree on that bin. Equal bins estimate Jaccard similarity as 126 separate hash functions do,
 * at one hash per shingle instead of 126 (that loop was most of a page's cost of grouping).
 */
import { CodePointReader } from '../normalize/codepoints.js';

/** Signature length: 42 bands of 3 rows. Two texts of Jaccard similarity 0.45 share a band with probability 0.98. */
export const SIGNATURE_SIZE = 126;
/**
 * The signature scheme, written before every stored signature: a signature of another scheme (or none) is not
 * compared, and the scheme is part of the pipeline version, so documents stored with another are processed again.
 */
export const SIGNATURE_SCHEME = 'oph2';
export const BAND_ROWS = 3;
/** Estimated Jaccard similarity from which two documents are copies of one story. */
export const SAME_STORY = 0.45;

const CHAR_SHINGLE = 5;
const WORD_SHINGLE = 3;

/** FNV-1a, 32-bit, of units[from, to). */
function fnvRange(units: Uint16Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= units[i];
    h = imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Letters and digits (`\p{L}\p{N}`): what a Chinese shingle is made of. */
const SHINGLE_CHAR = /[\p{L}\p{N}]/u;
const KEEP = 1;
const DROP = 2;
const shingleReader = new CodePointReader((c) => (SHINGLE_CHAR.test(c) ? KEEP : DROP));
/** The UTF-16 units of a text's letters and digits, in a buffer reused from text to text. */
let shingleUnits = new Uint16Array(0);

/** The text's letters and digits as UTF-16 units (a reading good until the next call), and how many there are. */
function lettersAndDigits(text: string): [Uint16Array, number] {
  const { n, cps, kinds } = shingleReader.read(text);
  if (shingleUnits.length < text.length) shingleUnits = new Uint16Array(Math.max(text.length, shingleUnits.length * 2));
  const units = shingleUnits;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (kinds[i] !== KEEP) continue;
    const cp = cps[i];
    if (cp > 0xffff) {
      units[m++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[m++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    } else {
      units[m++] = cp;
    }
  }
  return [units, m];
}

/** Letters, marks and digits (`\p{L}\p{M}\p{N}`), answered for a code unit: ASCII and the Latin blocks Vietnamese
 * is written in by range, anything else by the regular expression once, then remembered. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const wordCharMemo = new Map<number, boolean>();
function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a);
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return true;
  let known = wordCharMemo.get(c);
  if (known === undefined) {
    // A lone surrogate half is read with its pair by the regular expression only in whole strings: count it a letter
    // of the word it stands in (astral letters are rare in Vietnamese and English news).
    known = c >= 0xd800 && c <= 0xdfff ? true : WORD_CHAR.test(String.fromCharCode(c));
    wordCharMemo.set(c, known);
  }
  return known;
}

/** A word shingle's hash from its words' hashes (an FNV-style fold; the signature mixes it again). */
function foldWords(a: number, b: number, c: number): number {
  return imul(imul(imul(0x811c9dc5 ^ a, 0x01000193) ^ b, 0x01000193) ^ c, 0x01000193);
}

/**
 * The shingles' hashes in text order, repeats included (a minimum does not care), without
 * building a string per shingle. Words are found by one scan of the lower-cased text, each hashed once
 * (splitting on a Unicode-property expression cost most of a Vietnamese page's signature).
 */
function shingleHashes(text: string, lang: string): Int32Array {
  if (lang.startsWith('zh')) {
    // The text without anything but letters and digits, as `text.replace(/[^\p{L}\p{N}]+/gu, '')` gives it.
    const [units, len] = lettersAndDigits(text);
    const n = len - CHAR_SHINGLE + 1;
    if (n <= 0) return len ? Int32Array.of(fnvRange(units, 0, len)) : new Int32Array(0);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = fnvRange(units, i, i + CHAR_SHINGLE);
    return out;
  }
  const lower = text.toLowerCase();
  const words: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    if (isWordChar(c)) {
      if (!inWord) {
        h = 0x811c9dc5;
        inWord = true;
      }
      h = imul(h ^ c, 0x01000193);
    } else if (inWord) {
      words.push(h);
      inWord = false;
    }
  }
  if (inWord) words.push(h);
  const n = words.length - WORD_SHINGLE + 1;
  if (n <= 0) return words.length ? Int32Array.of(words.reduce((acc, w) => imul(acc ^ w, 0x01000193), 0x811c9dc5)) : new Int32Array(0);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = foldWords(words[i], words[i + 1], words[i + 2]);
  return out;
}

/** The seed of the one hash, fixed so signatures compare across runs and machines. */
const SEED = 0x9e3779b9 | 0;
/** What an empty bin adds per bin of distance to the value it borrows (an odd constant: distinct for every distance). */
const ROTATION = 0x7feb352d;
/** 2^16 modulo SIGNATURE_SIZE. */
const BIN_STEP = 0x10000 % SIGNATURE_SIZE;

// Bound once: a global looked up in a hot loop is slow where the code runs in a vm context (jest).
const imul = Math.imul;

/**
 * The signature of shingle hashes (one-permutation MinHash, densified); null when there are none. Each hash is mixed
 * once (murmur3's finalizer); its value modulo the bin count picks the bin, and the bin keeps the smallest value.
 */
function minima(hashes: Int32Array): Uint32Array | null {
  const n = hashes.length;
  if (!n) return null;
  // The bins' minima kept as signed integers with the top bit flipped (signed order is then unsigned order), so that
  // the loop never leaves small-integer arithmetic for doubles; turned back into unsigned values below.
  const low = new Int32Array(SIGNATURE_SIZE).fill(0x7fffffff);
  const filled = new Uint8Array(SIGNATURE_SIZE);
  for (let j = 0; j < n; j++) {
    let h = hashes[j] ^ SEED;
    h ^= h >>> 16;
    h = imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    // (h as unsigned) mod SIGNATURE_SIZE from its two 16-bit halves: 2^16 ≡ BIN_STEP (mod SIGNATURE_SIZE).
    const bin = ((h >>> 16) * BIN_STEP + (h & 0xffff)) % SIGNATURE_SIZE;
    filled[bin] = 1;
    const v = h ^ 0x80000000;
    if (v < low[bin]) low[bin] = v;
  }
  const sig = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) sig[i] = filled[i] ? low[i] ^ 0x80000000 : 0xffffffff;
  // Densification: an empty bin takes the next filled bin to its right (circularly), shifted by the distance.
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    if (filled[i]) continue;
    let k = 1;
    while (!filled[(i + k) % SIGNATURE_SIZE]) k++;
    sig[i] = (sig[(i + k) % SIGNATURE_SIZE] + imul(k, ROTATION)) >>> 0;
  }
  return sig;
}

/** The MinHash signature of a normalized text; null for a text too short to have one. */
export function signatureOf(text: string, lang: string): Uint32Array | null {
  return minima(shingleHashes(text, lang));
}

/** Estimated Jaccard similarity: the share of equal minima. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** One key per band: documents sharing a key are candidates. */
export function bandKeys(sig: Uint32Array): string[] {
  const keys: string[] = [];
  for (let b = 0; b * BAND_ROWS < SIGNATURE_SIZE; b++) {
    // `band:row.row.row`, the rows written one by one (no array made per band).
    let key = b + ':';
    for (let i = b * BAND_ROWS; i < (b + 1) * BAND_ROWS && i < SIGNATURE_SIZE; i++) key += (i > b * BAND_ROWS ? '.' : '') + sig[i];
    keys.push(key);
  }
  return keys;
}

const PREFIX = `${SIGNATURE_SCHEME}:`;

export function encodeSignature(sig: Uint32Array): string {
  return PREFIX + Buffer.from(sig.buffer, sig.byteOffset, sig.byteLength).toString('base64');
}

/** A stored signature; null for one of another scheme (stored by an earlier version: not comparable). */
export function decodeSignature(s: string): Uint32Array | null {
  if (!s.startsWith(PREFIX)) return null;
  const buf = Buffer.from(s.slice(PREFIX.length), 'base64');
  if (buf.length !== SIGNATURE_SIZE * 4) return null;
  const out = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) out[i] = buf.readUInt32LE(i * 4);
  return out;
}
