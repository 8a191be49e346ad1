/**
 * The read queries behind the web interface, for the SQLite store: filtered, keyset-paginated fact pages, grouped
 * counts (facets and charts), rule summaries, review samples and full-text search. Every value reaches SQL as a bound
 * parameter; only names from the fixed tables below are spliced into statements.
 *
 * Keyset pagination: a page is "the next `limit` rows after (sort key…, id)", answered by walking an index from that
 * point (indexes in db/migrations/003_browse.sql), so page 20,000 costs what page 1 costs. OFFSET would not.
 */
import type Database from 'better-sqlite3';
import type {
  BrowsedFact,
  FactCursor,
  FactDimension,
  FactPage,
  FactPageRequest,
  FactQuery,
  FactSortKey,
  GroupCount,
  RuleSummary,
  SearchResult,
} from './types.js';
import { resolvedSelect } from './resolved-columns.js';

const FACT_COLUMNS = `f.id, d.source AS doc, f.document_id, f.type, f.value, f.value_max, f.unit, f.qualifier,
  f.start, f."end" AS "end", f.evidence, f.evidence_start, f.evidence_end, f.sentence, f.period, f.place,
  f.rule_id AS rule, f.rule_version, d.lang, f.trigger, f.norm_start, f.norm_end, f.run_id, r.verdict AS review`;

/** A review belongs to a fact by the fact's identity (see the reviews table), never by row id. */
const REVIEW_OF_F = `r.document_id = f.document_id AND r.type = f.type AND r.value = f.value AND r.unit = f.unit
  AND r.start = f.start AND r."end" = f."end"`;

/** Sort key → the expressions it orders by (the row id is always appended); each matches an index. */
const SORT_EXPRESSIONS: Record<FactSortKey, string[]> = {
  id: [],
  value: ['f.value'],
  type: ['f.type', 'f.value'],
  rule: ['f.rule_id'],
  doc: ['f.document_id', 'f.start'],
  place: ["IFNULL(f.place, '')"],
  period: ["IFNULL(f.period, '')"],
};

/**
 * Dimension → the SQL columns it is grouped by, whether it needs the documents table, and (for derived dimensions) how
 * the grouped columns turn into its value. Derived values are computed per group, not per row: grouping 4 million
 * facts by (period, published) and reading years from the few thousand groups is far cheaper than a function per row.
 * Place and period are grouped by IFNULL(…, '') so that their expression indexes serve the GROUP BY.
 */
const DIMENSIONS: Record<FactDimension, { sql: string[]; needsDocument: boolean; value?: (cols: any[]) => string | number | null }> = {
  type: { sql: ['f.type'], needsDocument: false },
  lang: { sql: ['d.lang'], needsDocument: true },
  rule: { sql: ['f.rule_id'], needsDocument: false },
  qualifier: { sql: ['f.qualifier'], needsDocument: false },
  unit: { sql: ['f.unit'], needsDocument: false },
  place: { sql: ["IFNULL(f.place, '')"], needsDocument: false, value: ([v]) => v || null },
  period: { sql: ["IFNULL(f.period, '')"], needsDocument: false, value: ([v]) => v || null },
  year: { sql: ["IFNULL(f.period, '')", 'd.published'], needsDocument: true, value: ([period, published]) => yearOf(period || null, published) },
  magnitude: { sql: ['CASE WHEN f.value > 0 THEN CAST(floor(log10(f.value)) AS INTEGER) END'], needsDocument: false },
};

const YEAR = /(?<!\d)(1[89]\d\d|20\d\d)(?!\d)/;

/** The year a fact speaks of: the first year in its period, else the page's publication year. */
export function yearOf(period: string | null, published: string | null): number | null {
  const m = (period && YEAR.exec(period)) || (published && YEAR.exec(published));
  return m ? Number(m[1]) : null;
}

function likePattern(s: string): string {
  return '%' + s.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
}

/** Trigram full-text search matches terms of three characters or more; shorter ones are found by a substring scan. */
function isTrigramSearchable(term: string): boolean {
  return [...term].length >= 3;
}

function ftsPhrase(term: string): string {
  return '"' + term.replace(/"/g, '""') + '"';
}

interface Where {
  sql: string;
  params: unknown[];
  needsDocument: boolean;
}

/** The WHERE clause of a fact query over `facts f` (and `documents d` when a condition needs it). */
export function whereOf(q: FactQuery): Where {
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
    conds.push(`(${q.langs.map(() => "(d.lang = ? OR d.lang LIKE ? || '-%')").join(' OR ')})`);
    for (const l of q.langs) params.push(l, l);
    needsDocument = true;
  }
  if (q.place !== undefined) {
    conds.push("IFNULL(f.place, '') = ?");
    params.push(q.place);
  }
  if (q.period !== undefined) {
    conds.push("IFNULL(f.period, '') = ?");
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
  if (q.review === 'none') {
    conds.push(`NOT EXISTS (SELECT 1 FROM reviews r WHERE ${REVIEW_OF_F})`);
  } else if (q.review) {
    conds.push(`EXISTS (SELECT 1 FROM reviews r WHERE ${REVIEW_OF_F} AND r.verdict = ?)`);
    params.push(q.review);
  }
  return { sql: conds.length ? conds.join(' AND ') : '1', params, needsDocument };
}

export class SqliteBrowser {
  constructor(private readonly db: Database.Database) {}

  browseFacts(req: FactPageRequest): FactPage {
    const keys = [...SORT_EXPRESSIONS[req.sort], 'f.id'];
    const dir = req.desc ? 'DESC' : 'ASC';
    const where = whereOf(req.query);
    const conds = [where.sql];
    const params = [...where.params];
    if (req.after) {
      if (req.after.length !== keys.length) throw new RangeError(`a '${req.sort}' cursor has ${keys.length} parts`);
      // A row-value comparison: SQLite walks the sort index from the cursor on.
      conds.push(`(${keys.join(', ')}) ${req.desc ? '<' : '>'} (${keys.map(() => '?').join(', ')})`);
      params.push(...req.after);
    }
    const limit = Math.max(1, Math.floor(req.limit));
    const sql = `SELECT ${FACT_COLUMNS}, ${keys.map((k, i) => `${k} AS _k${i}`).join(', ')}
      FROM facts f JOIN documents d ON d.id = f.document_id
      LEFT JOIN reviews r ON ${REVIEW_OF_F}
      WHERE ${conds.join(' AND ')}
      ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')}
      LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as Array<Record<string, any>>;
    const more = rows.length > limit;
    if (more) rows.length = limit;
    const last = rows[rows.length - 1];
    const next: FactCursor | null = more && last ? keys.map((_, i) => last[`_k${i}`]) : null;
    for (const row of rows) for (let i = 0; i < keys.length; i++) delete row[`_k${i}`];
    return { rows: rows as BrowsedFact[], next };
  }

  countFacts(q: FactQuery, cap?: number): number {
    const where = whereOf(q);
    const from = `facts f${where.needsDocument ? ' JOIN documents d ON d.id = f.document_id' : ''}`;
    if (cap === undefined) {
      return (this.db.prepare(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
    }
    return (
      this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.sql} LIMIT ?)`).get(...where.params, cap) as {
        n: number;
      }
    ).n;
  }

  countFactsBy(q: FactQuery, by: FactDimension[], limit = 1000): GroupCount[] {
    if (!by.length) return [{ keys: [], n: this.countFacts(q) }];
    const dims = by.map((b) => DIMENSIONS[b]);
    const where = whereOf(q);
    const needsDocument = where.needsDocument || dims.some((d) => d.needsDocument);
    const columns = dims.flatMap((d) => d.sql);
    const derived = dims.some((d) => d.value);
    const sql = `SELECT ${columns.map((c, i) => `${c} AS k${i}`).join(', ')}, COUNT(*) AS n
      FROM facts f${needsDocument ? ' JOIN documents d ON d.id = f.document_id' : ''}
      WHERE ${where.sql}
      GROUP BY ${columns.map((_, i) => `k${i}`).join(', ')}
      ${derived ? '' : `ORDER BY n DESC, ${columns.map((_, i) => `k${i}`).join(', ')} LIMIT ?`}`;
    const rows = this.db.prepare(sql).all(...where.params, ...(derived ? [] : [limit])) as Array<Record<string, any>>;
    const groups = new Map<string, GroupCount>();
    for (const row of rows) {
      let col = 0;
      const keys = dims.map((d) => {
        const cols = d.sql.map(() => row[`k${col++}`]);
        return d.value ? d.value(cols) : cols[0];
      });
      const key = JSON.stringify(keys);
      const g = groups.get(key);
      if (g) g.n += row.n;
      else groups.set(key, { keys, n: row.n });
    }
    const out = [...groups.values()];
    if (derived) {
      out.sort((a, b) => b.n - a.n || JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys)));
      out.length = Math.min(out.length, limit);
    }
    return out;
  }

  ruleSummaries(rule?: string): RuleSummary[] {
    // Both aggregates read the covering index facts_rule_doc (rule_id, document_id, rule_version), not the table.
    const one = rule === undefined ? '' : 'WHERE f.rule_id = ?';
    const params = rule === undefined ? [] : [rule, rule];
    return this.db
      .prepare(
        `WITH verdicts AS (
           SELECT f.rule_id, SUM(r.verdict = 'correct') AS correct, SUM(r.verdict = 'wrong') AS wrong
           FROM reviews r JOIN facts f ON ${REVIEW_OF_F} ${one} GROUP BY f.rule_id)
         SELECT f.rule_id AS rule, COUNT(*) AS facts, COUNT(DISTINCT f.document_id) AS documents,
           COUNT(DISTINCT f.rule_version) AS versions, IFNULL(v.correct, 0) AS correct, IFNULL(v.wrong, 0) AS wrong
         FROM facts f LEFT JOIN verdicts v ON v.rule_id = f.rule_id ${one}
         GROUP BY f.rule_id ORDER BY f.rule_id`,
      )
      .all(...params) as RuleSummary[];
  }

  sampleFacts(rule: string, n: number, seed: number): BrowsedFact[] {
    // A multiplicative hash of (id, seed) orders the rule's facts the same way for the same seed.
    return this.db
      .prepare(
        `SELECT ${FACT_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id LEFT JOIN reviews r ON ${REVIEW_OF_F}
         WHERE f.rule_id = ? ORDER BY ((f.id + ?) * 2654435761) % 4294967311, f.id LIMIT ?`,
      )
      .all(rule, Math.floor(seed) % 1000003, Math.max(1, Math.floor(n))) as BrowsedFact[];
  }

  searchDocuments(terms: string[], limit: number, offset: number, cap = 1000): SearchResult {
    const clean = terms.map((t) => t.trim()).filter(Boolean);
    if (!clean.length) return { hits: [], total: 0, totalCapped: false };
    const long = clean.filter(isTrigramSearchable);
    const short = clean.filter((t) => !isTrigramSearchable(t));
    const conds: string[] = [];
    const params: unknown[] = [];
    let from = 'documents d';
    let order = 'd.id';
    if (long.length) {
      from = 'documents_fts JOIN documents d ON d.id = documents_fts.rowid';
      conds.push('documents_fts MATCH ?');
      params.push(long.map(ftsPhrase).join(' AND '));
      order = 'bm25(documents_fts), d.id';
    }
    for (const t of short) {
      conds.push("d.normalized_text LIKE ? ESCAPE '\\'");
      params.push(likePattern(t));
    }
    const where = conds.join(' AND ');
    const hits = this.db
      .prepare(
        `SELECT d.id AS documentId, d.source, d.title, d.lang FROM ${from} WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...params, Math.max(1, Math.floor(limit)), Math.max(0, Math.floor(offset))) as SearchResult['hits'];
    const total = (
      this.db.prepare(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ?)`).get(...params, cap + 1) as {
        n: number;
      }
    ).n;
    return { hits, total: Math.min(total, cap), totalCapped: total > cap };
  }
}
