/**
 * Worker thread entry (runs the compiled dist/src/worker/page-worker.js): receives pages one at a time and answers
 * with the processed document and facts, or a reason. The rule set comes from the main thread (workerData), so every
 * worker reads with exactly the rules the run recorded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet, type RuleSet } from '../extract/rules.js';
import { processForStore } from '../page.js';
import type { RawPage } from '../types.js';
import type { DocumentRecord } from '../store/types.js';
import { storedTexts } from '../store/rows.js';

export interface WorkerInit {
  pipelineVersion: string;
  ruleSet?: RuleSet;
}

export interface WorkerRequest {
  id: number;
  page: RawPage;
  /** The bytes' content hash, made by the road that asked the store about them. */
  hash?: string;
}

const init = workerData as WorkerInit;
// A rule set cloned from the main thread brings its segmenter: this thread's jieba is loaded for it at its first cut.
const ruleSet = init.ruleSet ?? loadRuleSet();

parentPort!.on('message', (msg: WorkerRequest) => {
  const page = { ...msg.page, bytes: Buffer.from(msg.page.bytes.buffer, msg.page.bytes.byteOffset, msg.page.bytes.byteLength) };
  const outcome = processForStore(page, ruleSet, init.pipelineVersion, msg.hash);
  if (!outcome.ok) {
    parentPort!.postMessage({ id: msg.id, outcome });
    return;
  }
  // The large texts and maps go as UTF-8 bytes, moved (not copied) to the writing thread.
  const { original, clean, normalized, ...head } = outcome.record as DocumentRecord;
  const stored = storedTexts(outcome.record as DocumentRecord);
  const moved = [stored.original, stored.cleanText, stored.normalizedText, stored.cleanMap, stored.normMap].map((b) => b.buffer as ArrayBuffer);
  parentPort!.postMessage({ id: msg.id, outcome: { ...outcome, record: { ...head, stored } } }, moved);
});
parentPort!.postMessage({ ready: true });
