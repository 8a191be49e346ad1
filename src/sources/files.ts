/**
 * Files and directories → RawPage. Directories are walked recursively in a stable (sorted) order; `.gz` files are
 * gunzipped. A page's `source` is its path as reached from the argument given (`corpus/000_….txt`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { RawPage } from '../types.js';

const HTML = /\.(html?|xhtml|shtml|jsp|php|aspx?)(\.gz)?$/i;
const TEXT = /\.(txt|text)(\.gz)?$/i;

export function pageFormat(file: string): 'html' | 'text' | null {
  if (HTML.test(file)) return 'html';
  if (TEXT.test(file)) return 'text';
  return null;
}

/** Every page file under the given paths, in order; paths that do not exist raise an error naming them. */
export function* listPageFiles(inputs: string[]): Generator<string> {
  for (const input of inputs) {
    const st = statSync(input); // throws ENOENT with the path in the message
    if (st.isDirectory()) yield* walk(input);
    else yield input;
  }
}

function* walk(dir: string): Generator<string> {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && pageFormat(p)) yield p;
  }
}

/** Reads one page file. A file given by name with an unknown extension is read as text if it decodes as text. */
export function readPageFile(file: string): RawPage {
  let bytes = readFileSync(file);
  if (file.toLowerCase().endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch (err: any) {
      throw new Error(`cannot gunzip: ${err.code === 'Z_BUF_ERROR' ? 'the file is truncated' : err.message}`);
    }
  }
  const format = pageFormat(file) ?? (looksLikeHtml(bytes) ? 'html' : 'text');
  return { source: file, bytes, format };
}

function looksLikeHtml(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 2048).toString('latin1').toLowerCase();
  return head.includes('<html') || head.includes('<!doctype html') || head.includes('<body');
}
