/**
 * What a worker does with one unit: every item down the same road as in `ingest` (road.ts: the unchanged check, the
 * page function, the rows of a page that fails or arrives damaged). Re-running a unit — after a worker died in it —
 * is harmless: documents are keyed by content hash, and a page stored already is unchanged.
 */
import { processForStore } from '../page.js';
import { takeItem, type Road } from '../road.js';
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
  const { store, runId } = ctx;
  // The queue's road (road.ts): a store answering in Promises, the page function run here. A store failure is not
  // caught: it fails the job, and BullMQ retries it with backoff.
  const road: Road = {
    pipelineVersion: ctx.pipelineVersion,
    storedVersion: (hash) => store.documentVersion(hash),
    touch: (hash) => store.touchDocument(runId, hash),
    process: (page, hash) => processForStore(page, ctx.ruleSet, ctx.pipelineVersion, hash),
    recordError: (source, record, reason) => store.recordError(runId, source, reason, record),
    store: async (doc, facts) => {
      c.factsStored += (await store.putDocument(runId, doc, facts)).facts;
    },
  };
  for await (const item of readUnit(unit)) {
    c.pagesRead++;
    const status = await takeItem(item, road);
    if (status === 'stored') c.pagesStored++;
    else if (status === 'unchanged') c.pagesUnchanged++;
    else c.pagesFailed++;
    await ctx.onPage?.(c.pagesRead);
    if (ctx.pageDelayMs) await new Promise((r) => setTimeout(r, ctx.pageDelayMs));
  }
  return c;
}
