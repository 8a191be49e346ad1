/**
 * Files and directories → page files. Directories are walked recursively in a stable (sorted) order; a page's `source`
 * is its path as reached from the argument given (`corpus/000_….txt`). Reading one is sources/page.ts.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

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
