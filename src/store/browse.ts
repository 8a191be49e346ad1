/**
 * The web interface's read queries, planned once for both backends: each plan is a statement (with `?` placeholders),
 * its parameters and how its rows become the answer; sqlite/browse.ts and postgres/browse.ts only run plans (and each
 * has its own full-text search).
 *
 * Keyset pagination: a page is "the next `limit` rows after (sort key…, id)", answered by walking an index from that
 * point (indexes in db/migrations/003_browse.sql and db/migrations-pg/), so page 20,000 costs what page 1 costs.
 * OFFSET would not.
 */
import { SUMMARY_COLUMNS, summarize, type ModalityFilter, type Summary, type SummaryDimension, type SummaryFact } from '../summary/summarize.js';
import { FACT_COLUMNS, REVIEW_OF_F, dimensionSql, sortExpressions, whereOf, type Dialect } from './columns.js';
import type {
  BrowsedFact,
  FactCursor,
  FactDimension,
  FactPage,
  FactPageRequest,
  FactQuery,
  GroupCount,
  RuleSummary,
} from './types.js';

/** One statement and how its rows become the answer. */
export interface Plan<T> {
  sql: string;
  params: unknown[];
  read(rows: Array<Record<string, any>>): T;
}

const BROWSED_COLUMNS = `${FACT_COLUMNS}, r.verdict AS review`;

export function planBrowseFacts(dialect: Dialect, req: FactPageRequest): Plan<FactPage> {
  const keys = [...sortExpressions(dialect, req.sort), 'f.id'];
  const dir = req.desc ? 'DESC' : 'ASC';
  const where = whereOf(dialect, req.query);
  const conds = [where.sql];
  const params = [...where.params];
  if (req.after) {
    if (req.after.length !== keys.length) throw new RangeError(`a '${req.sort}' cursor has ${keys.length} parts`);
    // A row-value comparison: the database walks the sort index from the cursor on.
    conds.push(`(${keys.join(', ')}) ${req.desc ? '<' : '>'} (${keys.map(() => '?').join(', ')})`);
    params.push(...req.after);
  }
  const limit = Math.max(1, Math.floor(req.limit));
  const sql = `SELECT ${BROWSED_COLUMNS}, ${keys.map((k, i) => `${k} AS _k${i}`).join(', ')}
    FROM facts f JOIN documents d ON d.id = f.document_id
    LEFT JOIN reviews r ON ${REVIEW_OF_F}
    WHERE ${conds.join(' AND ')}
    ORDER BY ${keys.map((k) => `${k} ${dir}`).join(', ')}
    LIMIT ?`;
  return {
    sql,
    params: [...params, limit + 1],
    read(rows) {
      const more = rows.length > limit;
      if (more) rows.length = limit;
      const last = rows[rows.length - 1];
      const next: FactCursor | null = more && last ? keys.map((_, i) => last[`_k${i}`]) : null;
      for (const row of rows) for (let i = 0; i < keys.length; i++) delete row[`_k${i}`];
      return { rows: rows as BrowsedFact[], next };
    },
  };
}

export function planCountFacts(dialect: Dialect, q: FactQuery, cap?: number): Plan<number> {
  const where = whereOf(dialect, q);
  const from = `facts f${where.needsDocument ? ' JOIN documents d ON d.id = f.document_id' : ''}`;
  const read = (rows: Array<Record<string, any>>) => Number(rows[0].n);
  if (cap === undefined) return { sql: `SELECT COUNT(*) AS n FROM ${from} WHERE ${where.sql}`, params: where.params, read };
  return { sql: `SELECT COUNT(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where.sql} LIMIT ?) capped`, params: [...where.params, cap], read };
}

export function planCountFactsBy(dialect: Dialect, q: FactQuery, by: FactDimension[], limit = 1000): Plan<GroupCount[]> {
  if (!by.length) {
    const count = planCountFacts(dialect, q);
    return { ...count, read: (rows) => [{ keys: [], n: count.read(rows) }] };
  }
  const dims = by.map((b) => dimensionSql(dialect, b));
  const where = whereOf(dialect, q);
  const needsDocument = where.needsDocument || dims.some((d) => d.needsDocument);
  const columns = dims.flatMap((d) => d.sql);
  const derived = dims.some((d) => d.value);
  const sql = `SELECT ${columns.map((c, i) => `${c} AS k${i}`).join(', ')}, COUNT(*) AS n
    FROM facts f${needsDocument ? ' JOIN documents d ON d.id = f.document_id' : ''}
    WHERE ${where.sql}
    GROUP BY ${columns.map((_, i) => `k${i}`).join(', ')}
    ${derived ? '' : `ORDER BY n DESC, ${columns.map((_, i) => `k${i}`).join(', ')} LIMIT ?`}`;
  return {
    sql,
    params: [...where.params, ...(derived ? [] : [limit])],
    read(rows) {
      const groups = new Map<string, GroupCount>();
      for (const row of rows) {
        let col = 0;
        const keys = dims.map((d) => {
          const cols = d.sql.map(() => row[`k${col++}`]);
          return d.value ? d.value(cols) : cols[0];
        });
        const key = JSON.stringify(keys);
        const g = groups.get(key);
        if (g) g.n += Number(row.n);
        else groups.set(key, { keys, n: Number(row.n) });
      }
      const out = [...groups.values()];
      if (derived) {
        out.sort((a, b) => b.n - a.n || JSON.stringify(a.keys).localeCompare(JSON.stringify(b.keys)));
        out.length = Math.min(out.length, limit);
      }
      return out;
    },
  };
}

export function planRuleSummaries(dialect: Dialect, rule?: string): Plan<RuleSummary[]> {
  // Both aggregates read the covering index facts_rule_doc (rule_id, document_id, rule_version), not the table.
  const one = rule === undefined ? '' : 'WHERE f.rule_id = ?';
  return {
    sql: `WITH verdicts AS (
        SELECT f.rule_id, SUM(CASE WHEN r.verdict = 'correct' THEN 1 ELSE 0 END) AS correct,
          SUM(CASE WHEN r.verdict = 'wrong' THEN 1 ELSE 0 END) AS wrong
        FROM reviews r JOIN facts f ON ${REVIEW_OF_F} ${one} GROUP BY f.rule_id)
      SELECT f.rule_id AS rule, COUNT(*) AS facts, COUNT(DISTINCT f.document_id) AS documents,
        COUNT(DISTINCT f.rule_version) AS versions, COALESCE(MAX(v.correct), 0) AS correct, COALESCE(MAX(v.wrong), 0) AS wrong
      FROM facts f LEFT JOIN verdicts v ON v.rule_id = f.rule_id ${one}
      GROUP BY f.rule_id ORDER BY ${dialect.bytewise('f.rule_id')}`,
    params: rule === undefined ? [] : [rule, rule],
    read: (rows) =>
      rows.map((r) => ({
        rule: r.rule,
        facts: Number(r.facts),
        documents: Number(r.documents),
        versions: Number(r.versions),
        correct: Number(r.correct),
        wrong: Number(r.wrong),
      })),
  };
}

/** The facts a summary reads, narrowed by a query (summaryOf gives it the type). */
export function planSummaryFacts(dialect: Dialect, q: FactQuery): Plan<SummaryFact[]> {
  const where = whereOf(dialect, q);
  return {
    sql: `SELECT ${SUMMARY_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id WHERE ${where.sql} ORDER BY f.id`,
    params: where.params,
    read: (rows) => rows as SummaryFact[],
  };
}

/** Documents not grouped into stories yet (stored by queue workers; ingest and the queue's end group them). */
export function planUngroupedDocuments(): Plan<number> {
  return { sql: 'SELECT COUNT(*) AS n FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_stories s WHERE s.document_id = d.id)', params: [], read: (rows) => Number(rows[0].n) };
}

/** A summary from the rows of the two plans above (each backend runs them and calls this). */
export function summaryFrom(facts: SummaryFact[], ungrouped: number, by: SummaryDimension[], modality: ModalityFilter): Summary {
  return { ...summarize(facts, by, modality), ungrouped };
}

export function planSampleFacts(rule: string, n: number, seed: number): Plan<BrowsedFact[]> {
  // A multiplicative hash of (id, seed) orders the rule's facts the same way for the same seed, on either backend
  // (64-bit integer arithmetic on both).
  return {
    sql: `SELECT ${BROWSED_COLUMNS} FROM facts f JOIN documents d ON d.id = f.document_id LEFT JOIN reviews r ON ${REVIEW_OF_F}
      WHERE f.rule_id = ? ORDER BY ((f.id + ?) * 2654435761) % 4294967311, f.id LIMIT ?`,
    params: [rule, Math.floor(seed) % 1000003, Math.max(1, Math.floor(n))],
    read: (rows) => rows as BrowsedFact[],
  };
}
