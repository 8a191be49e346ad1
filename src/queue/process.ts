/**
 * What a worker does with one unit: every page through the pipeline into the store, exactly as `ingest` does it
 * (skip a page whose bytes are stored under the same pipeline version, record a page that fails and go on). Re-running
 * a unit — after a worker died in it — is harmless: documents are keyed by content hash.
 */
import { contentHash, processPage } from '../pipeline.js';
import type { RuleSet } from '../extract/rules.js';
import type { Async } from '../store/async.js';
import type { IngestStore } from '../store/types.js';
import type { RunCounts } from '../store/types.js';
import { readUnit, type WorkUnit } from './units.js';

export interface UnitContext {
  store: Async<IngestStore>;
  runId: number;
  ruleSet: RuleSet;
  pipelineVersion: string;
  /** A pause after each page (to watch or test a worker dying mid-unit); 0 in normal runs. */
  pageDelayMs?: number;
  /** Called after each page, e.g. to extend the job's lock or report progress. */
  onPage?: (pagesDone: number) => Promise<void> | void;
}

export type UnitResult = RunCounts;

export function emptyCounts(): RunCounts {
  return { pagesRead: 0, pagesStored: 0, pagesUnchanged: 0, pagesFailed: 0, factsStored: 0 };
}

export function addCounts(total: RunCounts, part: RunCounts): void {
  for (const k of Object.keys(total) as Array<keyof RunCounts>) total[k] += part[k];
}

export async function processUnit(unit: WorkUnit, ctx: UnitContext): Promise<UnitResult> {
  const c = emptyCounts();
  for await (const page of readUnit(unit)) {
    c.pagesRead++;
    if ('error' in page) {
      c.pagesFailed++;
      await ctx.store.recordError(ctx.runId, page.source, page.error, page.record ?? null);
    } else {
      const hash = contentHash(page.bytes);
      if ((await ctx.store.documentVersion(hash)) === ctx.pipelineVersion) {
        await ctx.store.touchDocument(ctx.runId, hash);
        c.pagesUnchanged++;
      } else {
        let done;
        try {
          done = processPage(page, ctx.ruleSet, ctx.pipelineVersion);
        } catch (err: any) {
          // The page itself cannot be read: an error row, as in ingest. A store failure below is not caught: it fails
          // the job, and BullMQ retries it with backoff.
          c.pagesFailed++;
          await ctx.store.recordError(ctx.runId, page.source, String(err?.message ?? err), null);
          continue;
        }
        const { facts } = await ctx.store.putDocument(ctx.runId, done.record, done.facts);
        c.pagesStored++;
        c.factsStored += facts;
      }
    }
    await ctx.onPage?.(c.pagesRead);
    if (ctx.pageDelayMs) await new Promise((r) => setTimeout(r, ctx.pageDelayMs));
  }
  return c;
}
