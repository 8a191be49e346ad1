/** A small audit database built from real text: two seed pages (Chinese and Vietnamese) ingested with a rules copy. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { ingest } from '../../src/ingest.js';
import { loadRuleSet, type RuleSet } from '../../src/extract/rules.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { main } from '../../src/cli/index.js';

export const SEEDS = ['corpus/000_49de3a17b471338a.txt', 'corpus/004_dfac991a4ffc1e1f.txt'];

export function tempDir(prefix = 'newsfacts-audit-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A private copy of extractors/, so a test can edit rules. */
export function copyExtractors(): string {
  const dir = path.join(tempDir('newsfacts-rules-'), 'extractors');
  cpSync(path.resolve('extractors'), dir, { recursive: true });
  return dir;
}

/** Rewrites one rule of a rules folder through `edit` (the YAML is parsed and dumped again). */
export function editRule(dir: string, ruleId: string, edit: (rule: any) => void): void {
  const [lang, type] = ruleId.split('.');
  const file = path.join(dir, lang, `${type}.yaml`);
  const doc: any = yaml.load(readFileSync(file, 'utf8'));
  const rule = doc.rules.find((r: any) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId} in ${file}`);
  edit(rule);
  writeFileSync(file, yaml.dump(doc, { lineWidth: 120 }));
}

/** Adds a rule to a language's file of its type in a rules folder. */
export function addRule(dir: string, rule: any): void {
  const [lang, type] = rule.id.split('.');
  const file = path.join(dir, lang, `${type}.yaml`);
  const doc: any = yaml.load(readFileSync(file, 'utf8'));
  doc.rules.push(rule);
  writeFileSync(file, yaml.dump(doc, { lineWidth: 120 }));
}

export interface AuditDb {
  file: string;
  store: SqliteStore;
  rulesDir: string;
  ruleSet: RuleSet;
  runId: number;
}

export async function buildDb(inputs: string[] = SEEDS, opts: { recordRules?: boolean } = {}): Promise<AuditDb> {
  const rulesDir = copyExtractors();
  const ruleSet = loadRuleSet(rulesDir, { fresh: true });
  const file = path.join(tempDir(), 'audit.sqlite');
  const store = new SqliteStore(file);
  const s = await ingest(store, inputs, { ruleSet }); // (ingest may be synchronous or not: await serves both)
  if (s.pagesFailed) throw new Error('ingest failed: ' + JSON.stringify(s.errors));
  // Ingest records the rule versions a run used; an older ingest did not, which the fallback test imitates.
  if (opts.recordRules === false) store.db.prepare('DELETE FROM run_rules WHERE run_id = ?').run(s.runId);
  if (opts.recordRules !== false && !store.runRules(s.runId)) store.recordRunRules(s.runId, ruleSet.rules.map((r) => ({ id: r.id, version: r.version })));
  return { file, store, rulesDir, ruleSet, runId: s.runId };
}

/** Runs the CLI in-process; returns exit status and what it printed. */
export async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const log = jestSpy(console, 'log', (...a: unknown[]) => (out += a.join(' ') + '\n'));
  const error = jestSpy(console, 'error', (...a: unknown[]) => (err += a.join(' ') + '\n'));
  const write = jestSpy(process.stdout, 'write', (chunk: unknown) => ((out += String(chunk)), true));
  try {
    const code = await main(['node', 'newsfacts', ...args]);
    return { code, out, err };
  } finally {
    log();
    error();
    write();
  }
}

function jestSpy(obj: any, name: string, impl: (...a: any[]) => unknown): () => void {
  const orig = obj[name];
  obj[name] = impl;
  return () => {
    obj[name] = orig;
  };
}
