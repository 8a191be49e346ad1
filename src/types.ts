/**
 * The values that travel between stages (docs/architecture.md); nothing here does I/O. A stage's output depends on
 * its input and the loaded rule set only.
 */
import type { TrackedText } from './offsets.js';
import type { ResolutionHow } from './resolve/index.js';

export type Lang = 'zh-Hans' | 'zh-Hant' | 'vi' | 'en';
/** Language family as the number parser and the rules see it: `zh` covers both scripts. */
export type RuleLang = 'zh' | 'vi' | 'en';

export function ruleLangOf(lang: Lang): RuleLang {
  return lang === 'zh-Hans' || lang === 'zh-Hant' ? 'zh' : lang;
}

/** A page as a source reader hands it over: bytes not yet decoded. */
export interface RawPage {
  /** What `facts --format json` prints as `doc`: the path as reached from the ingest argument, a WARC target URL, … */
  source: string;
  url?: string;
  fetchedAt?: string;
  bytes: Buffer;
  /** HTTP or WARC Content-Type header, when the page came with one. */
  contentType?: string;
  /** 'html' or 'text'; decided by the reader from the file name or the record. */
  format: 'html' | 'text';
}

/**
 * One thing a stage has to say about a page (as vfile's messages). A page has ONE list of them: the page function
 * (pipeline.ts) makes it and every stage appends to it; no stage keeps a diagnostic field of its own. A `warning` is
 * recorded in the errors table beside the stored page; `info` explains (no text, a span read as mojibake). Offsets,
 * when given, are into the stage's text (normalize: the normalized text). The store derives its columns (decode
 * issues, empty reason, flags) and the warning rows from the list (store/rows.ts), and gives it back, as far as those
 * columns hold it, with a stored document (store/columns.ts).
 */
export interface PageMessage {
  stage: 'decode' | 'clean' | 'normalize';
  severity: 'warning' | 'info';
  /**
   * What the message is about: `charset-mismatch` (a charset claim the bytes contradict), `replaced-bytes` (invalid
   * sequences replaced by U+FFFD), `no-text` (why the cleaned text is empty), `mojibake` (a span that yields no facts).
   */
  kind: 'charset-mismatch' | 'replaced-bytes' | 'no-text' | 'mojibake';
  reason: string;
  start?: number;
  end?: number;
}

/** Why the page has no text (an index page, a login wall, an empty file), as the clean stage said, or null. */
export function noTextReason(messages: readonly PageMessage[]): string | null {
  return messages.find((m) => m.kind === 'no-text')?.reason ?? null;
}

/** The normalize stage's message for a span of normalized text read as mojibake. */
export function mojibakeMessage(start: number, end: number): PageMessage {
  return { stage: 'normalize', severity: 'info', kind: 'mojibake', reason: 'mis-decoded text (mojibake): no facts are read from it', start, end };
}

/** The spans of normalized text the normalize stage read as mojibake: no facts come from them. */
export function mojibakeSpans(messages: readonly PageMessage[]): Flag[] {
  return messages.filter((m) => m.kind === 'mojibake').map((m) => ({ kind: 'mojibake', start: m.start!, end: m.end! }));
}

/** A decoded page. Offsets of every later stage point into `content`. */
export interface DecodedPage {
  source: string;
  url?: string;
  fetchedAt?: string;
  format: 'html' | 'text';
  /** The page after charset decoding, without a byte-order mark. */
  content: string;
  encoding: string;
}

export interface DocMeta {
  title: string | null;
  /** ISO date (YYYY-MM-DD or with time) when the page states one. */
  date: string | null;
  source: string | null;
  author: string | null;
  url?: string | null;
}

/** The cleaned article: title and body text, each character mapped back into the decoded page. */
export interface CleanDoc {
  text: TrackedText;
  meta: DocMeta;
}

export type Qualifier = 'exact' | 'more_than' | 'approx' | 'at_least' | 'less_than' | 'range';

/** A span of normalized text that must not yield facts (mojibake), as the `flags` column stores it. */
export interface Flag {
  kind: 'mojibake';
  start: number;
  end: number;
}

export interface NormDoc {
  /** Simplified, half-width, NFC, pinyin notes removed, whitespace collapsed; mapped to the decoded page. */
  text: TrackedText;
  lang: Lang;
  /** The page's URL when known: its country domain is a cue to the document's country (resolve/country.ts). */
  url?: string | null;
}

export interface Sentence {
  start: number;
  end: number;
}

/** The fact types, in the order summaries list them; the rules schema's enum is this list too. */
export const FACT_TYPES = [
  'loan_amount',
  'funding_amount',
  'revenue_amount',
  'trainee_count',
  'headcount',
  'enterprise_count',
] as const;

export type FactType = (typeof FACT_TYPES)[number];

/** A fact as the extractor produces it: spans are in normalized text and in the original (decoded page). */
export interface Fact {
  type: FactType;
  value: number;
  valueMax: number | null;
  unit: string;
  qualifier: Qualifier;
  rule: string;
  ruleVersion: string;
  /** The figure (number and unit) in normalized text. */
  normStart: number;
  normEnd: number;
  /** The figure in the original page. */
  start: number;
  end: number;
  /** Trigger and figure together, shortest span, in normalized and original text. */
  evidenceNormStart: number;
  evidenceNormEnd: number;
  evidenceStart: number;
  evidenceEnd: number;
  evidence: string;
  trigger: string;
  sentence: string;
  period: string | null;
  place: string | null;
  /** The interval the figure refers to (ISO dates), resolved against the page's publication date; null ends unknown. */
  periodStart: string | null;
  periodEnd: string | null;
  modality: 'achieved' | 'planned';
  /** A running total (`累计`, `以来`, `lũy kế`): not addable to in-period figures. */
  cumulative: boolean;
  /** ISO 3166-1 code; province and its code (GB/T 2260 two-digit prefix, GSO code); the most specific unit named. */
  country: string | null;
  province: string | null;
  provinceCode: string | null;
  admin: string | null;
  adminCode: string | null;
  /** How period, modality, cumulative and place were decided (words and offsets in normalized text). */
  resolution: ResolutionHow | null;
}
