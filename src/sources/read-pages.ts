/**
 * All inputs → one ordered async stream of pages and problems. Page files are read ahead of the consumer with bounded
 * concurrency (p-queue); WARC and JSONL files stream their records. Nothing collects the corpus: at most `readAhead`
 * page files are in memory ahead of the consumer, and a container holds one record at a time.
 *
 * The order is the arguments' order, directories sorted: a re-run sees the pages in the same order, so when two
 * pages have the same bytes the same one is stored under its name.
 */
import path from 'node:path';
import PQueue from 'p-queue';
import { expandInputs, fileKindLabel } from './inputs.js';
import { readJsonl } from './jsonl.js';
import { readPage } from './page.js';
import { readWarc } from './warc.js';
import type { ReadOptions, SourceItem } from './types.js';

export type { SourceItem, ReadOptions } from './types.js';
export { DEFAULT_MAX_PAGE_BYTES } from './types.js';
export { expandInputs, measureInputs, inputKind, fileKindLabel, type InputFile, type InputKind } from './inputs.js';
export { readWarc } from './warc.js';
export { readJsonl } from './jsonl.js';
export { readPage, formatOf, looksLikeHtml } from './page.js';
export { listPageFiles, pageFormat } from './files.js';

export async function* readPages(inputs: string[], opts: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const readAhead = Math.max(1, opts.readAhead ?? 16);
  const queue = new PQueue({ concurrency: readAhead });
  // Reads in flight, oldest first; every promise resolves (readPage turns failures into error items).
  const pending: Array<Promise<SourceItem>> = [];
  for await (const input of expandInputs(inputs)) {
    if ('error' in input) {
      while (pending.length) yield await pending.shift()!;
      yield { kind: 'error', source: input.source, record: null, reason: input.error };
      continue;
    }
    if ('passedOver' in input) {
      const what = fileKindLabel(input.passedOver);
      yield { kind: 'skipped', source: input.passedOver, record: null, reason: `not a page file (${path.extname(input.passedOver) || 'no extension'})`, what };
      continue;
    }
    if (input.kind === 'page') {
      pending.push(queue.add(() => readPage(input.path, opts)) as Promise<SourceItem>);
      if (pending.length >= readAhead) yield await pending.shift()!;
      continue;
    }
    // A container streams its records in order: what was read ahead goes first.
    while (pending.length) yield await pending.shift()!;
    yield* input.kind === 'warc' ? readWarc(input.path, opts) : readJsonl(input.path, opts, !!input.explicit);
  }
  while (pending.length) yield await pending.shift()!;
}
