/**
 * The web interface's read queries on PostgreSQL: the shared plans (../browse.ts) run on the pool, and search as a
 * substring scan of the normalized text (ILIKE, so Latin letters match without regard to case, as SQLite's FTS5 does).
 * The scan reads every document; a pg_trgm GIN index on documents.normalized_text would serve the same ILIKE when a
 * shared store grows large enough for search to need it.
 */
import type pg from 'pg';
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
import { POSTGRES, likePattern } from '../columns.js';
import { toDollarParams } from './sql.js';
import type {
  BrowsedFact,
  FactDimension,
  FactPage,
  FactPageRequest,
  FactQuery,
  GroupCount,
  RuleSummary,
  SearchResult,
} from '../types.js';

export class PostgresBrowser {
  constructor(private readonly pool: pg.Pool) {}

  private async run<T>(plan: Plan<T>): Promise<T> {
    return plan.read((await this.pool.query(toDollarParams(plan.sql), plan.params)).rows);
  }

  browseFacts(req: FactPageRequest): Promise<FactPage> {
    return this.run(planBrowseFacts(POSTGRES, req));
  }

  countFacts(q: FactQuery, cap?: number): Promise<number> {
    return this.run(planCountFacts(POSTGRES, q, cap));
  }

  countFactsBy(q: FactQuery, by: FactDimension[], limit?: number): Promise<GroupCount[]> {
    return this.run(planCountFactsBy(POSTGRES, q, by, limit));
  }

  ruleSummaries(rule?: string): Promise<RuleSummary[]> {
    return this.run(planRuleSummaries(POSTGRES, rule));
  }

  sampleFacts(rule: string, n: number, seed: number): Promise<BrowsedFact[]> {
    return this.run(planSampleFacts(rule, n, seed));
  }

  async summarize(q: FactQuery, by: SummaryDimension[], modality: ModalityFilter): Promise<Summary> {
    const [facts, ungrouped] = await Promise.all([this.run(planSummaryFacts(POSTGRES, q)), this.run(planUngroupedDocuments())]);
    return summaryFrom(facts, ungrouped, by, modality);
  }

  async searchDocuments(terms: string[], limit: number, offset: number, cap = 1000): Promise<SearchResult> {
    const clean = terms.map((t) => t.trim()).filter(Boolean);
    if (!clean.length) return { hits: [], total: 0, totalCapped: false };
    const where = clean.map(() => "d.normalized_text ILIKE ? ESCAPE '\\'").join(' AND ');
    const params = clean.map(likePattern);
    const hits = (
      await this.pool.query(
        toDollarParams(
          `SELECT d.id AS "documentId", d.source, d.title, d.lang FROM documents d WHERE ${where} ORDER BY d.id LIMIT ? OFFSET ?`,
        ),
        [...params, Math.max(1, Math.floor(limit)), Math.max(0, Math.floor(offset))],
      )
    ).rows as SearchResult['hits'];
    const total = Number(
      (
        await this.pool.query(toDollarParams(`SELECT COUNT(*) AS n FROM (SELECT 1 FROM documents d WHERE ${where} LIMIT ?) capped`), [
          ...params,
          cap + 1,
        ])
      ).rows[0].n,
    );
    return { hits, total: Math.min(total, cap), totalCapped: total > cap };
  }
}
