/**
 * Stage 1b, decode: bytes → text. The encoding is decided in order of trust (BOM, HTTP/WARC header, the bytes checked
 * against the page's own claim, a statistical detector) and always recorded on the page, with a note when invalid
 * byte sequences had to be replaced by U+FFFD. Binary content is refused with a reason.
 */
import { gunzipPage, isGzip } from '../sources/gzip.js';
import type { DecodedPage, PageMessage, RawPage } from '../types.js';
import {
  canonicalEncoding,
  charsetFromContentType,
  countReplacements,
  declaredCharset,
  decodeWith,
  detectBom,
  detectedCharsets,
  isValidUtf8WithNonAscii,
  type CharsetDecision,
} from './charset.js';

export { canonicalEncoding } from './charset.js';

/** Signatures of common binary formats that sometimes end up among crawled pages. */
const BINARY_SIGNATURES: Array<[string, number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['Word document', [0xd0, 0xcf, 0x11, 0xe0]],
];

function startsWith(bytes: Buffer, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Throws when the bytes are not text at all; the caller records the reason with the file name. */
function assertText(bytes: Buffer, bom: CharsetDecision | null): void {
  for (const [name, sig] of BINARY_SIGNATURES) {
    if (startsWith(bytes, sig)) throw new Error(`binary content (${name}), not a text or HTML page`);
  }
  // UTF-16 text is full of NUL bytes; everything else that is text has none.
  if (bom && bom.encoding.startsWith('utf-16')) return;
  const limit = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < limit; i++) {
    const b = bytes[i];
    if (b === 0) throw new Error(`binary content (NUL byte at offset ${i}), not a text or HTML page`);
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  if (limit > 0 && controls / limit > 0.02) {
    throw new Error(`binary content (${controls} control bytes in the first ${limit}), not a text or HTML page`);
  }
}

interface Candidate {
  encoding: string;
  evidence: CharsetDecision['evidence'];
}

/** Decodes with each candidate in turn and keeps the first clean result, else the one with the fewest replacements. */
function decodeBest(body: Buffer, candidates: Candidate[]): { text: string; decision: Candidate; replaced: number } {
  let best: { text: string; decision: Candidate; replaced: number } | null = null;
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.encoding)) continue;
    seen.add(c.encoding);
    const text = decodeWith(body, c.encoding);
    const replaced = countReplacements(text);
    if (replaced === 0) return { text, decision: c, replaced };
    if (!best || replaced < best.replaced) best = { text, decision: c, replaced };
  }
  if (best) return best;
  return { text: decodeWith(body, 'utf-8'), decision: { encoding: 'utf-8', evidence: 'fallback' }, replaced: 0 };
}

/** The encoding decision alone (exported for tests and for the eval's mojibake check). */
export function decideEncoding(raw: RawPage): { text: string; encoding: string; evidence: string; replaced: number } {
  let bytes = raw.bytes;
  // Bytes that arrive gzipped under another name (a page saved compressed as .html).
  if (isGzip(bytes)) bytes = gunzipPage(bytes);
  const bom = detectBom(bytes);
  assertText(bytes, bom);
  if (bom) {
    const text = decodeWith(bytes.subarray(bom.skip), bom.encoding);
    return { text, encoding: bom.encoding, evidence: 'bom', replaced: countReplacements(text) };
  }

  const header = canonicalEncoding(charsetFromContentType(raw.contentType));
  const declared = raw.format === 'html' ? canonicalEncoding(declaredCharset(bytes)) : null;
  const trusted: Candidate[] = [];
  if (header) trusted.push({ encoding: header, evidence: 'header' });
  // Bytes beat the page's claim: a page declaring gb2312 whose bytes are valid UTF-8 is UTF-8 (valid UTF-8 with
  // multi-byte sequences practically never arises by accident from a legacy encoding).
  if (isValidUtf8WithNonAscii(bytes)) trusted.push({ encoding: 'utf-8', evidence: 'utf8-valid' });
  if (declared) trusted.push({ encoding: declared, evidence: 'declared' });
  // Mostly-UTF-8 bytes with a few broken sequences (truncated crawls) are UTF-8 with replacements.
  trusted.push({ encoding: 'utf-8', evidence: 'detected' });
  for (const c of trusted) {
    const text = decodeWith(bytes, c.encoding);
    const replaced = countReplacements(text);
    if (replaced === 0 || replaced <= tolerableReplacements(text)) return { text, encoding: c.encoding, evidence: c.evidence, replaced };
  }

  // No trustworthy claim: the detector's guesses, then the Chinese legacy encodings. GB18030 decodes almost any
  // byte pair without error (Big5 bytes included), so the detector's order decides between clean decodings.
  const candidates: Candidate[] = detectedCharsets(bytes).map((encoding) => ({ encoding, evidence: 'detected' as const }));
  candidates.push({ encoding: 'gb18030', evidence: 'fallback' }, { encoding: 'big5', evidence: 'fallback' });
  const { text, decision, replaced } = decodeBest(bytes, candidates);
  return { text, encoding: decision.encoding, evidence: decision.evidence, replaced };
}

/** A decoding with replacements in at most 1 % of its non-ASCII characters is the right one with damaged bytes. */
function tolerableReplacements(text: string): number {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) nonAscii++;
  return Math.max(0, Math.floor(nonAscii * 0.01));
}

/** Stage 1: a page's bytes → its text. Appends what it has to say to `messages` (the page's one list). */
export function decodePage(raw: RawPage, messages: PageMessage[] = []): DecodedPage {
  const { text, encoding, replaced } = decideEncoding(raw);
  const content = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The header outranks the page's <meta>; whichever the page went by, say so when its bytes said otherwise.
  const header = charsetFromContentType(raw.contentType);
  const claim = header ?? (raw.format === 'html' ? declaredCharset(raw.bytes) : null);
  const claimed = canonicalEncoding(claim);
  if (claim && claimed && claimed !== encoding) {
    messages.push({
      stage: 'decode',
      severity: 'warning',
      kind: 'charset-mismatch',
      reason: `the ${header ? 'HTTP header' : 'page'} declares charset ${claim} but the bytes are not ${claim}; read as ${encoding}`,
    });
  }
  if (replaced > 0) {
    messages.push({
      stage: 'decode',
      severity: 'warning',
      kind: 'replaced-bytes',
      reason: `${replaced} invalid byte sequence${replaced === 1 ? '' : 's'} in ${encoding} replaced with U+FFFD`,
    });
  }
  const page: DecodedPage = {
    source: raw.source,
    format: raw.format,
    content,
    encoding,
  };
  if (raw.url !== undefined) page.url = raw.url;
  if (raw.fetchedAt !== undefined) page.fetchedAt = raw.fetchedAt;
  return page;
}
