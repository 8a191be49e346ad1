/**
 * The HTTP side of `newsfacts serve`: Node's `http`, a small router, security headers, and error handling that answers
 * a bad parameter with 400 and a message (never a stack trace). GET pages read through the read-only store; the one
 * POST (/review) writes a verdict through the separate review connection and redirects back.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { CLIENT_SCRIPT, STYLE, chartJsSource } from './assets.js';
import { NotFound, type Answer, type Request, type Response, type ServerContext } from './context.js';
import { html } from './html.js';
import { page } from './layout.js';
import { BadRequest, positiveInt } from './params.js';
import { chartsPage } from './pages/charts.js';
import { documentPage } from './pages/document.js';
import { factsExport } from './pages/export.js';
import { factsPage } from './pages/facts.js';
import { rulePage, rulesPage } from './pages/rules.js';
import { searchPage } from './pages/search.js';
import { summaryPage } from './pages/summary.js';

const SECURITY_HEADERS: Record<string, string> = {
  // Scripts only from this server: even markup that got through could not run (no inline script, no handlers).
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
};

const MAX_BODY = 16 * 1024;

function staticFile(name: string): { type: string; body: string } | null {
  if (name === 'style.css') return { type: 'text/css; charset=utf-8', body: STYLE };
  if (name === 'app.js') return { type: 'text/javascript; charset=utf-8', body: CLIENT_SCRIPT };
  if (name === 'chart.umd.js') return { type: 'text/javascript; charset=utf-8', body: chartJsSource() };
  return null;
}

function route(ctx: ServerContext, req: Request): Answer {
  const p = req.path;
  if (p === '/') return { kind: 'redirect', location: '/facts' };
  if (p === '/facts') return factsPage(ctx, req);
  if (p === '/facts.csv') return factsExport(ctx, req, 'csv');
  if (p === '/facts.json') return factsExport(ctx, req, 'json');
  if (p === '/rules') return rulesPage(ctx, req);
  if (p.startsWith('/rules/')) return rulePage(ctx, req, decodeSegment(p.slice('/rules/'.length)));
  if (p.startsWith('/doc/')) return documentPage(ctx, req, decodeSegment(p.slice('/doc/'.length)));
  if (p === '/search') return searchPage(ctx, req);
  if (p === '/charts') return chartsPage(ctx, req);
  if (p === '/summary') return summaryPage(ctx, req);
  throw new NotFound(`no page at ${p}`);
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new BadRequest('malformed URL');
  }
}

/** A path on this server to return to after a review; anything else (another site, a scheme) falls back to /rules. */
function safeBack(back: string | null): string {
  return back && /^\/(?!\/)[^\s\\]*$/.test(back) ? back : '/rules';
}

function review(ctx: ServerContext, body: URLSearchParams): Response {
  if (!ctx.reviews) throw new BadRequest('reviews are off (the server was started with --no-reviews)');
  const id = positiveInt(body.get('fact') ?? undefined, 'fact');
  if (id === undefined) throw new BadRequest("missing 'fact'");
  const verdict = body.get('verdict');
  if (verdict !== 'correct' && verdict !== 'wrong') throw new BadRequest("'verdict' must be correct or wrong");
  const f = ctx.store.fact(id);
  if (!f) throw new NotFound(`no fact ${id}`);
  // A verdict belongs to the fact's identity (document, type, value, unit, span), so it survives re-extraction.
  ctx.reviews.putReview({ documentId: f.document_id, type: f.type, value: f.value, unit: f.unit, start: f.start, end: f.end, verdict, reviewer: 'web' });
  return { kind: 'redirect', location: safeBack(body.get('back')) };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new BadRequest('request body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export interface ServerOptions {
  host?: string;
  port?: number;
  /** Called with every request that failed with a server error (the response only says "internal error"). */
  onError?: (err: unknown) => void;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function createHandler(ctx: ServerContext, opts: ServerOptions = {}) {
  const loopback = LOOPBACK_NAMES.has(opts.host ?? '127.0.0.1');
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const send = (status: number, type: string, body: string, extra: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': type, ...SECURITY_HEADERS, ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const errorPage = (status: number, title: string, message: string) =>
      send(status, 'text/html; charset=utf-8', page(title, 'facts', html`<h1>${title}</h1><p class="error" id="error-message">${message}</p><p><a href="/facts">Back to the facts</a></p>`));
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      // On a loopback address, only loopback host names: a page elsewhere cannot reach us by DNS rebinding.
      const hostName = (req.headers.host ?? '').replace(/:\d+$/, '');
      if (loopback && !LOOPBACK_NAMES.has(hostName)) throw new BadRequest(`unexpected Host '${hostName.slice(0, 60)}'`);
      if (url.pathname.startsWith('/static/')) {
        const file = staticFile(url.pathname.slice('/static/'.length));
        if (!file) throw new NotFound('no such file');
        return send(200, file.type, file.body, { 'Cache-Control': 'max-age=3600' });
      }
      let response: Response;
      if (req.method === 'POST' && url.pathname === '/review') {
        // Forms of this server only: another site's page cannot post verdicts.
        const origin = req.headers.origin;
        const site = req.headers['sec-fetch-site'];
        if ((origin && origin !== `http://${req.headers.host}`) || (site && site !== 'same-origin' && site !== 'none')) {
          throw new BadRequest('reviews are accepted from this server’s own pages only');
        }
        response = review(ctx, new URLSearchParams(await readBody(req)));
      } else if (req.method === 'GET' || req.method === 'HEAD') {
        response = await route(ctx, { method: req.method, path: url.pathname, params: url.searchParams, url: url.pathname + url.search });
      } else {
        return send(405, 'text/plain; charset=utf-8', 'method not allowed', { Allow: 'GET, HEAD, POST' });
      }
      if (response.kind === 'redirect') {
        res.writeHead(303, { Location: response.location, ...SECURITY_HEADERS });
        return void res.end();
      }
      if (response.kind === 'html') return send(response.status ?? 200, 'text/html; charset=utf-8', response.body);
      res.writeHead(200, {
        'Content-Type': response.contentType,
        ...(response.filename ? { 'Content-Disposition': `attachment; filename="${response.filename}"` } : {}),
        ...SECURITY_HEADERS,
      });
      if (req.method === 'HEAD') return void res.end();
      await response.write(
        (chunk) =>
          new Promise<void>((resolve, reject) => {
            if (res.destroyed) return reject(new Error('client went away'));
            if (res.write(chunk)) resolve();
            else res.once('drain', resolve);
          }),
      );
      res.end();
    } catch (err: any) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (err instanceof BadRequest || err instanceof RangeError) return errorPage(400, 'Bad request', err.message);
      if (err instanceof NotFound) return errorPage(404, 'Not found', err.message);
      opts.onError?.(err);
      return errorPage(500, 'Internal error', 'The server could not answer this request; the error was logged.');
    }
  };
}

export interface RunningServer {
  server: http.Server;
  url: string;
  close(): Promise<void>;
}

/** Starts listening (127.0.0.1 unless told otherwise; port 0 picks a free one). */
export function startServer(ctx: ServerContext, opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const handler = createHandler(ctx, { ...opts, host });
  const server = http.createServer((req, res) => void handler(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 8001, host, () => {
      const a = server.address() as AddressInfo;
      const shown = a.family === 'IPv6' ? `[${a.address}]` : a.address;
      resolve({
        server,
        url: `http://${shown}:${a.port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
