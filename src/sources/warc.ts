/**
 * WARC and WARC.gz archives (Heritrix, wget --warc-file, Common Crawl) through warcio's streaming parser. `response`
 * records (and `resource` records, as wget writes some) become pages with their target URL, WARC date and HTTP
 * Content-Type, whose charset the decoder honours. Other records (requests, metadata, warcinfo), non-2xx responses
 * and non-text payloads (images, PDFs) are passed over. A corrupt record is one error naming it; the archive goes on
 * when the parser can, and otherwise stops with an error saying where.
 */
import { WARCParser } from 'warcio';
import { openInput } from './stream.js';
import { looksLikeHtml } from './page.js';
import { DEFAULT_MAX_PAGE_BYTES, gzipReason, tooLarge, type ReadOptions, type SourceItem } from './types.js';

const PAGE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|text\/xml|application\/xml)\b/i;

export async function* readWarc(file: string, opts: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const limit = opts.maxPageBytes ?? DEFAULT_MAX_PAGE_BYTES;
  // .warc.gz is gunzipped by zlib before warcio sees it: zlib reads the concatenated per-record members and, unlike
  // warcio's own inflater, reports a truncated or damaged member instead of ending the archive silently.
  const parser = new WARCParser(openInput(file, opts.progress) as any);
  const name = opts.name ?? file;
  let n = 0;
  let lastGood = 'the start';
  try {
    for await (const record of parser) {
      n++;
      const id = record.warcHeader('WARC-Record-ID') ?? null;
      const where = `record ${n}${id ? ` ${id}` : ''} at byte ${parser.offset}`;
      const target = record.warcTargetURI ?? undefined;
      const source = target ?? `${name}#${n}`;
      const fail = (reason: string): SourceItem => ({ kind: 'error', source, record: id ?? `record ${n}`, reason: `${name}: ${where}: ${reason}` });
      const skip = (reason: string): SourceItem => ({ kind: 'skipped', source, record: id ?? `record ${n}`, reason, what: 'WARC record' });

      const versionLine = record.warcHeaders.statusline?.trim() ?? '';
      if (!/^WARC\/\d+\.\d+$/.test(versionLine)) {
        yield fail(`corrupt record: its header starts with ${JSON.stringify(versionLine.slice(0, 40))} instead of a WARC/1.x version line`);
        continue;
      }
      const type = record.warcType;
      const lengthHeader = record.warcHeader('Content-Length');
      if (!type || lengthHeader === undefined || lengthHeader === null || !/^\d+$/.test(String(lengthHeader).trim())) {
        yield fail(`corrupt record: ${!type ? 'no WARC-Type header' : 'no valid Content-Length header'}`);
        continue;
      }
      lastGood = where;
      if (type !== 'response' && type !== 'resource') continue;

      let contentType: string | undefined;
      if (type === 'response') {
        const http = record.httpHeaders;
        if (!http) {
          yield fail('corrupt record: a response record without an HTTP status line and headers');
          continue;
        }
        const status = Number(http.statusCode);
        if (!(status >= 200 && status < 300)) {
          yield skip(`HTTP status ${http.statusCode || 'missing'}`);
          continue;
        }
        contentType = http.headers.get('content-type') ?? undefined;
      } else {
        contentType = record.warcHeader('Content-Type') ?? undefined;
      }
      if (contentType && !PAGE_TYPES.test(contentType.trim())) {
        yield skip(`not a page (${contentType})`);
        continue;
      }
      if (record.warcContentLength > limit) {
        // Not read: warcio skips the unread payload when it moves to the next record.
        yield fail(tooLarge(record.warcContentLength, limit));
        continue;
      }
      let payload: Uint8Array;
      try {
        payload = await record.readFully(true);
      } catch (err: any) {
        // The byte stream itself failed (a truncated or damaged .gz): nothing after this point can be trusted.
        const msg = String(err?.message ?? err);
        const why = /unexpected end|Z_BUF_ERROR|zlib|gzip|incorrect header|invalid/i.test(msg + (err?.code ?? '')) ? gzipReason(err) : msg;
        yield fail(`cannot read the payload (${why}); the archive cannot be read past this record and the records after it are lost`);
        return;
      }
      if (!payload.length) {
        yield fail('empty response body');
        continue;
      }
      if (payload.length > limit) {
        yield fail(`${tooLarge(payload.length, limit)} once decoded`);
        continue;
      }
      const bytes = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
      const isText = contentType ? /^text\/plain/i.test(contentType.trim()) : false;
      yield {
        kind: 'page',
        record: id ?? `record ${n}`,
        page: {
          source,
          ...(target ? { url: target } : {}),
          ...(record.warcDate ? { fetchedAt: record.warcDate } : {}),
          bytes,
          ...(contentType ? { contentType } : {}),
          format: isText && !looksLikeHtml(bytes) ? 'text' : 'html',
        },
      };
    }
  } catch (err: any) {
    const msg = String(err?.message ?? err);
    const gz = /gzip|zlib|inflat|header check|unexpected end|incorrect|invalid/i.test(msg + (err?.code ?? ''));
    yield {
      kind: 'error',
      source: name,
      record: `after ${lastGood}`,
      reason: `${name}: the archive cannot be read past ${lastGood} (${gz ? gzipReason(err) : msg}); the records after it are lost`,
    };
  }
}
