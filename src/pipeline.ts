/**
 * One page's way through the stages: decode → clean → normalize → extract. The stages keep no state between pages
 * (the rule set, loaded once, is their only shared input), so the same code runs in the CLI, in worker threads and
 * in tests.
 */
import { decodePage } from './decode/decode.js';
import { cleanPage } from './clean/index.js';
import { normalize } from './normalize/normalize.js';
import { extractFacts, type ExtractOptions } from './extract/engine.js';
import { loadRuleSet, type RuleSet } from './extract/rules.js';
import type { Fact, RawPage, NormDoc, CleanDoc, DecodedPage, PageMessage } from './types.js';
import { TrackedText } from './offsets.js';
import { resolvePublished } from './resolve/published.js';

export { contentHash, pipelineVersions, type PipelineVersions } from './versions.js';

export interface ProcessedPage {
  decoded: DecodedPage;
  clean: CleanDoc;
  norm: NormDoc;
  facts: Fact[];
  /** The publication date as a day: from the metadata, else the text's dateline. */
  published: string | null;
  /**
   * The page's one list of messages, which every stage appends to, in stage order: decode's (charset claim, replaced
   * bytes), clean's (why there is no text), normalize's (mojibake spans, read by extract).
   */
  messages: PageMessage[];
}

/** Runs every stage on one page. Throws with a plain reason when the page cannot be read (binary, …). */
export function processPage(raw: RawPage, ruleSet: RuleSet, opts: ExtractOptions = {}): ProcessedPage {
  const messages: PageMessage[] = [];
  const decoded = decodePage(raw, messages);
  const clean = cleanPage(decoded, messages);
  const norm: NormDoc = { ...normalize(clean, messages), url: raw.url ?? clean.meta.url ?? null };
  const published = resolvePublished(clean.meta.date, clean.text.text);
  const facts = extractFacts(norm, decoded.content, ruleSet, messages, { published: published.date, ...opts });
  return { decoded, clean, norm, facts, published: published.date, messages };
}

/**
 * Extraction on a bare string, as rule examples and `newsfacts rules test` use it: the string is the original, it is
 * normalized (no cleaning) and read by the given rules.
 */
export function extractFromText(text: string, ruleSet: RuleSet = loadRuleSet(), opts: ExtractOptions = {}): Fact[] {
  const clean: CleanDoc = { text: TrackedText.fromOriginal(text), meta: { title: null, date: null, source: null, author: null } };
  const messages: PageMessage[] = [];
  const norm = normalize(clean, messages);
  return extractFacts(norm, text, ruleSet, messages, opts);
}
