/**
 * What a stored document was made with: the code, the rule set and the dictionaries, hashed into one pipeline
 * version (a stored document whose version differs is processed again), and a page's content hash. Apart from
 * pipeline.ts so that the ingest coordinator can know them without loading the stages.
 */
import { createHash } from 'node:crypto';
import { loadRuleSet, type RuleSet } from './extract/rules.js';
import { dependencyVersion, packageVersion } from './paths.js';
import { dictionaryLabel } from './segment/dictionary.js';
import { SIGNATURE_SCHEME } from './stories/minhash.js';

export interface PipelineVersions {
  code: string;
  ruleset: string;
  dicts: Record<string, string>;
  /** Hash of the three: a stored document whose version differs is processed again. */
  pipeline: string;
}

export function pipelineVersions(ruleSet: RuleSet = loadRuleSet()): PipelineVersions {
  const dicts = {
    'opencc-js': dependencyVersion('opencc-js'),
    nodejieba: dependencyVersion('nodejieba'),
    'jieba-dictionary': dictionaryLabel(),
    compromise: dependencyVersion('compromise'),
  };
  const code = packageVersion();
  const pipeline = createHash('sha256')
    .update(JSON.stringify([code, ruleSet.version, dicts, SIGNATURE_SCHEME]))
    .digest('hex')
    .slice(0, 16);
  return { code, ruleset: ruleSet.version, dicts, pipeline };
}

export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

