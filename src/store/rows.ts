/**
 * How the store turns a processed page into rows: the document record (`documentRecord`), its large columns in
 * stored form (`storedTexts`, made on a worker thread so the writer never encodes them), the column values both
 * backends write (`documentValues`), and the rows of the errors table a stored page gets (`noteRows`). The page's
 * diagnostics arrive as its one list of messages; the decode_issues, empty_reason and flags columns and the warning
 * rows are derived from that list here, and nowhere else.
 */
import { encodeMap } from '../offset-codec.js';
import type { ProcessedPage } from '../pipeline.js';
import { mojibakeSpans, noTextReason, type PageMessage, type RawPage } from '../types.js';
import { contentHash } from '../versions.js';
import { encodeSignature, signatureOf } from '../stories/minhash.js';
import type { DocumentRecord, StoredTexts, WritableDocument } from './types.js';

function signatureText(text: string, lang: string): string | null {
  const sig = signatureOf(text, lang);
  return sig ? encodeSignature(sig) : null;
}

/** The document a processed page becomes. */
export function documentRecord(raw: RawPage, page: ProcessedPage, pipelineVersion: string, hash?: string): DocumentRecord {
  const { decoded, clean, norm } = page;
  return {
    contentHash: hash ?? contentHash(raw.bytes),
    source: raw.source,
    url: raw.url ?? clean.meta.url ?? null,
    fetchedAt: raw.fetchedAt ?? null,
    format: decoded.format,
    encoding: decoded.encoding,
    lang: norm.lang,
    // The publication date as a day (the issue's `published`): from the metadata, else the text's dateline.
    meta: { ...clean.meta, date: page.published },
    original: decoded.content,
    clean: clean.text,
    normalized: norm.text,
    messages: page.messages,
    pipelineVersion,
    // Computed here, on the worker thread, so grouping stories at the end of a run only compares signatures.
    minhash: signatureText(norm.text.text, norm.lang),
  };
}

/** UTF-8 bytes in a buffer of their own (never a slice of Node's shared pool), so that it can be transferred. */
function ownUtf8(text: string): Buffer {
  const bytes = new TextEncoder().encode(text);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A record's large columns in their stored form (see StoredTexts): made by a worker thread, written by the store. */
export function storedTexts(doc: DocumentRecord): StoredTexts {
  return {
    original: ownUtf8(doc.original),
    cleanText: ownUtf8(doc.clean.text),
    normalizedText: ownUtf8(doc.normalized.text),
    cleanMap: encodeMap(doc.clean),
    normMap: encodeMap(doc.normalized),
  };
}

/**
 * A document's column values in the order both stores write them: source, url, fetched_at, format, encoding,
 * decode_issues, lang, title, published, source_name, author, empty_reason, original_text, clean_text,
 * normalized_text, clean_map, norm_map, flags, pipeline_version, minhash. With `texts: 'as-given'`, a document whose texts
 * arrive as UTF-8 bytes keeps them as bytes (SQLite stores them with CAST(? AS TEXT)); otherwise they are strings.
 */
export function documentValues(doc: WritableDocument, texts: 'strings' | 'as-given' = 'strings'): unknown[] {
  const text = (bytes: Buffer) => (texts === 'as-given' ? bytes : bytes.toString('utf8'));
  // original_text, clean_text, normalized_text, clean_map, norm_map
  const large =
    'stored' in doc
      ? [text(doc.stored.original), text(doc.stored.cleanText), text(doc.stored.normalizedText), doc.stored.cleanMap, doc.stored.normMap]
      : [doc.original, doc.clean.text, doc.normalized.text, encodeMap(doc.clean), encodeMap(doc.normalized)];
  return [
    doc.source,
    doc.url ?? null,
    doc.fetchedAt ?? null,
    doc.format,
    doc.encoding,
    decodeIssuesColumn(doc.messages),
    doc.lang,
    doc.meta.title,
    doc.meta.date,
    doc.meta.source,
    doc.meta.author,
    noTextReason(doc.messages),
    ...large,
    JSON.stringify(mojibakeSpans(doc.messages)),
    doc.pipelineVersion,
    doc.minhash ?? null,
  ];
}

/** Bytes of a document's original text, for sizing write batches. */
export function originalBytes(doc: WritableDocument): number {
  return 'stored' in doc ? doc.stored.original.byteLength : doc.original.length * 2;
}

/** The decode_issues column: the replaced-bytes messages' reasons as a JSON list, or NULL when there are none. */
function decodeIssuesColumn(messages: readonly PageMessage[]): string | null {
  const issues = messages.filter((m) => m.kind === 'replaced-bytes').map((m) => m.reason);
  return issues.length ? JSON.stringify(issues) : null;
}

/** A row of the errors table beside a stored page. */
export interface NoteRow {
  /** `warning`: the page arrived damaged; `no-article`: the cleaner judged it a list page, so it has no text. */
  kind: 'warning' | 'no-article';
  /** The row's reason, as the errors table holds it. */
  reason: string;
  /** What the stage said (for a run's summary). */
  said: string;
}

/**
 * The errors-table rows a page stored with these messages gets, in the order they are written: one row for all its
 * warnings (`… (page stored)`), and one when it is stored without article text because the cleaner judged it an
 * index or list page (a real article judged so would lose every fact in it: said where a reviewer will look).
 */
export function noteRows(messages: readonly PageMessage[]): NoteRow[] {
  const rows: NoteRow[] = [];
  const warnings = messages.filter((m) => m.severity === 'warning').map((m) => (m.kind === 'replaced-bytes' ? `damaged text: ${m.reason}` : m.reason));
  if (warnings.length) {
    const said = warnings.join('; ');
    rows.push({ kind: 'warning', reason: `${said} (page stored)`, said });
  }
  const noText = noTextReason(messages);
  if (noText?.startsWith('no article')) rows.push({ kind: 'no-article', reason: `stored without article text: ${noText}`, said: noText });
  return rows;
}
