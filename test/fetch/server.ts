/**
 * A local news site on 127.0.0.1 for the fetch tests: pages in UTF-8, GBK and Big5 (charset in the header, in
 * <meta>, wrongly declared, or not at all), a robots.txt that disallows a path, redirects, error statuses that
 * succeed on retry, a response that never finishes, one over the size cap and one gzip-encoded. Every request is
 * logged with its arrival time, so politeness is measured from the server's side.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

export interface LoggedRequest {
  path: string;
  at: number;
  userAgent: string;
  /** Requests in progress on the server when this one arrived (itself included). */
  inFlight: number;
}

export interface TestSite {
  base: string;
  log: LoggedRequest[];
  /** Exact bytes served for a path (the body, before any content coding for /gzip). */
  served: Map<string, Buffer>;
  close(): Promise<void>;
}

const zhHans = '<p>今年以来，全市累计发放创业担保贷款3200万元，扶持创业1200人。</p>';
const zhHant = '<p>今年以來，全市累計發放創業擔保貸款3200萬元，扶持創業1200人。</p>';

function page(title: string, body: string, meta = ''): string {
  return `<!DOCTYPE html><html><head>${meta}<title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

export const PAGES = {
  utf8: page('创业担保贷款', zhHans),
  gbk: page('创业担保贷款', zhHans, '<meta charset="gbk">'),
  big5Wrong: page('創業擔保貸款', zhHant),
  big5None: page('創業擔保貸款', zhHant),
  gzip: page('gzip', '<p>The province lent $12 million to 300 small firms.</p>'),
  final: page('final', '<p>Redirected here.</p>'),
  ok: page('ok', '<p>Second try worked.</p>'),
};

export const ROBOTS = [
  '# test robots',
  'User-agent: otherbot',
  'Disallow: /',
  '',
  'User-agent: *',
  'Disallow: /private',
  'Allow: /private/open$',
  '',
].join('\n');

export async function startSite(): Promise<TestSite> {
  const log: LoggedRequest[] = [];
  const served = new Map<string, Buffer>();
  const hits = new Map<string, number>();
  let inFlight = 0;
  const open = new Set<http.ServerResponse>();

  const send = (res: http.ServerResponse, path: string, status: number, headers: Record<string, string>, body: Buffer) => {
    served.set(path, body);
    res.writeHead(status, { 'Content-Length': String(body.length), ...headers });
    res.end(body);
  };

  const server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    inFlight++;
    open.add(res);
    res.on('close', () => {
      inFlight--;
      open.delete(res);
    });
    log.push({ path, at: Date.now(), userAgent: String(req.headers['user-agent'] ?? ''), inFlight });
    const n = (hits.get(path) ?? 0) + 1;
    hits.set(path, n);
    const html = (charset?: string) => ({ 'Content-Type': charset ? `text/html; charset=${charset}` : 'text/html' });
    switch (path) {
      case '/robots.txt':
        return send(res, path, 200, { 'Content-Type': 'text/plain' }, Buffer.from(ROBOTS));
      case '/news/utf8.html':
        return send(res, path, 200, html('utf-8'), Buffer.from(PAGES.utf8, 'utf8'));
      case '/news/gbk.html':
        return send(res, path, 200, html(), iconv.encode(PAGES.gbk, 'gbk'));
      case '/news/big5-wrong.html': // declared UTF-8 in the header, really Big5
        return send(res, path, 200, html('utf-8'), iconv.encode(PAGES.big5Wrong, 'big5'));
      case '/news/big5-none.html':
        return send(res, path, 200, html(), iconv.encode(PAGES.big5None, 'big5'));
      case '/news/gzip.html': {
        // gzip-encoded and chunked (no Content-Length), as many servers send pages
        const body = Buffer.from(PAGES.gzip, 'utf8');
        served.set(path, body);
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' });
        const z = zlib.gzipSync(body);
        served.set(path + '#gzip', z);
        res.write(z.subarray(0, 10));
        res.end(z.subarray(10));
        return;
      }
      case '/r/1':
        return send(res, path, 301, { Location: '/r/2' }, Buffer.from('moved'));
      case '/r/2':
        return send(res, path, 302, { Location: '/r/final.html' }, Buffer.from('found'));
      case '/r/final.html':
        return send(res, path, 200, html('utf-8'), Buffer.from(PAGES.final));
      case '/r/loop':
        return send(res, path, 302, { Location: '/r/loop' }, Buffer.from(''));
      case '/flaky/503':
        if (n === 1) return send(res, path, 503, { 'Retry-After': '1', 'Content-Type': 'text/plain' }, Buffer.from('busy'));
        return send(res, path, 200, html('utf-8'), Buffer.from(PAGES.ok));
      case '/flaky/500':
        if (n === 1) return send(res, path, 500, { 'Content-Type': 'text/plain' }, Buffer.from('oops'));
        return send(res, path, 200, html('utf-8'), Buffer.from(PAGES.ok));
      case '/flaky/429':
        if (n === 1) return send(res, path, 429, { 'Retry-After': '1', 'Content-Type': 'text/plain' }, Buffer.from('slow down'));
        return send(res, path, 200, html('utf-8'), Buffer.from(PAGES.ok));
      case '/missing.html':
        return send(res, path, 404, html('utf-8'), Buffer.from(page('Not found', '<p>No such page.</p>')));
      case '/slow.html': // headers and a little body, then nothing
        res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': '100000' });
        res.write('<html><body>');
        return;
      case '/big.html': {
        const body = Buffer.from(page('big', '<p>' + 'x'.repeat(200_000) + '</p>'));
        return send(res, path, 200, html('utf-8'), body);
      }
      case '/private/secret.html':
        return send(res, path, 200, html('utf-8'), Buffer.from(page('secret', '<p>robots.txt says no</p>')));
      default:
        return send(res, path, 404, { 'Content-Type': 'text/plain' }, Buffer.from('not found'));
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    log,
    served,
    close: () =>
      new Promise<void>((r) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
