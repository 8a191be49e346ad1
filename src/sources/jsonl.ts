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
      let obj: any;
      try {
        obj = JSON.parse(text);
      } catch (err: any) {
        yield fail(`line ${n} is not valid JSON (${err.message})`);
        continue;
      }
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
        yield fail(`line ${n} is not a JSON object with "url" and "html" or "text"`);
        continue;
      }
      const isHtml = typeof obj.html === 'string';
      const body: unknown = isHtml ? obj.html : obj.text;
      if (typeof body !== 'string' && !sawPage && !explicit) {
        yield { kind: 'skipped', source: file, record: null, reason: 'not a page export: its records have no "html" or "text" field' };
        return;
      }
      sawPage = true;
      if (typeof body !== 'string') {
        yield fail(`line ${n} has neither an "html" nor a "text" string field`);
        continue;
      }
      const url = typeof obj.url === 'string' && obj.url ? obj.url : undefined;
      const bytes = Buffer.from(body, 'utf8');
      if (bytes.length === 0) {
        yield { kind: 'error', source: url ?? `${file}:${n}`, record, reason: `line ${n} has an empty "${isHtml ? 'html' : 'text'}" field` };
        continue;
      }
      if (bytes.length > limit) {
        yield { kind: 'error', source: url ?? `${file}:${n}`, record, reason: tooLarge(bytes.length, limit) };
        continue;
      }
      const fetched = obj.fetched_at ?? obj.fetchedAt ?? obj.timestamp ?? obj.date;
      yield {
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
  } catch (err: any) {
    yield {
      kind: 'error',
      source: file,
      record: last ? `after line ${last}` : null,
      reason: /gz|zlib|unexpected end/i.test(String(err?.code ?? '') + err?.message) ? `${gzipReason(err)}; the lines after ${last} are lost` : String(err?.message ?? err),
    };
  }
}
