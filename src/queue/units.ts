/**
 * Work units: what one queue job asks a worker to do. A unit is a page file, a whole WARC file, or a slice of lines of
 * a JSONL file, so that a job is big enough for the queue's round trips not to matter and small enough that a worker
 * killed mid-unit loses little. A unit names its file by absolute path (every worker must see the same files, e.g. on
 * a shared disk) and keeps the path as the producer was given it, which becomes the stored `source`, as in `ingest`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, openSync, readSync, readdirSync, closeSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { listPageFiles } from '../sources/files.js';
import { readPage } from '../sources/page.js';
import { readWarc } from '../sources/warc.js';
import { pageFromJsonLine } from '../sources/jsonl.js';
import type { SourceItem } from '../sources/types.js';

export type WorkUnit =
  | { kind: 'file'; path: string; source: string }
  | { kind: 'warc'; path: string; source: string }
  /** Lines [firstLine, firstLine + lines) of a JSONL file, starting at byte `start` (line numbers from 1). */
  | { kind: 'jsonl'; path: string; source: string; start: number; firstLine: number; lines: number };

/** Lines of a JSONL file per unit. */
export const JSONL_LINES_PER_UNIT = 200;

const WARC = /\.warc(\.gz)?$/i;
const JSONL = /\.jsonl?(\.gz)?$/i;

/** Every unit of the inputs, in order. Paths that do not exist raise an error naming them. */
export async function* planUnits(inputs: string[], linesPerUnit = JSONL_LINES_PER_UNIT): AsyncGenerator<WorkUnit> {
  for (const input of inputs) {
    const st = statSync(input);
    const files = st.isDirectory() ? [...listDir(input)] : [input];
    for (const file of files) {
      const abs = path.resolve(file);
      if (WARC.test(file)) yield { kind: 'warc', path: abs, source: file };
      else if (JSONL.test(file) && !file.endsWith('.gz')) yield* jsonlSlices(abs, file, linesPerUnit);
      else yield { kind: 'file', path: abs, source: file };
    }
  }
}

/**
 * Page files under a directory (as `ingest` lists them) plus the WARC files it holds, sorted. JSONL files are taken
 * only when named: a directory of pages often keeps other JSONL (gold annotations, logs) beside them.
 */
function* listDir(dir: string): Generator<string> {
  const all = [...listPageFiles([dir]), ...walkFor(dir, (f) => WARC.test(f))];
  yield* [...new Set(all)].sort();
}

function* walkFor(dir: string, keep: (f: string) => boolean): Generator<string> {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walkFor(p, keep);
    else if (e.isFile() && keep(p)) yield p;
  }
}

/** Cuts a JSONL file into slices of whole lines; only line starts are read here, not the pages. */
async function* jsonlSlices(abs: string, source: string, linesPerUnit: number): AsyncGenerator<WorkUnit> {
  let offset = 0;
  let line = 0;
  let sliceStart = 0;
  let sliceFirst = 1;
  const rl = createInterface({ input: createReadStream(abs), crlfDelay: Infinity });
  for await (const text of rl) {
    line++;
    offset += Buffer.byteLength(text) + 1; // approximate for CRLF files: slices re-sync on the next line start
    if (line - sliceFirst + 1 === linesPerUnit) {
      yield { kind: 'jsonl', path: abs, source, start: sliceStart, firstLine: sliceFirst, lines: linesPerUnit };
      sliceStart = offset;
      sliceFirst = line + 1;
    }
  }
  if (line >= sliceFirst) yield { kind: 'jsonl', path: abs, source, start: sliceStart, firstLine: sliceFirst, lines: line - sliceFirst + 1 };
}

/** The job id of a unit: the same unit enqueued twice (two producers, overlapping inputs) is one job. */
export function unitId(unit: WorkUnit): string {
  const key = unit.kind === 'jsonl' ? `${unit.kind}\0${unit.path}\0${unit.firstLine}` : `${unit.kind}\0${unit.path}`;
  return 'u' + createHash('sha1').update(key).digest('hex');
}

export function describeUnit(unit: WorkUnit): string {
  return unit.kind === 'jsonl' ? `${unit.source} lines ${unit.firstLine}-${unit.firstLine + unit.lines - 1}` : unit.source;
}

/**
 * The pages of a unit, in order, read by the same readers `ingest` uses (sources/): a page, or the reason a page or
 * record could not be read (recorded as an error, the unit goes on). Records passed over (WARC requests, images) are
 * left out.
 */
export async function* readUnit(unit: WorkUnit): AsyncGenerator<Exclude<SourceItem, { kind: 'skipped' }>> {
  if (unit.kind === 'file') {
    const item = await readPage(unit.path);
    // The unit reads the absolute path; the page keeps the path as the producer was given it, as in `ingest`.
    if (item.kind === 'page') yield { ...item, page: { ...item.page, source: unit.source } };
    else if (item.kind === 'error') yield { ...item, source: unit.source };
  } else {
    for await (const item of unit.kind === 'jsonl' ? readJsonlSlice(unit) : readWarc(unit.path, { name: unit.source })) {
      if (item.kind !== 'skipped') yield item;
    }
  }
}

async function* readJsonlSlice(unit: Extract<WorkUnit, { kind: 'jsonl' }>): AsyncGenerator<SourceItem> {
  const start = lineStartAtOrAfter(unit.path, unit.start);
  const rl = createInterface({ input: createReadStream(unit.path, { start }), crlfDelay: Infinity });
  let n = 0;
  for await (const text of rl) {
    if (n >= unit.lines) break;
    const lineNo = unit.firstLine + n++;
    if (!text.trim()) continue;
    yield pageFromJsonLine(text.trim(), unit.source, lineNo);
  }
  rl.close();
}

/** Slices are planned at line starts; this guards against a start that falls mid-line (CRLF files). */
function lineStartAtOrAfter(file: string, at: number): number {
  if (at === 0) return 0;
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1);
    readSync(fd, buf, 0, 1, at - 1);
    if (buf[0] === 0x0a) return at;
    const window = Buffer.alloc(64 * 1024);
    let pos = at;
    for (;;) {
      const n = readSync(fd, window, 0, window.length, pos);
      if (!n) return pos;
      const i = window.subarray(0, n).indexOf(0x0a);
      if (i >= 0) return pos + i + 1;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}
