import type { Store } from '../store/types.js';
import { FACT_TYPES } from '../types.js';
import { formatRows } from './format.js';

/** Facts in the database per type and language: what `ingest` and `npm start` print at the end. */
export function printTotals(store: Store): void {
  const rows = store.query(
    `SELECT f.type AS type, d.lang AS lang, COUNT(*) AS n FROM facts f JOIN documents d ON d.id = f.document_id
     GROUP BY f.type, d.lang`,
  ) as Array<{ type: string; lang: string; n: number }>;
  const langs = [...new Set(rows.map((r) => r.lang))].sort();
  const table = FACT_TYPES.map((type) => {
    const row: Record<string, unknown> = { type };
    let total = 0;
    for (const l of langs) {
      const n = rows.find((r) => r.type === type && r.lang === l)?.n ?? 0;
      row[l] = n;
      total += n;
    }
    row.total = total;
    return row;
  });
  const docs = store.query('SELECT COUNT(*) AS n FROM documents')[0].n;
  console.log(`\nfacts in the database by type and language (${docs} documents):`);
  process.stdout.write(formatRows(table, ['type', ...langs, 'total'], 'table'));
}
