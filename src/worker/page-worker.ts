/**
 * Worker thread entry (runs the compiled dist/src/worker/page-worker.js): receives pages one at a time and answers
 * with the processed document and facts, or a reason. The rule set comes from the main thread (workerData), so every
 * worker reads with exactly the rules the run recorded.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadRuleSet, teachSegmenter, type RuleSet } from '../extract/rules.js';
import { processForStore } from './process.js';
import type { RawPage } from '../types.js';

export interface WorkerInit {
  pipelineVersion: string;
  ruleSet?: RuleSet;
}

export interface WorkerRequest {
  id: number;
  page: RawPage;
}

const init = workerData as WorkerInit;
// A rule set cloned from the main thread has not met this thread's segmenter yet.
const ruleSet = init.ruleSet ?? loadRuleSet();
if (init.ruleSet) teachSegmenter(ruleSet);

parentPort!.on('message', (msg: WorkerRequest) => {
  const page = { ...msg.page, bytes: Buffer.from(msg.page.bytes.buffer, msg.page.bytes.byteOffset, msg.page.bytes.byteLength) };
  const outcome = processForStore(page, ruleSet, init.pipelineVersion);
  parentPort!.postMessage({ id: msg.id, outcome });
});
parentPort!.postMessage({ ready: true });
