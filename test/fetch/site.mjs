/**
 * A local news site on 127.0.0.1 for the fetch tests, run in its own process (see server.ts) so that the arrival
 * times it logs are not delayed by the fetcher's work on a shared event loop.
 *
 * Pages in UTF-8, GBK and Big5 (charset in the header, in <meta>, wrongly declared, or not at all), a robots.txt that
 * disallows a path, redirects, error statuses that succeed on retry, a response that never finishes, one over the
 * size cap and one gzip-encoded. A second port answers the test: GET /log (every request with its arrival time) and
 * GET /served?path=P (the bytes served for P; P#gzip for the compressed form).
 */
import http from 'node:http';
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

import * as OpenCC from 'opencc-js';

// An article long enough for the cleaner to take it as one (a title and a few paragraphs of prose).
const zhHans = [
  '本报讯 今年以来，我市把稳就业作为民生工作的重点，围绕返乡创业、技能培训和小微企业融资等方面持续发力，各项工作取得明显成效。',
  '据市人力资源和社会保障局介绍，今年以来，全市累计发放创业担保贷款3200万元，扶持创业1200人，带动就业近四千人。',
  '下一步，市里将继续优化办事流程，简化贷款审批环节，推动更多惠企政策直达市场主体，为高质量发展提供有力支撑。',
]
  .map((p) => `<p>${p}</p>`)
  .join('');
const zhHant = OpenCC.Converter({ from: 'cn', to: 'tw' })(zhHans);
const en = [
  'The provincial development fund has lent $12 million to 300 small firms since January, officials said on Monday.',
  'Most of the loans went to family workshops and food processors in the northern districts, where demand for credit has grown quickly.',
  'The fund plans to open two more branch offices before the end of the year to shorten waiting times for applicants.',
]
  .map((p) => `<p>${p}</p>`)
  .join('');

function page(title, body, meta = '') {
  return `<!DOCTYPE html><html><head>${meta}<title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;
}

const ROBOTS = ['# test robots', 'User-agent: otherbot', 'Disallow: /', '', 'User-agent: *', 'Disallow: /private', 'Allow: /private/open$', ''].join('\n');

const log = [];
const served = new Map();
const hits = new Map();
const open = new Set();
let inFlight = 0;

function send(res, path, status, headers, body) {
  served.set(path, body);
  res.writeHead(status, { 'Content-Length': String(body.length), ...headers });
  res.end(body);
}
const html = (charset) => ({ 'Content-Type': charset ? `text/html; charset=${charset}` : 'text/html' });

const site = http.createServer((req, res) => {
  const at = Date.now();
  const path = req.url ?? '/';
  inFlight++;
  open.add(res);
  res.on('close', () => {
    inFlight--;
    open.delete(res);
  });
  log.push({ path, at, userAgent: String(req.headers['user-agent'] ?? ''), inFlight });
  const n = (hits.get(path) ?? 0) + 1;
  hits.set(path, n);
  switch (path) {
    case '/robots.txt':
      return send(res, path, 200, { 'Content-Type': 'text/plain' }, Buffer.from(ROBOTS));
    case '/news/utf8.html':
      return send(res, path, 200, html('utf-8'), Buffer.from(page('创业担保贷款', zhHans), 'utf8'));
    case '/news/gbk.html': // charset only in <meta>
      return send(res, path, 200, html(), iconv.encode(page('创业担保贷款', zhHans, '<meta charset="gbk">'), 'gbk'));
    case '/news/big5-wrong.html': // declared UTF-8 in the header, really Big5
      return send(res, path, 200, html('utf-8'), iconv.encode(page('創業擔保貸款', zhHant), 'big5'));
    case '/news/big5-none.html': // no declaration anywhere
      return send(res, path, 200, html(), iconv.encode(page('創業擔保貸款', zhHant), 'big5'));
    case '/news/gzip.html': {
      // gzip-encoded and chunked (no Content-Length), as many servers send pages
      const body = Buffer.from(page('Fund lends to small firms', en), 'utf8');
      const z = zlib.gzipSync(body);
      served.set(path, body);
      served.set(path + '#gzip', z);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Transfer-Encoding': 'chunked' });
      res.write(z.subarray(0, 10));
      res.end(z.subarray(10));
      return;
    }
    case '/r/1':
      return send(res, path, 301, { Location: '/r/2' }, Buffer.from('moved'));
    case '/r/2':
      return send(res, path, 302, { Location: '/r/final.html' }, Buffer.from('found'));
    case '/r/final.html':
      return send(res, path, 200, html('utf-8'), Buffer.from(page('final', '<p>Redirected here.</p>')));
    case '/r/loop':
      return send(res, path, 302, { Location: '/r/loop' }, Buffer.from(''));
    case '/flaky/503':
      if (n === 1) return send(res, path, 503, { 'Retry-After': '1', 'Content-Type': 'text/plain' }, Buffer.from('busy'));
      return send(res, path, 200, html('utf-8'), Buffer.from(page('ok', '<p>Second try worked.</p>')));
    case '/flaky/500':
      if (n === 1) return send(res, path, 500, { 'Content-Type': 'text/plain' }, Buffer.from('oops'));
      return send(res, path, 200, html('utf-8'), Buffer.from(page('ok', '<p>Second try worked.</p>')));
    case '/flaky/429':
      if (n === 1) return send(res, path, 429, { 'Retry-After': '1', 'Content-Type': 'text/plain' }, Buffer.from('slow down'));
      return send(res, path, 200, html('utf-8'), Buffer.from(page('ok', '<p>Second try worked.</p>')));
    case '/missing.html':
      return send(res, path, 404, html('utf-8'), Buffer.from(page('Not found', '<p>No such page.</p>')));
    case '/slow.html': // headers and a little body, then nothing
      res.writeHead(200, { 'Content-Type': 'text/html', 'Content-Length': '100000' });
      res.write('<html><body>');
      return;
    case '/big.html':
      return send(res, path, 200, html('utf-8'), Buffer.from(page('big', '<p>' + 'x'.repeat(200_000) + '</p>')));
    case '/private/secret.html':
      return send(res, path, 200, html('utf-8'), Buffer.from(page('secret', '<p>robots.txt says no</p>')));
    default:
      return send(res, path, 404, { 'Content-Type': 'text/plain' }, Buffer.from('not found'));
  }
});

const control = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://control');
  if (url.pathname === '/log') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    return res.end(JSON.stringify(log));
  }
  if (url.pathname === '/served') {
    const body = served.get(url.searchParams.get('path') ?? '');
    res.writeHead(body ? 200 : 404);
    return res.end(body ?? '');
  }
  res.writeHead(404);
  res.end();
});

const listen = (server) => new Promise((r) => server.listen(0, '127.0.0.1', () => r(server.address().port)));
const [sitePort, controlPort] = await Promise.all([listen(site), listen(control)]);
process.stdout.write(JSON.stringify({ sitePort, controlPort }) + '\n');
// The test closes stdin to stop us (also when it dies).
process.stdin.resume();
process.stdin.on('end', () => {
  for (const res of open) res.destroy();
  site.closeAllConnections();
  control.closeAllConnections();
  process.exit(0);
});
