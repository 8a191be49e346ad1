/**
 * The CPU work for one page, as a worker thread (or the main thread, with --workers 0) does it: the whole pipeline,
 * and the outcome in a form that crosses a thread boundary. Failures become reasons a person understands; pages that
 * were stored but arrived damaged (invalid bytes, a charset claim the bytes contradict) carry a warning that ingest
 * records in the errors table.
 */
import { processPage } from '../pipeline.js';
import { canonicalEncoding, charsetFromContentType, declaredCharset } from '../decode/charset.js';
import { MAX_NESTING, nestingDepth } from './depth.js';
import type { RuleSet } from '../extract/rules.js';
import type { PageOutcome } from './outcome.js';
import type { Fact, RawPage } from '../types.js';

export type { PageOutcome } from './outcome.js';

export function processForStore(raw: RawPage, ruleSet: RuleSet, pipelineVersion: string): PageOutcome {
  try {
    if (raw.format === 'html') {
      const depth = nestingDepth(raw.bytes);
      if (depth > MAX_NESTING) {
        return { ok: false, reason: `the HTML nests elements more than ${MAX_NESTING} deep (a broken or hostile page, not an article); not processed` };
      }
    }
    const done = processPage(raw, ruleSet, pipelineVersion);
    return { ok: true, record: done.record, facts: done.facts, warning: pageWarning(raw, done.decoded.encoding, done.decoded.decodeIssues) };
  } catch (err) {
    return { ok: false, reason: failureReason(err) };
  }
}

/** What was wrong with a page that could still be read, or null. */
export function pageWarning(raw: RawPage, encoding: string, decodeIssues: string[]): string | null {
  const notes: string[] = [];
  // The header outranks the page's <meta>; whichever the page went by, say so when its bytes said otherwise.
  const header = charsetFromContentType(raw.contentType);
  const claim = header ?? (raw.format === 'html' ? declaredCharset(raw.bytes) : null);
  const claimed = canonicalEncoding(claim);
  if (claim && claimed && claimed !== encoding) {
    notes.push(`the ${header ? 'HTTP header' : 'page'} declares charset ${claim} but the bytes are not ${claim}; read as ${encoding}`);
  }
  for (const issue of decodeIssues) notes.push(`damaged text: ${issue}`);
  return notes.length ? `${notes.join('; ')} (page stored)` : null;
}

export function failureReason(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return 'the HTML is nested too deeply to process (thousands of unclosed elements); not an article page';
  }
  if (err instanceof RangeError && /invalid (string|array) length/i.test(err.message)) return 'the page is too large to process';
  const e = err as any;
  return String(e?.message ?? e);
}

