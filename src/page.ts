/**
 * The one page function: a page's bytes → what the store keeps, or the reason it cannot be read. Guards (nesting
 * depth), the pipeline (whose stages append to the page's one list of messages, from which the store derives the
 * rows of a page stored damaged) and failure reasons a person understands. Every road calls it: ingest's worker
 * threads (or its main thread with --workers 0), the queue worker (queue/process.ts) and `clean`, so a page gives the
 * same document, warning and error whichever road it takes. The roads that store ask their store whether a page is
 * unchanged before they call this, in one place for both (road.ts).
 */
import { processPage, type ProcessedPage } from './pipeline.js';
import { MAX_NESTING, nestingDepth } from './worker/depth.js';
import type { RuleSet } from './extract/rules.js';
import type { PageOutcome } from './worker/outcome.js';
import { documentRecord } from './store/rows.js';
import type { RawPage } from './types.js';

export type { PageOutcome } from './worker/outcome.js';

/** The pipeline behind the guard, with every stage's output (`clean` prints the cleaned text). */
export function runPage(raw: RawPage, ruleSet: RuleSet): { ok: true; page: ProcessedPage } | { ok: false; reason: string } {
  try {
    if (raw.format === 'html') {
      const depth = nestingDepth(raw.bytes);
      if (depth > MAX_NESTING) {
        return { ok: false, reason: `the HTML nests elements more than ${MAX_NESTING} deep (a broken or hostile page, not an article); not processed` };
      }
    }
    const page = processPage(raw, ruleSet);
    return { ok: true, page };
  } catch (err) {
    return { ok: false, reason: failureReason(err) };
  }
}

/**
 * A page as the store takes it: the document record (with the page's messages) and its facts; or the reason. `hash`
 * is the bytes' content hash when the road has it already (it asked the store about it), so it is not made twice.
 */
export function processForStore(raw: RawPage, ruleSet: RuleSet, pipelineVersion: string, hash?: string): PageOutcome {
  const run = runPage(raw, ruleSet);
  if (!run.ok) return run;
  return { ok: true, record: documentRecord(raw, run.page, pipelineVersion, hash), facts: run.page.facts };
}

export function failureReason(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return 'the HTML is nested too deeply to process (thousands of unclosed elements); not an article page';
  }
  if (err instanceof RangeError && /invalid (string|array) length/i.test(err.message)) return 'the page is too large to process';
  const e = err as any;
  return String(e?.message ?? e);
}

