/**
 * What a worker does with one unit: every page through the page function (page.ts) into the store, as `ingest` does
 * it (skip a page whose bytes are stored under the same pipeline version, record a page that fails or arrives damaged
 * and go on). Re-running
 * a unit — after a worker died in it — is harmless: documents are keyed by content hash.
 */
import { contentHash } from '../pipeline.js';
import { processForStore } from '../page.js';
import { noteRows } from '../store/rows.js';
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
  for await (const item of readUnit(unit)) {
    c.pagesRead++;
    if (item.kind === 'error') {
      c.pagesFailed++;
      await ctx.store.recordError(ctx.runId, item.source, item.reason, item.record);
    } else {
      const { page, record } = item;
      const hash = contentHash(page.bytes);
      if ((await ctx.store.documentVersion(hash)) === ctx.pipelineVersion) {
        await ctx.store.touchDocument(ctx.runId, hash);
        c.pagesUnchanged++;
      } else {
        // The page function says why a page cannot be read (an error row, as in ingest). A store failure below is not
        // caught: it fails the job, and BullMQ retries it with backoff.
        const outcome = processForStore(page, ctx.ruleSet, ctx.pipelineVersion);
        if (!outcome.ok) {
          c.pagesFailed++;
          await ctx.store.recordError(ctx.runId, page.source, outcome.reason, record);
        } else {
          for (const note of noteRows(outcome.record.messages)) await ctx.store.recordError(ctx.runId, page.source, note.reason, record);
          const { facts } = await ctx.store.putDocument(ctx.runId, outcome.record, outcome.facts);
          c.pagesStored++;
          c.factsStored += facts;
        }
      }
    }
    await ctx.onPage?.(c.pagesRead);
    if (ctx.pageDelayMs) await new Promise((r) => setTimeout(r, ctx.pageDelayMs));
  }
  return c;
}
