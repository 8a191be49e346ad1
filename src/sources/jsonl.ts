/**
 * JSONL exports of scrapers: one page per line, `{"url": …, "html": …}` or `{"url": …, "text": …}` (optionally a fetch
 * time in `fetched_at`, `fetchedAt`, `timestamp` or `date`). Streamed line by line; a bad line is one error naming it
 * and the file goes on. A page's `source` is its URL, else `file:line`.
 */
import { lines, openInput } from './stream.js';
import { DEFAULT_MAX_PAGE_BYTES, gzipReason, tooLarge, type ReadOptions, type SourceItem } from './types.js';

/**
 * `explicit`: the file was named as an argument. A JSONL file met in a directory walk whose first record has no
 * "html" or "text" field is not a page export (gold annotations, logs) and is passed over whole, without errors.
 */
function parseLine(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * One non-blank JSONL line as a page, or the reason it is not one (`file:n` names it). Shared by `readJsonl` and the
 * queue's JSONL slices, so both read a line the same way.
 */
export function pageFromJsonLine(text: string, file: string, n: number, limit = DEFAULT_MAX_PAGE_BYTES): SourceItem {
  const record = `line ${n}`;
  const fail = (reason: string, source = `${file}:${n}`): SourceItem => ({ kind: 'error', source, record, reason });
  let obj: any;
  try {
    obj = JSON.parse(text);
  } catch (err: any) {
    return fail(`line ${n} is not valid JSON (${err.message})`);
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return fail(`line ${n} is not a JSON object with "url" and "html" or "text"`);
  const isHtml = typeof obj.html === 'string';
  const body: unknown = isHtml ? obj.html : obj.text;
  if (typeof body !== 'string') return fail(`line ${n} has neither an "html" nor a "text" string field`);
  const url = typeof obj.url === 'string' && obj.url ? obj.url : undefined;
  const bytes = Buffer.from(body, 'utf8');
  if (bytes.length === 0) return fail(`line ${n} has an empty "${isHtml ? 'html' : 'text'}" field`, url ?? `${file}:${n}`);
  if (bytes.length > limit) return fail(tooLarge(bytes.length, limit), url ?? `${file}:${n}`);
  const fetched = obj.fetched_at ?? obj.fetchedAt ?? obj.timestamp ?? obj.date;
  return {
    kind: 'page',
    record,
    page: {
      source: url ?? `${file}:${n}`,
      ...(url ? { url } : {}),
      ...(typeof fetched === 'string' && fetched ? { fetchedAt: fetched } : {}),
      bytes,
      // The JSON string was Unicode already; re-encoded as UTF-8, which outranks whatever the HTML's <meta> says.
      contentType: `${isHtml ? 'text/html' : 'text/plain'}; charset=utf-8`,
      format: isHtml ? 'html' : 'text',
    },
  };
}

export async function* readJsonl(file: string, opts: ReadOptions = {}, explicit = true): AsyncGenerator<SourceItem> {
  const limit = opts.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  // A line holds the page plus JSON escaping (\uXXXX can triple Chinese text): allow for it before refusing.
  const maxLine = limit * 6 + 64 * 1024;
  let last = 0;
  let sawPage = false;
  try {
    for await (const { n, line, size } of lines(openInput(file, opts.progress), maxLine)) {
      last = n;
      const record = `line ${n}`;
      const fail = (reason: string): SourceItem => ({ kind: 'error', source: `${file}:${n}`, record, reason });
      if (line === null) {
        yield fail(tooLarge(size, limit));
        continue;
      }
      const text = line.toString('utf8').trim();
      if (!text) continue;
      const obj = parseLine(text);
      const isObject = !!obj && typeof obj === 'object' && !Array.isArray(obj);
      if (isObject && typeof obj.html !== 'string' && typeof obj.text !== 'string' && !sawPage && !explicit) {
        yield { kind: 'skipped', source: file, record: null, reason: 'not a page export: its records have no "html" or "text" field', what: 'JSONL file' };
        return;
      }
      if (isObject) sawPage = true;
      yield pageFromJsonLine(text, file, n, limit);
    }
  } catch (err: any) {
    yield {
      kind: 'error',
      source: file,
      record: last ? `after line ${last}` : null,
      reason: /gz|zlib|unexpected end/i.test(String(err?.code ?? '') + err?.message) ? `${gzipReason(err)}; the lines after ${last} are lost` : String(err?.message ?? err),
    };
  }
}
