/**
 * Who may send a request when. p-queue limits how many requests run at once, overall and per host; a small gate per
 * host keeps the minimum interval between the moments requests to that host are actually sent.
 *
 * Why the interval is not p-queue's own `interval` option: a request waits in the host queue and then in the global
 * queue, and p-queue counts starts of its own tasks, so a host-queue interval would measure when a request began
 * waiting for a global slot, not when it reached the server. The gate is checked twice: once before taking a global
 * slot (so a slot is not held while waiting out the interval) and again, reserving the moment, right before sending.
 * Reservations only move forward, so no two sends to one host are closer than the interval, whatever the
 * concurrency; and when a request really leaves later than its reserved moment (a new connection, a busy event
 * loop), the gate moves on to that moment. Every request counts: robots.txt, each redirect hop and each retry.
 */
import PQueue from 'p-queue';

export interface PolitenessOptions {
  /** Requests in flight at once, all hosts together. */
  concurrency: number;
  /** Requests in flight at once to one host. */
  perHost: number;
  /** Minimum time between two requests sent to one host. */
  intervalMs: number;
}

export const DEFAULT_POLITENESS: PolitenessOptions = { concurrency: 4, perHost: 1, intervalMs: 1000 };

export function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

class HostGate {
  private last = -Infinity;
  constructor(public intervalMs: number) {}
  /** How long until a request could be sent, without claiming the moment. */
  waitMs(now = Date.now()): number {
    return Math.max(0, this.last + this.intervalMs - now);
  }
  /** Claims the next free moment and says how long to wait for it. */
  reserve(now = Date.now()): number {
    const at = Math.max(now, this.last + this.intervalMs);
    this.last = at;
    return at - now;
  }
  /**
   * The request really left at `now`. Connecting, TLS and a busy event loop can put that later than the reserved
   * moment, and the server counts from when the request arrives.
   */
  sent(now = Date.now()): void {
    this.last = Math.max(this.last, now);
  }
}

interface Host {
  queue: PQueue;
  gate: HostGate;
}

export class Scheduler {
  private readonly global: PQueue;
  private readonly hosts = new Map<string, Host>();

  constructor(readonly opts: PolitenessOptions) {
    this.global = new PQueue({ concurrency: Math.max(1, opts.concurrency) });
  }

  private host(key: string): Host {
    let h = this.hosts.get(key);
    if (!h) {
      h = { queue: new PQueue({ concurrency: Math.max(1, this.opts.perHost) }), gate: new HostGate(this.opts.intervalMs) };
      this.hosts.set(key, h);
    }
    return h;
  }

  /** A host asked for a longer pause (robots.txt Crawl-delay): honoured when longer than ours, never shorter. */
  slowDown(hostKey: string, intervalMs: number): void {
    const gate = this.host(hostKey).gate;
    gate.intervalMs = Math.max(this.opts.intervalMs, intervalMs);
  }

  intervalFor(hostKey: string): number {
    return this.host(hostKey).gate.intervalMs;
  }

  /**
   * Runs `send` as one request to the host, when its turn comes. `send` calls `markSent` when the request has
   * actually gone out, so the next one counts its interval from then.
   */
  request<T>(hostKey: string, send: (markSent: () => void) => Promise<T>): Promise<T> {
    const h = this.host(hostKey);
    return h.queue.add(async () => {
      await sleep(h.gate.waitMs());
      return this.global.add(async () => {
        await sleep(h.gate.reserve());
        return send(() => h.gate.sent());
      });
    });
  }
}
