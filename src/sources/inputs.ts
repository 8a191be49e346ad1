/**
 * The ingest arguments → the input files they name, streamed: files as given, directories walked recursively in a
 * stable (sorted) order, glob patterns through fast-glob. Each file is a single page, a WARC archive or a JSONL export,
 * decided from its name.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { pageFormat } from './files.js';
import { fsReason } from './types.js';

export type InputKind = 'page' | 'warc' | 'jsonl';

export interface InputFile {
  path: string;
  kind: InputKind;
  /** Named as an argument (not found by a directory walk or a pattern): read even if it turns out not to hold pages. */
  explicit?: boolean;
}

const WARC = /\.warc(\.gz)?$/i;
const JSONL = /\.(jsonl|ndjson)(\.gz)?$/i;

/** What kind of input a file name says it is; null for files a directory walk passes over. */
export function inputKind(file: string): InputKind | null {
  if (WARC.test(file)) return 'warc';
  if (JSONL.test(file)) return 'jsonl';
  if (pageFormat(file)) return 'page';
  return null;
}

/** A file a directory walk or a pattern passes over (an image, a PDF): not read, but counted by its extension. */
export interface PassedOver {
  passedOver: string;
}

export type ExpandedInput = InputFile | PassedOver | { error: string; source: string };

/** What a passed-over file is, for the summary: `file .jpg`, or `file (no extension)`. */
export function fileKindLabel(file: string): string {
  const ext = path.extname(file).toLowerCase();
  return `file ${ext || '(no extension)'}`;
}

/** Every input file under the arguments, in order. A path that does not exist and is no pattern is an error item. */
export async function* expandInputs(inputs: string[]): AsyncGenerator<ExpandedInput> {
  for (const input of inputs) {
    let st;
    try {
      st = await fs.stat(input);
    } catch (err: any) {
      if (err?.code === 'ENOENT' && fg.isDynamicPattern(input)) {
        yield* globbed(input);
        continue;
      }
      yield { source: input, error: fsReason(err) };
      continue;
    }
    if (st.isDirectory()) yield* walk(input);
    // A file named explicitly is read whatever its extension (as a page unless it says WARC or JSONL).
    else yield { path: input, kind: inputKind(input) ?? 'page', explicit: true };
  }
}

async function* walk(dir: string): AsyncGenerator<ExpandedInput> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (err: any) {
    yield { source: dir, error: fsReason(err) };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile()) {
      const kind = inputKind(p);
      yield kind ? { path: p, kind } : { passedOver: p };
    }
  }
}

async function* globbed(pattern: string): AsyncGenerator<ExpandedInput> {
  let n = 0;
  // fast-glob streams its matches (no list of a million names in memory); a pattern's matches come in directory order.
  for await (const entry of fg.stream(pattern, { onlyFiles: true, followSymbolicLinks: true })) {
    const p = String(entry);
    const kind = inputKind(p);
    if (!kind) {
      yield { passedOver: p };
      continue;
    }
    n++;
    yield { path: p, kind };
  }
  if (n === 0) yield { source: pattern, error: 'the pattern matches no .html/.htm/.txt/.warc/.jsonl files (or their .gz forms)' };
}

/** Input files and their total size on disk, for the progress estimate; runs beside the ingest itself. */
export async function measureInputs(inputs: string[]): Promise<{ files: number; pageFiles: number; bytes: number }> {
  const out = { files: 0, pageFiles: 0, bytes: 0 };
  for await (const item of expandInputs(inputs)) {
    if ('error' in item || 'passedOver' in item) continue;
    try {
      out.bytes += (await fs.stat(item.path)).size;
      out.files++;
      if (item.kind === 'page') out.pageFiles++;
    } catch {
      /* reported by the reader */
    }
  }
  return out;
}
