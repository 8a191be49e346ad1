/**
 * Where the queue lives: `redis://host:port[/db][?queue=NAME]`. The queue name defaults to `newsfacts`; one Redis can
 * hold many queues (a study each, or one per test). BullMQ runs as an ES module here, where it cannot load its Redis
 * driver by itself, so the ioredis client is made here and handed to it.
 */
import type { ConnectionOptions } from 'bullmq';

export const DEFAULT_QUEUE_NAME = 'newsfacts';

export interface QueueLocation {
  /** The Redis URL without the `queue` parameter. */
  redisUrl: string;
  name: string;
}

export function parseQueueUrl(url: string): QueueLocation {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`not a queue URL: '${url}' (expected redis://host:port?queue=NAME)`);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') throw new Error(`not a Redis URL: '${url}' (expected redis://…)`);
  const name = u.searchParams.get('queue') || DEFAULT_QUEUE_NAME;
  if (!/^[\w.-]+$/.test(name)) throw new Error(`queue name '${name}' may only hold letters, digits, '_', '.' and '-'`);
  u.search = '';
  return { redisUrl: u.toString(), name };
}

/** A new Redis connection for BullMQ (each Queue and Worker takes its own: a Worker blocks on its connection). */
export async function redisConnection(redisUrl: string): Promise<ConnectionOptions> {
  let mod: any;
  try {
    mod = await import('ioredis' as string);
  } catch {
    throw new Error("the queue needs the 'ioredis' package (BullMQ's Redis driver): npm install ioredis");
  }
  const Redis = mod.Redis ?? mod.default;
  // maxRetriesPerRequest: null is what BullMQ requires of a blocking connection; it retries forever on its own.
  return new Redis(redisUrl, { maxRetriesPerRequest: null, enableReadyCheck: true }) as ConnectionOptions;
}

/** BullMQ leaves a connection it was handed open: the one who made it closes it. */
export async function closeConnection(connection: ConnectionOptions): Promise<void> {
  const c = connection as { quit?: () => Promise<unknown>; disconnect?: () => void };
  try {
    await c.quit?.();
  } catch {
    c.disconnect?.();
  }
}
