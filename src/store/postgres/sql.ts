/** Small SQL helpers for the PostgreSQL store: placeholders and type parsing. */
import pg from 'pg';

/**
 * Rewrites SQLite-style `?` placeholders to PostgreSQL's `$1, $2, …`, leaving `?` inside quoted strings and
 * identifiers alone, so that read queries written for the `Store.query` door work on both stores.
 */
export function toDollarParams(sql: string): string {
  let out = '';
  let n = 0;
  let quote: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (quote) {
      out += c;
      if (c === quote) quote = null;
    } else if (c === "'" || c === '"') {
      quote = c;
      out += c;
    } else if (c === '?') {
      out += '$' + ++n;
    } else {
      out += c;
    }
  }
  return out;
}

const INT8 = 20;
const NUMERIC = 1700;

/**
 * Type parsers for this store's connections: BIGINT ids and counts (and NUMERIC sums) come back as JS numbers, as
 * they do from SQLite, instead of strings. Values stay exact below 2^53, far above any row count here.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format as any);
  },
} as pg.CustomTypesConfig;
