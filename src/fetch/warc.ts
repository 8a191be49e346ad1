/**
 * The output archive: WARC records written with warcio (so any WARC tool reads them), appended to `FILE.warc.gz`
 * (each record its own gzip member) or `FILE.warc` (plain).
 *
 * Resuming needs two things from a file a killed run may have left behind: where the last complete record ends, so a
 * half-written one can be cut off before appending, and which URLs already have a response. `scanArchive` finds both by
 * walking the file record by record: a gzip member counts only if it inflates completely and its CRC and length
 * trailer match, and a record only if its block is as long as its Content-Length says and ends with CRLF CRLF.
 */
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { RawExchange } from './http.js';
import { header } from './http.js';

/** A response record as the resume index sees it. */
export interface ArchivedResponse {
  uri: string;
  status: number;
  location: string | null;
  truncated: string | null;
  date: string;
}

export interface ArchiveScan {
  /** File size found. */
  fileBytes: number;
  /** Bytes up to the end of the last complete record (a request without its response does not count). */
  validBytes: number;
  records: number;
  /** Every complete record kept: its type and byte range in the file. */
  entries: Array<{ type: string; start: number; end: number }>;
  responses: ArchivedResponse[];
  /** Why the tail after validBytes is not kept, when there is one. */
  cutReason: string | null;
}

export function isGzipArchive(file: string): boolean {
  return /\.gz$/i.test(file);
}

interface ScannedRecord {
  start: number;
  end: number;
  type: string;
  response?: ArchivedResponse;
}

/** Reads a file window by window; a window grows when a record does not fit. */
class FileWindow {
  private fd: number;
  readonly size: number;
  constructor(file: string) {
    this.fd = openSync(file, 'r');
    this.size = fstatSync(this.fd).size;
  }
  read(pos: number, len: number): Buffer {
    const n = Math.max(0, Math.min(len, this.size - pos));
    const buf = Buffer.alloc(n);
    let got = 0;
    while (got < n) got += readSync(this.fd, buf, got, n - got, pos + got);
    return buf;
  }
  close() {
    closeSync(this.fd);
  }
}

const FIRST_WINDOW = 1 << 20;

export function scanArchive(file: string): ArchiveScan {
  if (!existsSync(file)) return { fileBytes: 0, validBytes: 0, records: 0, entries: [], responses: [], cutReason: null };
  const win = new FileWindow(file);
  const gz = isGzipArchive(file);
  const records: ScannedRecord[] = [];
  let pos = 0;
  let cutReason: string | null = null;
  try {
    while (pos < win.size) {
      const got = gz ? nextGzipRecord(win, pos) : nextPlainRecord(win, pos);
      if ('error' in got) {
        cutReason = `${got.error} at byte ${pos}`;
        break;
      }
      records.push({ ...got.record, start: pos, end: got.end });
      pos = got.end;
    }
  } finally {
    win.close();
  }
  // A request is written just before its response; alone at the end it belongs to an exchange that was not finished.
  while (records.length && records[records.length - 1]!.type === 'request') {
    records.pop();
    cutReason ??= 'request record without its response';
  }
  const validBytes = records.length ? records[records.length - 1]!.end : 0;
  if (validBytes < win.size) cutReason ??= 'incomplete data after the last record';
  return {
    fileBytes: win.size,
    validBytes,
    records: records.length,
    entries: records.map(({ type, start, end }) => ({ type, start, end })),
    responses: records.flatMap((r) => (r.response ? [r.response] : [])),
    cutReason: validBytes < win.size ? cutReason : null,
  };
}

type Next = { record: Omit<ScannedRecord, 'start' | 'end'>; end: number } | { error: string };

function nextGzipRecord(win: FileWindow, pos: number): Next {
  for (let len = FIRST_WINDOW; ; len *= 4) {
    const buf = win.read(pos, len);
    const atEof = pos + buf.length >= win.size;
    const hdr = gzipHeaderLength(buf);
    if (hdr === 'bad') return { error: 'not a gzip member' };
    if (hdr === null) {
      if (atEof) return { error: 'truncated gzip header' };
      continue;
    }
    let data: Buffer;
    let consumed: number;
    try {
      const r = zlib.inflateRawSync(buf.subarray(hdr), { info: true }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      data = r.buffer;
      consumed = r.engine.bytesWritten;
    } catch (err: any) {
      if (err?.code === 'Z_BUF_ERROR' && !atEof) continue; // the member goes on past this window
      return { error: err?.code === 'Z_BUF_ERROR' ? 'truncated gzip member' : `corrupt gzip member (${err?.message ?? err})` };
    }
    const trailerAt = hdr + consumed;
    if (buf.length < trailerAt + 8) {
      if (!atEof) continue;
      return { error: 'gzip member without its trailer' };
    }
    const crc = buf.readUInt32LE(trailerAt);
    const isize = buf.readUInt32LE(trailerAt + 4);
    if (isize !== data.length % 2 ** 32 || crc !== zlib.crc32(data)) return { error: 'gzip member fails its CRC check' };
    const rec = parseRecord(data, 0);
    if ('error' in rec) return rec;
    if (rec.end !== data.length) return { error: 'gzip member holds more than one record' };
    return { record: rec.record, end: pos + trailerAt + 8 };
  }
}

function nextPlainRecord(win: FileWindow, pos: number): Next {
  for (let len = FIRST_WINDOW; ; len *= 4) {
    const buf = win.read(pos, len);
    const atEof = pos + buf.length >= win.size;
    const rec = parseRecord(buf, 0);
    if ('error' in rec) {
      if (rec.error === 'incomplete' && !atEof) continue;
      return { error: rec.error === 'incomplete' ? 'truncated record' : rec.error };
    }
    return { record: rec.record, end: pos + rec.end };
  }
}

/** Length of a gzip member header (RFC 1952); null when the buffer is too short to hold it, 'bad' when it is none. */
function gzipHeaderLength(buf: Buffer): number | 'bad' | null {
  if (buf.length >= 3 && (buf[0] !== 0x1f || buf[1] !== 0x8b || buf[2] !== 8)) return 'bad';
  if (buf.length < 10) return null;
  const flags = buf[3]!;
  let p = 10;
  if (flags & 4) {
    if (buf.length < p + 2) return null;
    p += 2 + buf.readUInt16LE(p);
  }
  for (const bit of [8, 16]) {
    if (flags & bit) {
      const z = buf.indexOf(0, p);
      if (z < 0) return null;
      p = z + 1;
    }
  }
  if (flags & 2) p += 2;
  return p <= buf.length ? p : null;
}

const CRLFCRLF = Buffer.from('\r\n\r\n');

/** One WARC record at `at`: its type and, for a response, what the resume index needs. */
function parseRecord(buf: Buffer, at: number): { record: Omit<ScannedRecord, 'start' | 'end'>; end: number } | { error: string } {
  if (buf.length - at < 5) return { error: 'incomplete' };
  if (buf.toString('latin1', at, at + 5) !== 'WARC/') return { error: 'not a WARC record' };
  const headEnd = buf.indexOf(CRLFCRLF, at);
  if (headEnd < 0) return { error: 'incomplete' };
  const fields = parseFields(buf.toString('utf8', at, headEnd));
  const length = Number(fields.get('content-length'));
  if (!Number.isInteger(length) || length < 0) return { error: 'WARC record without a valid Content-Length' };
  const blockStart = headEnd + 4;
  const end = blockStart + length + 4;
  if (buf.length < end) return { error: 'incomplete' };
  if (!buf.subarray(end - 4, end).equals(CRLFCRLF)) return { error: 'WARC record does not end with CRLF CRLF' };
  const type = fields.get('warc-type') ?? '';
  const record: Omit<ScannedRecord, 'start' | 'end'> = { type };
  if (type === 'response') {
    const block = buf.subarray(blockStart, blockStart + length);
    const httpEnd = block.indexOf(CRLFCRLF);
    const http = parseHttpHead(block.toString('latin1', 0, httpEnd < 0 ? Math.min(block.length, 8192) : httpEnd));
    record.response = {
      uri: fields.get('warc-target-uri') ?? '',
      status: http.status,
      location: http.fields.get('location') ?? null,
      truncated: fields.get('warc-truncated') ?? null,
      date: fields.get('warc-date') ?? '',
    };
  }
  return { record, end };
}

function parseFields(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\r\n').slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) out.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return out;
}

function parseHttpHead(text: string): { status: number; fields: Map<string, string> } {
  const first = text.split('\r\n', 1)[0] ?? '';
  const status = Number(/^HTTP\/\S+\s+(\d{3})/.exec(first)?.[1] ?? 0);
  return { status, fields: parseFields(text) };
}

/**
 * Node reads header octets as latin1. warcio writes header text as UTF-8, so a field that was UTF-8 on the wire is
 * turned back into the string whose UTF-8 is those octets; anything else stays as read.
 */
function wireString(latin1: string): string {
  if (!/[^\x00-\x7f]/.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return latin1;
  }
}

/**
 * The body as the record stores it. Node has removed the chunked framing; a response that says
 * `Transfer-Encoding: chunked` gets its body back as one chunk, so headers and body agree as they did on the wire
 * and WARC readers that de-chunk (as they must for archives written from raw sockets) read it right.
 */
function recordBody(ex: RawExchange): Buffer {
  const te = header(ex.headers, 'transfer-encoding') ?? '';
  if (!/\bchunked\b/i.test(te)) return ex.body;
  const parts = ex.body.length ? [Buffer.from(ex.body.length.toString(16) + '\r\n'), ex.body, Buffer.from('\r\n')] : [];
  return Buffer.concat([...parts, Buffer.from('0\r\n\r\n')]);
}

function parseRequestHead(head: string): { statusline: string; headers: Array<[string, string]> } {
  const lines = head.split('\r\n').filter((l) => l.length);
  const headers: Array<[string, string]> = [];
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.push([line.slice(0, i), line.slice(i + 1).trim()]);
  }
  return { statusline: lines[0] ?? 'GET / HTTP/1.1', headers };
}

async function serialize(record: WARCRecord, gzip: boolean): Promise<Buffer> {
  return Buffer.from(await WARCSerializer.serialize(record, { gzip }));
}

export class WarcWriter {
  private fd: number | null = null;
  private infoId: Promise<string> | null = null;
  readonly gzip: boolean;

  /**
   * Opens `file` for appending: cuts off whatever follows the last complete record first. `info` is written as a
   * warcinfo record before this run's first exchange (one per run, so each run's settings stay on record).
   */
  constructor(
    readonly file: string,
    readonly scan: ArchiveScan,
    private readonly info: Record<string, string>,
  ) {
    this.gzip = isGzipArchive(file);
  }

  static open(file: string, info: Record<string, string>): WarcWriter {
    const scan = scanArchive(file);
    const w = new WarcWriter(file, scan, info);
    w.fd = openSync(file, existsSync(file) ? 'r+' : 'w');
    if (scan.fileBytes > scan.validBytes) ftruncateSync(w.fd, scan.validBytes);
    return w;
  }

  private append(buf: Buffer) {
    if (this.fd === null) throw new Error('archive is closed');
    const at = fstatSync(this.fd).size;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off, at + off);
  }

  /** Exchanges finish concurrently: the first one starts writing the warcinfo record and the others wait for it. */
  private ensureInfo(): Promise<string> {
    this.infoId ??= (async () => {
      const rec = WARCRecord.createWARCInfo({ filename: path.basename(this.file), warcVersion: 'WARC/1.0' }, this.info);
      const id = rec.warcHeaders.headers.get('WARC-Record-ID')!;
      this.append(await serialize(rec, this.gzip));
      return id;
    })();
    return this.infoId;
  }

  /** Appends the request and response records of one exchange in a single write. Returns the response record's id. */
  async writeExchange(ex: RawExchange): Promise<string> {
    const infoId = await this.ensureInfo();
    const date = ex.startedAt.toISOString();
    const responseHeaders: Record<string, string> = { 'WARC-Warcinfo-ID': infoId };
    if (ex.remoteAddress) responseHeaders['WARC-IP-Address'] = ex.remoteAddress;
    if (ex.truncated) responseHeaders['WARC-Truncated'] = ex.truncated;
    const response = WARCRecord.create(
      {
        url: ex.url,
        date,
        type: 'response',
        warcVersion: 'WARC/1.0',
        warcHeaders: responseHeaders,
        statusline: `HTTP/${ex.httpVersion} ${ex.status} ${ex.statusText}`.trimEnd(),
        httpHeaders: ex.headers.map(([k, v]) => [k, wireString(v)] as [string, string]),
      },
      [new Uint8Array(recordBody(ex))],
    );
    const responseId = response.warcHeaders.headers.get('WARC-Record-ID')!;
    const req = parseRequestHead(ex.requestHead);
    const request = WARCRecord.create(
      {
        url: ex.url,
        date,
        type: 'request',
        warcVersion: 'WARC/1.0',
        warcHeaders: { 'WARC-Warcinfo-ID': infoId, 'WARC-Concurrent-To': responseId },
        statusline: req.statusline,
        httpHeaders: req.headers,
      },
      [],
    );
    // Request first, then response: a request left alone at the end marks an exchange the scan will cut off.
    this.append(Buffer.concat([await serialize(request, this.gzip), await serialize(response, this.gzip)]));
    return responseId;
  }

  close() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}
