/**
 * One page's way through the stages: decode → clean → normalize → extract. This is the only place that knows their
 * order; every stage is a pure function, so the same code runs in the CLI, in worker threads and in tests.
 */
import { createHash } from 'node:crypto';
import { decodePage } from './decode/index.js';
import { cleanPage } from './clean/index.js';
import { normalize } from './normalize/index.js';
import { extractFacts, type ExtractOptions } from './extract/engine.js';
import { loadRuleSet, type RuleSet } from './extract/rules.js';
import { dependencyVersion, packageVersion } from './paths.js';
import type { DocumentRecord } from './store/types.js';
import type { Fact, RawPage, NormDoc, CleanDoc, DecodedPage } from './types.js';
import { TrackedText } from './offsets.js';
import { dictionaryLabel } from './segment/dictionary.js';

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
    .update(JSON.stringify([code, ruleSet.version, dicts]))
    .digest('hex')
    .slice(0, 16);
  return { code, ruleset: ruleSet.version, dicts, pipeline };
}

export function contentHash(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface ProcessedPage {
  decoded: DecodedPage;
  clean: CleanDoc;
  norm: NormDoc;
  facts: Fact[];
  record: DocumentRecord;
}

/** Runs every stage on one page. Throws with a plain reason when the page cannot be read (binary, …). */
export function processPage(raw: RawPage, ruleSet: RuleSet, pipelineVersion: string, opts: ExtractOptions = {}): ProcessedPage {
  const decoded = decodePage(raw);
  const clean = cleanPage(decoded);
  const norm = normalize(clean);
  const facts = extractFacts(norm, decoded.content, ruleSet, opts);
  const record: DocumentRecord = {
    contentHash: contentHash(raw.bytes),
    source: raw.source,
    url: raw.url ?? clean.meta.url ?? null,
    fetchedAt: raw.fetchedAt ?? null,
    format: decoded.format,
    encoding: decoded.encoding,
    decodeIssues: decoded.decodeIssues,
    lang: norm.lang,
    meta: clean.meta,
    emptyReason: clean.emptyReason ?? null,
    original: decoded.content,
    clean: clean.text,
    normalized: norm.text,
    flags: norm.flags,
    pipelineVersion,
  };
  return { decoded, clean, norm, facts, record };
}

/**
 * Extraction on a bare string, as rule examples and `newsfacts rules test` use it: the string is the original, it is
 * normalized (no cleaning) and read by the given rules.
 */
export function extractFromText(text: string, ruleSet: RuleSet = loadRuleSet(), opts: ExtractOptions = {}): Fact[] {
  const clean: CleanDoc = { text: TrackedText.fromOriginal(text), meta: { title: null, date: null, source: null, author: null } };
  const norm = normalize(clean);
  return extractFacts(norm, text, ruleSet, opts);
}
