/**
 * Starts the test site (site.mjs) in a child process and talks to it. A separate process matters: the politeness
 * test reads arrival times from the server's log, and a server sharing the fetcher's event loop would log them late
 * whenever the fetcher is busy (serializing a record, say), which makes gaps look shorter than they were.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';

export interface LoggedRequest {
  path: string;
  at: number;
  userAgent: string;
  /** Requests in progress on the server when this one arrived (itself included). */
  inFlight: number;
}

export interface TestSite {
  base: string;
  log(): Promise<LoggedRequest[]>;
  /** Exact bytes served for a path (`/news/gzip.html#gzip`: the compressed form). */
  served(p: string): Promise<Buffer>;
  close(): Promise<void>;
}

function get(url: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${url}: ${res.statusCode}`))));
      })
      .on('error', reject);
  });
}

export async function startSite(): Promise<TestSite> {
  const script = path.resolve('test/fetch/site.mjs'); // jest runs from the repository root
  const child: ChildProcess = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
  const ports = await new Promise<{ sitePort: number; controlPort: number }>((resolve, reject) => {
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      buf += c.toString();
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve(JSON.parse(buf.slice(0, nl)));
    });
    child.on('exit', (code) => reject(new Error(`test site exited with ${code}`)));
  });
  const control = `http://127.0.0.1:${ports.controlPort}`;
  return {
    base: `http://127.0.0.1:${ports.sitePort}`,
    log: async () => JSON.parse((await get(`${control}/log`)).toString()),
    served: (p) => get(`${control}/served?path=${encodeURIComponent(p)}`),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin!.end();
      }),
  };
}
