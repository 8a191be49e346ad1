/**
 * One HTTP exchange with Node's own client, keeping what was received: the status line, the header fields in their
 * order and case, and the body with its content coding (gzip stays gzip). Node removes only the chunked transfer
 * framing, which the archive re-applies (see warc.ts). Nothing is decompressed or decoded here: that is ingest's job,
 * so the archive holds the page exactly as the server sent it.
 */
import http from 'node:http';
import https from 'node:https';

export interface HttpOptions {
  userAgent: string;
  /** Time to open the TCP (and TLS) connection. */
  connectTimeoutMs: number;
  /** Time from sending the request to the last byte of the body. */
  timeoutMs: number;
  /** Bodies longer than this are cut here and marked truncated. */
  maxBytes: number;
  agents?: { http: http.Agent; https: https.Agent };
  /** Called when the request has been handed to the socket (after connecting): when the server gets it. */
  onSent?: () => void;
}

export interface RawExchange {
  url: string;
  /** When the request was sent: the page's fetch time. */
  startedAt: Date;
  elapsedMs: number;
  /** The request head exactly as Node wrote it to the socket (request line, fields, blank line). */
  requestHead: string;
  httpVersion: string;
  status: number;
  statusText: string;
  /** Header fields as received, in order, duplicates kept. Values are latin1 strings, as Node reads octets. */
  headers: Array<[string, string]>;
  /** The body as received, still content-coded; transfer framing removed. */
  body: Buffer;
  /** 'length' when the body was cut at maxBytes. */
  truncated: 'length' | null;
  remoteAddress: string | null;
}

export type FetchErrorKind = 'connect-timeout' | 'timeout' | 'network' | 'dns' | 'invalid-url';

export class FetchError extends Error {
  constructor(
    message: string,
    readonly kind: FetchErrorKind,
  ) {
    super(message);
  }
  get retryable(): boolean {
    return this.kind !== 'invalid-url' && this.kind !== 'dns';
  }
}

/** What we ask for: pages, and compression the archive can keep and every WARC reader can undo. */
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.8';
const ACCEPT_ENCODING = 'gzip, deflate';

export function header(headers: Array<[string, string]>, name: string): string | undefined {
  const lower = name.toLowerCase();
  return headers.find(([k]) => k.toLowerCase() === lower)?.[1];
}

export function fetchRaw(target: URL, opts: HttpOptions): Promise<RawExchange> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new FetchError(`not an http(s) URL: ${target.href}`, 'invalid-url'));
  }
  const secure = target.protocol === 'https:';
  const mod = secure ? https : http;
  return new Promise<RawExchange>((resolve, reject) => {
    const startedAt = new Date();
    let settled = false;
    const timers: NodeJS.Timeout[] = [];
    const done = (err: Error | null, value?: RawExchange) => {
      if (settled) return;
      settled = true;
      for (const t of timers) clearTimeout(t);
      if (err) reject(err);
      else resolve(value!);
    };
    const req = mod.request(target, {
      method: 'GET',
      agent: opts.agents ? (secure ? opts.agents.https : opts.agents.http) : undefined,
      headers: { 'User-Agent': opts.userAgent, Accept: ACCEPT, 'Accept-Encoding': ACCEPT_ENCODING },
    });
    const fail = (err: FetchError) => {
      done(err);
      req.destroy();
    };
    timers.push(setTimeout(() => fail(new FetchError(`no complete response within ${opts.timeoutMs} ms`, 'timeout')), opts.timeoutMs));
    req.on('socket', (socket) => {
      // A kept-alive socket is already connected; only a new one can time out on connect.
      if (!socket.connecting) return;
      const t = setTimeout(() => fail(new FetchError(`no connection within ${opts.connectTimeoutMs} ms`, 'connect-timeout')), opts.connectTimeoutMs);
      timers.push(t);
      socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(t));
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof FetchError) return done(err);
      const kind = err.code === 'ENOTFOUND' ? 'dns' : 'network';
      done(new FetchError(err.code ? `${err.code}: ${err.message}` : err.message, kind));
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated: 'length' | null = null;
      // read now: a kept-alive socket goes back to the agent at the end of the body
      const remoteAddress = res.socket?.remoteAddress ?? null;
      const finish = () => {
        const headers: Array<[string, string]> = [];
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) headers.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        done(null, {
          url: target.href,
          startedAt,
          elapsedMs: Date.now() - startedAt.getTime(),
          requestHead: (req as unknown as { _header?: string })._header ?? '',
          httpVersion: res.httpVersion,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers,
          body: Buffer.concat(chunks),
          truncated,
          remoteAddress,
        });
      };
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        if (size + chunk.length > opts.maxBytes) {
          chunks.push(chunk.subarray(0, opts.maxBytes - size));
          size = opts.maxBytes;
          truncated = 'length';
          finish();
          req.destroy(); // stop downloading: the rest is not wanted
          return;
        }
        chunks.push(chunk);
        size += chunk.length;
      });
      res.on('end', () => {
        if (!res.complete) done(new FetchError('connection closed before the response ended', 'network'));
        else finish();
      });
      res.on('aborted', () => done(new FetchError('connection closed before the response ended', 'network')));
      res.on('error', (err) => done(new FetchError(err.message, 'network')));
    });
    req.on('finish', () => opts.onSent?.());
    req.end();
  });
}
