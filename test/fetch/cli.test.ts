import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { jest } from '@jest/globals';
import { main } from '../../src/cli/index.js';
import { scanArchive } from '../../src/fetch/fetch-to-warc.js';
import { startSite, type TestSite } from './server.js';

describe('newsfacts fetch (command line)', () => {
  let site: TestSite;
  let dir: string;
  let printed: string[];
  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(path.join(os.tmpdir(), 'nf-cli-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    printed = [];
    jest.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
    jest.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void printed.push(a.join(' ')));
  });
  afterEach(() => jest.restoreAllMocks());

  const run = (...args: string[]) => main(['node', 'newsfacts', ...args]);

  test('fetches a list into an archive, prints a summary and writes the report', async () => {
    const list = path.join(dir, 'urls.txt');
    writeFileSync(list, ['/news/utf8.html', '/missing.html', '/private/secret.html'].map((p) => site.base + p).join('\n') + '\n');
    const out = path.join(dir, 'pages.warc.gz');
    const report = path.join(dir, 'report.csv');
    const code = await run('fetch', list, '--out', out, '--report', report, '--interval', '20', '--retries', '0', '--fail-on-error');
    expect(code).toBe(1); // the 404, with --fail-on-error
    expect(printed[0]).toMatch(/^fetch: 3 URLs → .*pages\.warc\.gz: fetched 1, HTTP errors 1, failed 0, skipped 1 \(0 already in the archive\); 3 requests/);
    expect(printed.join('\n')).toContain(`skipped: ${site.base}/private/secret.html: disallowed by robots.txt (Disallow: /private)`);
    const rows = readFileSync(report, 'utf8').trim().split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/\/missing\.html,http_error,404,/);
    // URLs are fetched concurrently, so the archive holds the responses in whichever order they arrived.
    const archived = scanArchive(out).responses.map((r) => `${r.status} ${new URL(r.uri).pathname}`);
    expect(archived.sort()).toEqual(['200 /news/utf8.html', '404 /missing.html']);
  });

  test('usage errors exit with status 2', async () => {
    jest.spyOn(process.stderr, 'write').mockImplementation(() => true); // commander prints the usage there
    expect(await run('fetch', path.join(dir, 'urls.txt'), '--out', path.join(dir, 'pages.zip'))).toBe(2);
    expect(await run('fetch', path.join(dir, 'nope.txt'), '--out', path.join(dir, 'x.warc.gz'))).toBe(2);
    expect(await run('fetch', path.join(dir, 'urls.txt'), '--out', path.join(dir, 'x.warc.gz'), '--per-host', '0')).toBe(2);
    expect(await run('fetch', path.join(dir, 'urls.txt'))).toBe(2); // --out is required
  });
});
