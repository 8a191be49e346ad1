/**
 * The real servers the distributed tests use: PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (override with
 * NEWSFACTS_TEST_PG / NEWSFACTS_TEST_REDIS). Each test file makes its own database and queue names and removes them.
 * When a server is down the tests are skipped with a warning, unless NEWSFACTS_REQUIRE_SERVICES=1 (CI) makes that a
 * failure.
 */
import net from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const PG_BASE = process.env.NEWSFACTS_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432';
export const REDIS_URL = process.env.NEWSFACTS_TEST_REDIS ?? 'redis://127.0.0.1:6379';
export const REQUIRED = process.env.NEWSFACTS_REQUIRE_SERVICES === '1';
export const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

let seq = 0;
/** A database URL unique to this process and call. */
export function pgTestUrl(tag: string): string {
  return `${PG_BASE.replace(/\/$/, '')}/newsfacts_test_${process.pid}_${tag}_${++seq}`;
}

function reachable(url: string, defaultPort: number): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: u.hostname, port: Number(u.port || defaultPort) });
    socket.setTimeout(1000);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => (socket.destroy(), resolve(false)));
  });
}

export async function postgresUp(): Promise<boolean> {
  return reachable(PG_BASE, 5432);
}

export async function redisUp(): Promise<boolean> {
  if (!(await reachable(REDIS_URL, 6379))) return false;
  try {
    await import('ioredis' as string);
    return true;
  } catch {
    return false;
  }
}

/** The built CLI (the worker tests run it as child processes). */
export function builtCli(): string | null {
  const bin = path.join(REPO, 'bin', 'newsfacts.js');
  return existsSync(path.join(REPO, 'dist', 'src', 'cli', 'index.js')) ? bin : null;
}

/** Fails (CI) or warns and reports false (a laptop without the servers). */
export function need(ok: boolean, what: string): boolean {
  if (ok) return true;
  if (REQUIRED) throw new Error(`${what} is required (NEWSFACTS_REQUIRE_SERVICES=1) but not available`);
  console.warn(`skipping: ${what} is not available`);
  return false;
}
