/**
 * Ingesting pages into a store: for every page, skip it when the same bytes were stored by the same pipeline
 * version, otherwise run the pipeline and store the document with its facts in one transaction. A page that fails is
 * recorded in the errors table with its source and reason, and the batch goes on.
 */
import { listPageFiles, readPageFile } from './sources/files.js';
import { contentHash, pipelineVersions, processPage } from './pipeline.js';
import { loadRuleSet, type RuleSet } from './extract/rules.js';
import type { Store, RunCounts } from './store/types.js';
import type { RawPage } from './types.js';

export interface IngestSummary extends RunCounts {
  runId: number;
  factsByType: Record<string, number>;
  factsByLang: Record<string, number>;
  errors: Array<{ source: string; reason: string }>;
}

export interface IngestOptions {
  ruleSet?: RuleSet;
  command?: string;
  onPage?: (source: string, status: 'stored' | 'unchanged' | 'failed') => void;
}

/** Pages from the inputs, each either read or an error naming the file. */
export function* pagesFrom(inputs: string[]): Generator<RawPage | { source: string; error: string }> {
  for (const input of inputs) {
    let files: Generator<string>;
    try {
      files = listPageFiles([input]);
      for (const file of files) {
        try {
          yield readPageFile(file);
        } catch (err: any) {
          yield { source: file, error: reason(err) };
        }
      }
    } catch (err: any) {
      yield { source: input, error: reason(err) };
    }
  }
}

export function reason(err: any): string {
  if (err?.code === 'ENOENT') return 'no such file or directory';
  if (err?.code === 'EACCES') return 'permission denied';
  if (err?.code === 'EISDIR') return 'is a directory';
  return String(err?.message ?? err);
}

export function ingest(store: Store, inputs: string[], opts: IngestOptions = {}): IngestSummary {
  const ruleSet = opts.ruleSet ?? loadRuleSet();
  const v = pipelineVersions(ruleSet);
  const runId = store.startRun({
    command: opts.command ?? 'ingest',
    inputs,
    codeVersion: v.code,
    rulesetVersion: v.ruleset,
    dictVersions: v.dicts,
    pipelineVersion: v.pipeline,
  });
  const s: IngestSummary = {
    runId,
    pagesRead: 0,
    pagesStored: 0,
    pagesUnchanged: 0,
    pagesFailed: 0,
    factsStored: 0,
    factsByType: {},
    factsByLang: {},
    errors: [],
  };
  let status: 'done' | 'failed' = 'done';
  try {
    for (const page of pagesFrom(inputs)) {
      s.pagesRead++;
      if ('error' in page) {
        fail(page.source, page.error);
        continue;
      }
      try {
        const hash = contentHash(page.bytes);
        if (store.documentVersion(hash) === v.pipeline) {
          store.touchDocument(runId, hash);
          s.pagesUnchanged++;
          opts.onPage?.(page.source, 'unchanged');
          continue;
        }
        const done = processPage(page, ruleSet, v.pipeline);
        const { facts } = store.putDocument(runId, done.record, done.facts);
        s.pagesStored++;
        s.factsStored += facts;
        for (const f of done.facts) {
          s.factsByType[f.type] = (s.factsByType[f.type] ?? 0) + 1;
          s.factsByLang[done.norm.lang] = (s.factsByLang[done.norm.lang] ?? 0) + 1;
        }
        opts.onPage?.(page.source, 'stored');
      } catch (err: any) {
        fail(page.source, reason(err));
      }
    }
  } catch (err) {
    status = 'failed';
    throw err;
  } finally {
    store.finishRun(runId, s, status);
  }
  return s;

  function fail(source: string, why: string) {
    s.pagesFailed++;
    s.errors.push({ source, reason: why });
    store.recordError(runId, source, why);
    opts.onPage?.(source, 'failed');
  }
}
