/**
 * The one place for the fact and document columns and the row ↔ record mapping, and for the fact queries both backends
 * ask (the CLI's filters, the web's filters, sort orders and count dimensions). Statements are written with `?`
 * placeholders; the PostgreSQL store numbers them (postgres/sql.ts). What differs between the two SQL dialects is
 * named in `Dialect`; every value reaches SQL as a bound parameter, only names from the fixed tables below are spliced.
 */
import { mojibakeMessage, type Fact, type PageMessage } from '../types.js';
import { decodeMap } from '../offset-codec.js';
import { RESOLVED_FACT_COLUMNS, resolvedSelect } from './resolved-columns.js';
import type { FactDimension, FactFilter, FactQuery, FactSortKey, StoredDocument } from './types.js';

/** A document's story (null until grouped) as a column of a query over `documents d` (its own table: migration 008). */
export const STORY_OF_D = '(SELECT s.story FROM document_stories s WHERE s.document_id = d.id)';

/** A fact row as `FactRow` names its fields, from `facts f JOIN documents d`. */
export const FACT_COLUMNS = `f.id, d.source AS doc, f.document_id, f.type, f.value, f.value_max, f.unit, f.qualifier,
  f.start, f."end" AS "end", f.evidence, f.evidence_start, f.evidence_end, f.sentence, f.period, f.place,
  f.rule_id AS rule, f.rule_version, d.lang, f.trigger, f.norm_start, f.norm_end, f.run_id, d.published, ${STORY_OF_D} AS story,
  f.duplicate_of, ${resolvedSelect('f')}`;

/** The same fields from the fact history `h` (a snapshot has no live row id). */
export const FACT_SNAPSHOT_COLUMNS = `d.source AS doc, h.document_id, h.type, h.value, h.value_max, h.unit, h.qualifier,
  h.start, h."end" AS "end", h.evidence, h.evidence_start, h.evidence_end, h.sentence, h.period, h.place,
  h.rule_id AS rule, h.rule_version, d.lang, h.trigger, h.norm_start, h.norm_end, h.run_id`;

/**
 * The facts a store writes: never one below zero (no amount lent, paid or earned, no count of people or firms is
 * negative; the extractor passes such figures over, and a store does not take one from anywhere else either).
 */
export function storable(facts: Fact[]): Fact[] {
  const negative = (f: Fact) => f.value < 0 || (f.valueMax != null && f.valueMax < 0);
  return facts.some(negative) ? facts.filter((f) => !negative(f)) : facts;
}

/** Columns of `facts` written per fact (after document_id and run_id), with their PostgreSQL array types. */
export const FACT_WRITE: ReadonlyArray<readonly [column: string, pgType: string, get: (f: Fact) => unknown]> = [
  ['type', 'text', (f) => f.type],
  ['value', 'float8', (f) => f.value],
  ['value_max', 'float8', (f) => f.valueMax],
  ['unit', 'text', (f) => f.unit],
  ['qualifier', 'text', (f) => f.qualifier],
  ['rule_id', 'text', (f) => f.rule],
  ['rule_version', 'text', (f) => f.ruleVersion],
  ['start', 'int8', (f) => f.start],
  ['"end"', 'int8', (f) => f.end],
  ['norm_start', 'int8', (f) => f.normStart],
  ['norm_end', 'int8', (f) => f.normEnd],
  ['evidence', 'text', (f) => f.evidence],
  ['evidence_start', 'int8', (f) => f.evidenceStart],
  ['evidence_end', 'int8', (f) => f.evidenceEnd],
  ['evidence_norm_start', 'int8', (f) => f.evidenceNormStart],
  ['evidence_norm_end', 'int8', (f) => f.evidenceNormEnd],
  ['trigger', 'text', (f) => f.trigger],
  ['sentence', 'text', (f) => f.sentence],
  ['period', 'text', (f) => f.period],
  ['place', 'text', (f) => f.place],
  ...RESOLVED_FACT_COLUMNS,
];

/** The columns a fact history row copies from `facts` (all but the ids and the evidence's normalized span). */
export const FACT_HISTORY_COLUMNS = `type, value, value_max, unit, qualifier, rule_id, rule_version, start, "end", norm_start,
  norm_end, evidence, evidence_start, evidence_end, trigger, sentence, period, place`;

/** Document columns in the order `documentValues` (rows.ts) gives their values. */
export const DOCUMENT_COLUMNS = [
  'source', 'url', 'fetched_at', 'format', 'encoding', 'decode_issues', 'lang', 'title', 'published', 'source_name',
  'author', 'empty_reason', 'original_text', 'clean_text', 'normalized_text', 'clean_map', 'norm_map', 'flags',
  'pipeline_version', 'minhash',
] as const;

/** A `documents` row as the record the stores return. */
export function storedDocumentOf(row: Record<string, any>): StoredDocument {
  return {
    id: row.id,
    contentHash: row.content_hash,
    source: row.source,
    url: row.url,
    format: row.format,
    encoding: row.encoding,
    lang: row.lang,
    title: row.title,
    published: row.published,
    sourceName: row.source_name,
    author: row.author,
    original: row.original_text,
    clean: decodeMap(row.clean_text, row.clean_map),
    normalized: decodeMap(row.normalized_text, row.norm_map),
    pipelineVersion: row.pipeline_version,
    messages: storedMessages(row),
  };
}

/** The messages a documents row holds, back as a list (the inverse of `documentValues`' three columns, rows.ts). */
function storedMessages(row: Record<string, any>): PageMessage[] {
  const messages: PageMessage[] = [];
  for (const reason of row.decode_issues ? (JSON.parse(row.decode_issues) as string[]) : []) {
    messages.push({ stage: 'decode', severity: 'warning', kind: 'replaced-bytes', reason });
  }
  if (row.empty_reason) messages.push({ stage: 'clean', severity: 'info', kind: 'no-text', reason: row.empty_reason });
  for (const f of row.flags ? (JSON.parse(row.flags) as Array<{ start: number; end: number }>) : []) {
    messages.push(mojibakeMessage(f.start, f.end));
  }
  return messages;
}

/** What the two SQL dialects spell differently. */
export interface Dialect {
  /** A text column with '' for NULL, spelled as the backend's expression index spells it. */
  orEmpty(column: string): string;
  /** A text expression in byte order (SQLite's only order; PostgreSQL's "C" collation), so both list rows alike. */
  bytewise(expression: string): string;
}

export const SQLITE: Dialect = {
  orEmpty: (c) => `IFNULL(${c}, '')`,
  bytewise: (e) => e,
};

export const POSTGRES: Dialect = {
  orEmpty: (c) => `COALESCE(${c}, '')`,
  bytewise: (e) => `${e} COLLATE "C"`,
};

/** WHERE conditions of the CLI's fact filter, on a facts-like table aliased `alias` joined to documents as `d`. */
export function factFilterSql(filter: FactFilter, alias: string): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.type) {
    where.push(`${alias}.type = ?`);
    params.push(filter.type);
  }
  if (filter.lang) {
    where.push('d.lang LIKE ?');
    params.push(filter.lang + '%');
  }
  if (filter.doc) {
    where.push('(d.source = ? OR CAST(d.id AS TEXT) = ? OR d.content_hash = ?)');
    params.push(filter.doc, filter.doc, filter.doc);
  }
  if (filter.rule) {
    where.push(`${alias}.rule_id = ?`);
    params.push(filter.rule);
  }
  return { where, params };
}

/** The CLI's order of facts (and of fact snapshots, with alias `h`): by document, position, type. */
export function factOrder(dialect: Dialect, alias: string): string {
  return `${dialect.bytewise('d.source')}, ${alias}.start, ${dialect.bytewise(`${alias}.type`)}`;
}

// --- The web's fact queries ---

/** A review belongs to a fact by the fact's identity (see the reviews table), never by row id. */
export const REVIEW_OF_F = `r.document_id = f.document_id AND r.type = f.type AND r.value = f.value AND r.unit = f.unit
  AND r.start = f.start AND r."end" = f."end"`;

/** Sort key → the expressions it orders by (the row id is always appended); each matches an index. */
export function sortExpressions(dialect: Dialect, key: FactSortKey): string[] {
  const text = (e: string) => dialect.bytewise(e);
  switch (key) {
    case 'id':
      return [];
    case 'value':
      return ['f.value'];
    case 'type':
      return [text('f.type'), 'f.value'];
    case 'rule':
      return [text('f.rule_id')];
    case 'doc':
      return ['f.document_id', 'f.start'];
    case 'place':
      return [text(dialect.orEmpty('f.place'))];
    case 'period':
      return [text(dialect.orEmpty('f.period'))];
  }
}

export interface DimensionSql {
  sql: string[];
  needsDocument: boolean;
  /** For derived dimensions: how the grouped columns turn into the dimension's value. */
  value?: (cols: any[]) => string | number | null;
}

/**
 * Dimension → the SQL columns it is grouped by, whether it needs the documents table, and (for derived dimensions) how
 * the grouped columns turn into its value. Derived values are computed per group, not per row: grouping 4 million
 * facts by (period, published) and reading years from the few thousand groups is far cheaper than a function per row.
 * Place and period are grouped by their '' form so that their expression indexes serve the GROUP BY.
 */
export function dimensionSql(dialect: Dialect, dimension: FactDimension): DimensionSql {
  switch (dimension) {
    case 'type':
      return { sql: ['f.type'], needsDocument: false };
    case 'lang':
      return { sql: ['d.lang'], needsDocument: true };
    case 'rule':
      return { sql: ['f.rule_id'], needsDocument: false };
    case 'qualifier':
      return { sql: ['f.qualifier'], needsDocument: false };
    case 'unit':
      return { sql: ['f.unit'], needsDocument: false };
    case 'place':
      return { sql: [dialect.orEmpty('f.place')], needsDocument: false, value: ([v]) => v || null };
    case 'period':
      return { sql: [dialect.orEmpty('f.period')], needsDocument: false, value: ([v]) => v || null };
    case 'year':
      return {
        sql: [dialect.orEmpty('f.period'), 'd.published'],
        needsDocument: true,
        value: ([period, published]) => yearOf(period || null, published),
      };
    case 'magnitude':
      return { sql: ['CASE WHEN f.value > 0 THEN CAST(floor(log10(f.value)) AS INTEGER) END'], needsDocument: false };
  }
}

const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/;

/** The year a fact speaks of: the first year in its period, else the page's publication year. */
export function yearOf(period: string | null, published: string | null): number | null {
  const m = (period && YEAR.exec(period)) || (published && YEAR.exec(published));
  return m ? Number(m[1]) : null;
}

/** A LIKE pattern (with ESCAPE '\') matching `s` anywhere. */
export function likePattern(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

export interface Where {
  sql: string;
  params: unknown[];
  needsDocument: boolean;
}

/** The WHERE clause of a web fact query over `facts f` (and `documents d` when a condition needs it). */
export function whereOf(dialect: Dialect, q: FactQuery): Where {
  const conds: string[] = [];
  const params: unknown[] = [];
  let needsDocument = false;
  const anyOf = (column: string, values: string[] | undefined) => {
    if (!values?.length) return;
    conds.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  anyOf('f.type', q.types);
  anyOf('f.rule_id', q.rules);
  anyOf('f.qualifier', q.qualifiers);
  anyOf('f.unit', q.units);
  if (q.langs?.length) {
    // A language family ('zh') matches its scripts ('zh-Hans', 'zh-Hant').
    conds.push(`(${q.langs.map(() => "(d.lang = ? OR d.lang LIKE CAST(? AS TEXT) || '-%')").join(' OR ')})`);
    for (const l of q.langs) params.push(l, l);
    needsDocument = true;
  }
  if (q.place !== undefined) {
    conds.push(`${dialect.orEmpty('f.place')} = ?`);
    params.push(q.place);
  }
  if (q.period !== undefined) {
    conds.push(`${dialect.orEmpty('f.period')} = ?`);
    params.push(q.period);
  }
  if (q.valueMin !== undefined) {
    conds.push('f.value >= ?');
    params.push(q.valueMin);
  }
  if (q.valueMax !== undefined) {
    conds.push('f.value <= ?');
    params.push(q.valueMax);
  }
  if (q.text) {
    conds.push("(f.evidence LIKE ? ESCAPE '\\' OR f.sentence LIKE ? ESCAPE '\\')");
    params.push(likePattern(q.text), likePattern(q.text));
  }
  if (q.documentId !== undefined) {
    conds.push('f.document_id = ?');
    params.push(q.documentId);
  }
  if (q.ids?.length) {
    conds.push(`f.id IN (${q.ids.map(() => '?').join(', ')})`);
    params.push(...q.ids);
  }
  if (q.provinceCode !== undefined) {
    conds.push(`${dialect.orEmpty('f.province_code')} = ?`);
    params.push(q.provinceCode);
  }
  if (q.modality !== undefined) {
    conds.push(`${dialect.orEmpty('f.modality')} = ?`);
    params.push(q.modality);
  }
  if (q.review === 'none') {
    conds.push(`NOT EXISTS (SELECT 1 FROM reviews r WHERE ${REVIEW_OF_F})`);
  } else if (q.review) {
    conds.push(`EXISTS (SELECT 1 FROM reviews r WHERE ${REVIEW_OF_F} AND r.verdict = ?)`);
    params.push(q.review);
  }
  return { sql: conds.length ? conds.join(' AND ') : '1 = 1', params, needsDocument };
}
