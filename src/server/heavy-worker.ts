/**
 * The web server's thread for heavy views (see heavy.ts): rule overlaps and conflicts re-read every document, and gold
 * scores read every fact; here they take no time from the thread that serves pages. Its own read-only connection to
 * the database; the rule set arrives from the server (workerData), so both threads read with the same rules.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluate } from '../audit/eval.js';
import { ruleStats } from '../audit/stats.js';
import type { RuleSet } from '../extract/rules.js';
import { openStore } from '../store/open.js';
import type { HeavyJob, HeavyReply } from './heavy.js';

const { db, ruleSet } = workerData as { db: string; ruleSet: RuleSet };
const store = openStore(db, { readonly: true });

parentPort!.on('message', (job: HeavyJob) => {
  let reply: HeavyReply;
  try {
    const result = job.kind === 'ruleStats' ? ruleStats(store, ruleSet).rules : evaluate(store, job.goldFile).byRule;
    reply = { id: job.id, ok: true, result };
  } catch (err) {
    reply = { id: job.id, ok: false, error: String((err as Error)?.message ?? err) };
  }
  parentPort!.postMessage(reply);
});
