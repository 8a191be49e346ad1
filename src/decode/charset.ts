/**
 * Charset decisions: which encoding a page's bytes are in, in order of trust — byte-order mark, HTTP/WARC header,
 * the bytes themselves checked against what the page claims, and a statistical detector as the last resort.
 */
import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';

/** How an encoding was chosen, kept for the record and for tests. */
export type CharsetEvidence = 'bom' | 'header' | 'utf8-valid' | 'declared' | 'detected' | 'fallback';

export interface CharsetDecision {
  encoding: string;
  evidence: CharsetEvidence;
  /** Bytes to skip at the start (a byte-order mark). */
  skip: number;
}

/**
 * Canonical name of an encoding label, or null when iconv-lite cannot decode it. GB2312 and GBK are always read as
 * GB18030, their superset: pages labelled gb2312 routinely use GBK characters, and GB18030 decodes both exactly.
 */
export function canonicalEncoding(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '').replace(/_/g, '-');
  if (!l) return null;
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|ms936|windows-936|euc-cn|csgb2312|chinese|iso-ir-58|gb-2312|hz-gb-2312)$/.test(l)) {
    return 'gb18030';
  }
  if (/^(big5|big-5|x-x-big5|cn-big5|csbig5|cp950|ms950|windows-950)$/.test(l)) return 'big5';
  if (/^(big5-hkscs|big5hkscs)$/.test(l)) return 'big5hkscs';
  if (/^(utf-?8|unicode-1-1-utf-8|x-unicode20utf8)$/.test(l)) return 'utf-8';
  if (/^(utf-?16le|utf-?16)$/.test(l)) return 'utf-16le';
  if (/^utf-?16be$/.test(l)) return 'utf-16be';
  // ISO-8859-1 and ASCII labels mean windows-1252 in browsers (WHATWG Encoding), and so here.
  if (/^(iso-8859-1|latin1|l1|us-ascii|ascii|iso8859-1|cp1252|windows-1252)$/.test(l)) return 'windows-1252';
  if (/^(windows-1258|cp1258)$/.test(l)) return 'windows-1258';
  if (/^(shift-jis|shift_jis|sjis|x-sjis)$/.test(l)) return 'shift_jis';
  return iconv.encodingExists(l) ? l : null;
}

/** Byte-order marks, longest first. */
export function detectBom(bytes: Buffer): CharsetDecision | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', evidence: 'bom', skip: 3 };
  }
  if (bytes.length >= 4 && bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) {
    return { encoding: 'gb18030', evidence: 'bom', skip: 4 };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', evidence: 'bom', skip: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', evidence: 'bom', skip: 2 };
  return null;
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1] : null;
}

/**
 * What the page itself claims: `<meta charset>`, `<meta http-equiv content="…charset=…">`, an XML declaration, or
 * the `encoding=` attribute of a crawler's wrapper line before `<html>`. Only the first few KB are looked at, read
 * as Latin-1 so that no claim can be garbled by the decoding it is about to choose.
 */
export function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 8192).toString('latin1');
  const patterns = [
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i,
    /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i,
    /^\s*<[a-z]+[^>]*\sencoding\s*=\s*["']?([\w.:-]+)/i,
  ];
  for (const p of patterns) {
    const m = p.exec(head);
    if (m) return m[1];
  }
  return null;
}

/**
 * True when the bytes are well-formed UTF-8 and hold at least one multi-byte sequence (pure ASCII proves nothing).
 * Node's native validator: a strict TextDecoder would build the whole string only to throw it away.
 */
export function isValidUtf8WithNonAscii(bytes: Buffer): boolean {
  let nonAscii = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) {
      nonAscii = true;
      break;
    }
  }
  return nonAscii && isUtf8(bytes);
}

/** The statistical detector's best guesses, canonicalized, best first. */
export function detectedCharsets(bytes: Buffer): string[] {
  const sample = bytes.length > 65536 ? bytes.subarray(0, 65536) : bytes;
  const out: string[] = [];
  for (const match of chardet.analyse(sample)) {
    const enc = canonicalEncoding(match.name);
    if (enc && !out.includes(enc)) out.push(enc);
    if (out.length >= 3) break;
  }
  return out;
}

/** Decode with iconv-lite (TextDecoder for UTF-8, which replaces invalid sequences the WHATWG way). */
export function decodeWith(bytes: Buffer, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(bytes, encoding, { stripBOM: false });
}

export function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\uFFFD'); i >= 0; i = text.indexOf('\uFFFD', i + 1)) n++;
  return n;
}
