/**
 * The web interface's read queries on SQLite: the shared plans (../browse.ts) run on this connection, and full-text
 * search through the FTS5 trigram index (db/migrations/003_browse.sql), with a substring scan for terms shorter than
 * three characters, which trigrams cannot match (two-character Chinese words such as 贷款).
 */
import type Database from 'better-sqlite3';
import {
  planBrowseFacts,
  planCountFacts,
  planCountFactsBy,
  planRuleSummaries,
  planSampleFacts,
  planSummaryFacts,
  planUngroupedDocuments,
  summaryFrom,
  type Plan,
} from '../browse.js';
import type { ModalityFilter, Summary, SummaryDimension } from '../../summary/summarize.js';
import { SQLITE, likePattern } from '../columns.js';
import type {
  BrowseStore,
  BrowsedFact,
  FactDimension,
  FactPage,
  FactPageRequest,
  FactQuery,
  GroupCount,
  RuleSummary,
  SearchResult,
} from '../types.js';

/** Trigram full-text search matches terms of three characters or more; shorter ones are found by a substring scan. */
function isTrigramSearchable(term: string): boolean {
  return [...term].length >= 3;
}

function ftsPhrase(term: string): string {
  return '"' + term.replace(/"/g, '""') + '"';
}

export class SqliteBrowser implements Omit<BrowseStore, 'updateSearchIndex' | 'close'> {
  constructor(private readonly db: Database.Database) {}

  private run<T>(plan: Plan<T>): T {
    return plan.read(this.db.prepare(plan.sql).all(...plan.params) as Array<Record<string, any>>);
  }

  browseFacts(req: FactPageRequest): FactPage {
    return this.run(planBrowseFacts(SQLITE, req));
  }

  countFacts(q: FactQuery, cap?: number): number {
    return this.run(planCountFacts(SQLITE, q, cap));
  }

  countFactsBy(q: FactQuery, by: FactDimension[], limit?: number): GroupCount[] {
    return this.run(planCountFactsBy(SQLITE, q, by, limit));
  }

  ruleSummaries(rule?: string): RuleSummary[] {
    return this.run(planRuleSummaries(SQLITE, rule));
  }

  sampleFacts(rule: string, n: number, seed: number): BrowsedFact[] {
    return this.run(planSampleFacts(rule, n, seed));
  }

  summarize(q: FactQuery, by: SummaryDimension[], modality: ModalityFilter): Summary {
    return summaryFrom(this.run(planSummaryFacts(SQLITE, q)), this.run(planUngroupedDocuments()), by, modality);
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
